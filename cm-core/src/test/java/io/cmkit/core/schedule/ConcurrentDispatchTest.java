package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.LiveShows.START;
import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.Threading;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.schedule.event.PublicationDeferred;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.Publishing.Idempotency;
import io.cmkit.core.spi.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The scheduler sending a batch's publications concurrently")
class ConcurrentDispatchTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Samples.T0);
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final ExecutorService host = Executors.newFixedThreadPool(16);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        host.shutdownNow();
        caller.shutdownNow();
    }

    private SchedulerConfig.Builder config(int concurrency) {
        return SchedulerConfig.custom().leaseDuration(LEASE).randomizationFactor(0).randomSeed(7)
                .dispatchConcurrency(concurrency);
    }

    /**
     * A platform whose publish calls each wait for {@link #open}, counting how many are in flight
     * at once; {@link #arrived} counts down as calls come in.
     */
    static final class GatedPlatform implements Connector, Publishing {
        final FakePlatform platform;
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch arrived;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        GatedPlatform(FakePlatform platform, int arrivals) {
            this.platform = platform;
            this.arrived = new CountDownLatch(arrivals);
        }

        @Override
        public Account account() {
            return platform.account();
        }

        @Override
        public PlatformLimits limits() {
            return platform.limits();
        }

        @Override
        public Optional<Publishing> publishing() {
            return Optional.of(this);
        }

        @Override
        public PublishedPost publish(PublishRequest request) throws ConnectorException {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            arrived.countDown();
            try {
                if (!open.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened");
                }
                return platform.publish(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void delete(PostRef post) {
        }

        @Override
        public Idempotency idempotency() {
            return platform.idempotency();
        }

        @Override
        public Optional<PublishedPost> findPublished(String idempotencyKey) {
            return platform.findPublished(idempotencyKey);
        }

        @Override
        public boolean supportsNativeScheduling() {
            return false;
        }
    }

    private void schedulePosts(int posts) {
        for (int i = 0; i < posts; i++) {
            Samples.scheduled(store, "p" + i, NINE.plusSeconds(i));
        }
    }

    /** A batch being sent: Mastodon's gate is shut, {@code arrivals} calls already wait at it. */
    private record Gated(GatedPlatform mastodon, FakePlatform bluesky, Scheduler scheduler, Future<DispatchReport> run) {
    }

    /**
     * {@code posts} posts on Mastodon and Bluesky due at 09:00, the clock at 09:01, and a scheduler's
     * batch run on another thread until {@code arrivals} Mastodon calls wait at the gate; on the
     * host's executor when {@code onHost}, else on the scheduler's own pool.
     */
    private Gated gatedBatch(String id, int posts, int concurrency, int arrivals, boolean onHost) throws Exception {
        GatedPlatform mastodon = new GatedPlatform(new FakePlatform(MASTODON, Idempotency.NATIVE, clock), arrivals);
        FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
        schedulePosts(posts);
        clock.set(NINE.plusSeconds(60));
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        SchedulerConfig config = config(concurrency).build();
        Scheduler scheduler = onHost ? Scheduler.of(id, store, connectors, config, clock, host)
                : Scheduler.of(id, store, connectors, config, clock);
        Future<DispatchReport> run = caller.submit(scheduler::runOnce);
        assertThat(mastodon.arrived.await(30, TimeUnit.SECONDS)).as("%d sends in flight at once", arrivals).isTrue();
        return new Gated(mastodon, bluesky, scheduler, run);
    }

    @Test
    @DisplayName("sends as many publications at once as configured, on the host's executor, never more")
    void sendsConcurrentlyWithinTheBound() throws Exception {
        // One at a time, the first call would hold the gate shut forever: 4 calls wait together.
        Gated gated = gatedBatch("a", 10, 4, 4, true);
        GatedPlatform mastodon = gated.mastodon();
        FakePlatform bluesky = gated.bluesky();
        Scheduler scheduler = gated.scheduler();
        Future<DispatchReport> run = gated.run();

        assertThat(store.findByState(PostState.PUBLISHED)).as("nothing recorded while sends are open").isEmpty();
        mastodon.open.countDown();
        DispatchReport report = run.get(30, TimeUnit.SECONDS);

        assertThat(report.claimed()).isEqualTo(20);
        assertThat(report.published()).isEqualTo(20);
        assertThat(mastodon.mostInFlight).as("never more than the bound").hasValue(4);
        assertThat(mastodon.platform.createdPerKey()).hasSize(10).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(bluesky.createdPerKey()).hasSize(10);
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(10);
        assertThat(host.isShutdown()).as("the host's executor is the host's").isFalse();
        scheduler.close();
        assertThat(host.isShutdown()).isFalse();
    }

    @Test
    @DisplayName("renews, in the store, the leases of the publications in flight, and records the finished ones before theirs run out")
    void renewsLeasesWhileSending() throws Exception {
        Gated gated = gatedBatch("a", 2, 4, 2, true);
        Instant claimedAt = clock.instant();
        GatedPlatform mastodon = gated.mastodon();
        Scheduler scheduler = gated.scheduler();
        Future<DispatchReport> run = gated.run();

        clock.advance(Duration.ofMinutes(4));
        Instant renewedUntil = claimedAt.plus(Duration.ofMinutes(4)).plus(LEASE);
        List<String> keys = List.of(Publication.keyFor(Samples.key("p0"), MASTODON),
                Publication.keyFor(Samples.key("p1"), MASTODON));
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (keys.stream().anyMatch(k -> store.publication(k).orElseThrow().lease().orElseThrow().expiresAt()
                .isBefore(renewedUntil)) && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(keys).allSatisfy(k -> assertThat(store.publication(k).orElseThrow().lease().orElseThrow()
                .expiresAt()).isEqualTo(renewedUntil));
        assertThat(store.publication(Publication.keyFor(Samples.key("p0"), BLUESKY)).orElseThrow().status())
                .as("sent, and recorded before its lease ran out").isEqualTo(PublicationStatus.PUBLISHED);
        mastodon.open.countDown();

        assertThat(run.get(30, TimeUnit.SECONDS).published()).isEqualTo(4);
        scheduler.close();
    }

    @Test
    @DisplayName("a rate limit defers the rest of that account's batch until the reset; the other account goes on")
    void rateLimitDefersTheAccount() {
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
        Instant reset = NINE.plus(Duration.ofMinutes(15));
        mastodon.failNext(new RateLimitedException(Platform.MASTODON, reset, Optional.of("Too many requests")));
        schedulePosts(20);
        clock.set(NINE.plusSeconds(60));
        Scheduler scheduler = Scheduler.of("a", store, ConnectorLookup.of(List.of(mastodon, bluesky)),
                config(4).build(), clock);
        List<PublicationDeferred> deferred = new CopyOnWriteArrayList<>();
        scheduler.getEventPublisher().onDeferred(deferred::add);

        DispatchReport report = scheduler.dispatchDue();

        // Each worker has at most one call in flight when the limit comes back: at most 4 reach Mastodon.
        assertThat(mastodon.calls()).hasSizeBetween(1, 4);
        assertThat(bluesky.createdPerKey()).hasSize(20);
        assertThat(report.published()).isEqualTo(20 + mastodon.calls().size() - 1);
        assertThat(report.deferred()).isEqualTo(20 - (mastodon.calls().size() - 1));
        assertThat(deferred).hasSize(report.deferred()).allSatisfy(e -> {
            assertThat(e.account()).isEqualTo(MASTODON);
            assertThat(e.until()).isEqualTo(reset);
        });
        List<Publication> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Publication p = store.publication(Publication.keyFor(Samples.key("p" + i), MASTODON)).orElseThrow();
            if (p.status() == PublicationStatus.PENDING) {
                waiting.add(p);
            }
        }
        assertThat(waiting).hasSize(report.deferred()).allSatisfy(p -> {
            assertThat(p.dueAt()).isEqualTo(reset);
            assertThat(p.attempts()).isZero();
        });

        clock.set(reset);
        scheduler.dispatchDue();
        assertThat(mastodon.createdPerKey()).hasSize(20).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(20);
        scheduler.close();
    }

    @Test
    @DisplayName("threads of live shows due at once go out in order, each cue replying to the one before, in one pass")
    void threadsKeepTheirOrder() {
        MutableClock liveClock = new MutableClock(START.minus(Duration.ofDays(1)));
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, liveClock);
        FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, liveClock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        LiveScheduling live = LiveShows.live(store, connectors, liveClock);
        List<LivePlan> plans = new ArrayList<>();
        for (int show = 0; show < 3; show++) {
            LivePlan plan = LiveShows.cues("show-" + show, 6, Threading.THREAD_BRIDGING_GAPS, MASTODON, BLUESKY)
                    .plan(liveClock);
            LiveShows.approveAndSchedule(live, plan);
            plans.add(plan);
        }
        liveClock.set(START.plus(Duration.ofHours(2)));
        Scheduler scheduler = Scheduler.of("a", store, connectors, config(8).build(), liveClock);

        DispatchReport report = scheduler.dispatchDue();

        assertThat(report.published()).isEqualTo(3 * 6 * 2);
        assertThat(report.deferred()).as("no reply had to wait for its parent").isZero();
        LiveShows.assertPublishedInOrderOnce(plans, List.of(mastodon, bluesky));
        scheduler.close();
    }

    @Test
    @DisplayName("a batch is cut into lanes: a publication with the ones of the batch replying to it, in batch order")
    void lanes() {
        MutableClock liveClock = new MutableClock(START.minus(Duration.ofDays(1)));
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, liveClock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon));
        LiveScheduling live = LiveShows.live(store, connectors, liveClock);
        LivePlan plan = LiveShows.cues("show", 4, Threading.THREAD_BRIDGING_GAPS, MASTODON).plan(liveClock);
        LiveShows.approveAndSchedule(live, plan);
        Samples.scheduled(store, "alone", START);
        liveClock.set(START.plus(Duration.ofHours(2)));

        List<Publication> batch = store.claimDue("a", liveClock.instant(), LEASE, 50);
        List<List<Publication>> lanes = io.cmkit.core.schedule.internal.DefaultScheduler.lanes(batch);

        List<String> thread = plan.on(MASTODON).stream().map(io.cmkit.core.live.PlannedPost::key).toList();
        assertThat(lanes).hasSize(3);
        assertThat(lanes).anySatisfy(lane -> assertThat(lane).extracting(Publication::idempotencyKey)
                .containsExactlyElementsOf(thread));
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(batch.size());
    }

    @Test
    @DisplayName("close() waits for the batch in flight, then stops the pool the scheduler owns")
    void closeStopsItsOwnPool() throws Exception {
        Gated gated = gatedBatch("own", 6, 2, 2, false);
        GatedPlatform mastodon = gated.mastodon();
        FakePlatform bluesky = gated.bluesky();
        Scheduler scheduler = gated.scheduler();
        Future<DispatchReport> run = gated.run();
        List<Thread> pool = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("cmkit-dispatch-own-")).toList();
        assertThat(pool).hasSize(2);

        Future<?> closing = host.submit(scheduler::close);
        mastodon.open.countDown();
        DispatchReport report = run.get(30, TimeUnit.SECONDS);
        closing.get(30, TimeUnit.SECONDS);
        for (Thread t : pool) {
            t.join(30_000);
        }

        assertThat(pool).noneMatch(Thread::isAlive);
        // Closing while the batch ran: the publications not yet started went back, unsent.
        assertThat(report.published() + report.released()).isEqualTo(12);
        assertThat(mastodon.platform.calls().size() + bluesky.calls().size()).isEqualTo(report.published());
        assertThat(scheduler.runOnce()).isEqualTo(DispatchReport.EMPTY);
    }
}
