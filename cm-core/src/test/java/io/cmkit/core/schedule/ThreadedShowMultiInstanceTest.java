package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.LiveShows.START;
import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.Threading;
import io.cmkit.core.schedule.internal.InMemoryScheduleStore;
import io.cmkit.core.spi.Publishing.Idempotency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Several scheduler instances publishing threaded live shows on one store")
class ThreadedShowMultiInstanceTest {

    static final int INSTANCES = 4;
    static final int SHOWS = 6;
    static final int CUES = 10;
    static final Duration PARENT_WAIT = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(START.minus(Duration.ofDays(1)));
    private final InMemoryScheduleStore store = new InMemoryScheduleStore();
    private final ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    @DisplayName("4 instances publish 6 threaded shows whose cues are all due at once: each thread in order, each cue exactly once")
    void inOrderExactlyOnce() throws Exception {
        // NONE: the platforms deduplicate nothing, so every call is a post and a double would show.
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NONE, clock);
        FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.NONE, clock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        LiveScheduling live = LiveShows.live(store, connectors, clock);
        List<LivePlan> plans = new ArrayList<>();
        for (int s = 0; s < SHOWS; s++) {
            LivePlan plan = LiveShows.cues("show-" + s, CUES, s % 2 == 0 ? Threading.THREAD_BRIDGING_GAPS
                    : Threading.THREAD_RESTARTING_AFTER_GAPS, MASTODON, BLUESKY).plan(clock);
            LiveShows.approveAndSchedule(live, plan);
            plans.add(plan);
        }
        AtomicInteger published = new AtomicInteger();
        AtomicInteger waits = new AtomicInteger();
        List<Scheduler> schedulers = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            Scheduler s = Scheduler.of("instance-" + i, store, connectors, SchedulerConfig.custom().batchSize(5)
                    .parentWait(PARENT_WAIT).randomSeed(i).build(), clock);
            s.getEventPublisher().onPublished(e -> published.incrementAndGet()).onDeferred(e -> waits.incrementAndGet());
            schedulers.add(s);
        }
        clock.set(START.plus(Duration.ofHours(1)));

        int rounds = 0;
        while (store.findByState(PostState.PUBLISHED).size() < SHOWS * CUES * 2) {
            assertThat(runConcurrently(schedulers)).isEmpty();
            clock.advance(PARENT_WAIT);
            assertThat(++rounds).as("rounds").isLessThan(500);
        }

        LiveShows.assertPublishedInOrderOnce(plans, List.of(mastodon, bluesky));
        assertThat(mastodon.calls()).hasSize(SHOWS * CUES);
        assertThat(bluesky.calls()).hasSize(SHOWS * CUES);
        assertThat(published).hasValue(SHOWS * CUES * 2);
        assertThat(store.openPublications()).isEmpty();
        assertThat(store.findByState(PostState.PUBLISHED)).allSatisfy(p ->
                assertThat(store.publications(p.key())).singleElement().satisfies(q -> assertThat(q.attempts()).isZero()));
    }

    /** Runs each instance on its own thread until nothing is due now and none of them holds a lease. */
    private List<Throwable> runConcurrently(List<Scheduler> schedulers) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Set<String> alive = ConcurrentHashMap.newKeySet();
        schedulers.forEach(s -> alive.add(s.instanceId()));
        List<Future<?>> futures = new ArrayList<>();
        for (Scheduler s : schedulers) {
            futures.add(threads.submit(() -> {
                try {
                    start.await();
                    while (store.nextClaimableAt().filter(t -> !t.isAfter(clock.instant())).isPresent()
                            || store.openPublications().stream().anyMatch(p -> p.status() == PublicationStatus.PUBLISHING
                            && alive.contains(p.lease().orElseThrow().owner()))) {
                        if (s.runOnce().claimed() == 0) {
                            Thread.onSpinWait();
                        }
                    }
                    return null;
                } finally {
                    alive.remove(s.instanceId());
                }
            }));
        }
        start.countDown();
        List<Throwable> thrown = new ArrayList<>();
        for (Future<?> f : futures) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                thrown.add(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("instances did not finish in 60 s", e);
            }
        }
        return thrown;
    }
}
