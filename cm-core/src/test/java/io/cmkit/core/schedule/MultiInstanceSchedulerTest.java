package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.T0;
import static io.cmkit.core.schedule.Samples.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.schedule.event.PostPublished;
import io.cmkit.core.spi.Publishing.Idempotency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

@DisplayName("Several scheduler instances on one store")
class MultiInstanceSchedulerTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int POSTS = 2_000;
    private static final int INSTANCES = 4;

    private final MutableClock clock = new MutableClock(T0);
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private void schedulePosts(ConnectorLookup connectors) {
        PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);
        for (int i = 0; i < POSTS; i++) {
            String id = "p" + i;
            workflow.create(Samples.post(id), List.of(MASTODON, BLUESKY), "camille");
            workflow.submit(key(id), "camille");
            workflow.approve(key(id), "lea");
            workflow.schedule(key(id), NINE.plusSeconds(i % 60), "lea");
        }
    }

    private List<Scheduler> instances(ConnectorLookup connectors, AtomicInteger publishedEvents) {
        List<Scheduler> out = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            Scheduler s = Scheduler.of("instance-" + i, store, connectors,
                    SchedulerConfig.custom().leaseDuration(LEASE).batchSize(25).randomSeed(i).build(), clock);
            s.getEventPublisher().onPublished(e -> publishedEvents.incrementAndGet());
            out.add(s);
        }
        return out;
    }

    /** Runs every instance on its own thread until no publication is open; returns what each thread threw, if anything. */
    private List<Throwable> runConcurrently(List<Scheduler> schedulers) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        java.util.Set<String> alive = java.util.concurrent.ConcurrentHashMap.newKeySet();
        schedulers.forEach(s -> alive.add(s.instanceId()));
        for (Scheduler s : schedulers) {
            futures.add(threads.submit(() -> {
                try {
                    start.await();
                    while (store.nextClaimableAt().filter(t -> !t.isAfter(clock.instant())).isPresent()
                            || hasWorkLeasedBy(alive)) {
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

    /** Whether a running instance still holds a lease: its work may yet end in a retry that is due now. */
    private boolean hasWorkLeasedBy(java.util.Set<String> alive) {
        return ((io.cmkit.core.schedule.internal.InMemoryScheduleStore) store).openPublications().stream()
                .anyMatch(p -> p.status() == PublicationStatus.PUBLISHING
                        && alive.contains(p.lease().orElseThrow().owner()));
    }

    @Test
    @DisplayName("4 instances and 2,000 posts due in the same minute: every publication is sent exactly once")
    void exactlyOnceAcrossInstances() throws Exception {
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NONE, clock);
        FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.NONE, clock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        schedulePosts(connectors);
        AtomicInteger publishedEvents = new AtomicInteger();
        List<Scheduler> schedulers = instances(connectors, publishedEvents);
        clock.set(NINE.plusSeconds(60));

        assertThat(runConcurrently(schedulers)).isEmpty();

        // NONE: the platforms deduplicate nothing, so every call is a post; a double would show.
        assertThat(mastodon.calls()).hasSize(POSTS);
        assertThat(bluesky.calls()).hasSize(POSTS);
        assertThat(mastodon.createdPerKey()).hasSize(POSTS).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(bluesky.createdPerKey()).hasSize(POSTS).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(POSTS);
        assertThat(publishedEvents).hasValue(2 * POSTS);
        assertThat(store.nextClaimableAt()).isEmpty();
    }

    @Test
    @DisplayName("an instance that dies mid-publication is taken over after its lease expires: nothing lost, nothing doubled")
    void deathMidPublication() throws Exception {
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        schedulePosts(connectors);
        AtomicInteger publishedEvents = new AtomicInteger();
        List<Scheduler> schedulers = instances(connectors, publishedEvents);
        clock.set(NINE.plusSeconds(60));
        mastodon.crashAfterAcceptingNext();
        bluesky.crashAfterAcceptingNext();

        List<Throwable> deaths = runConcurrently(schedulers);
        assertThat(deaths).isNotEmpty().allSatisfy(t -> assertThat(t).isInstanceOf(FakePlatform.SimulatedCrash.class));
        assertThat(store.findByState(PostState.PUBLISHED)).hasSizeLessThan(POSTS);

        clock.advance(LEASE);
        List<Scheduler> survivors = instances(connectors, publishedEvents).subList(0, 2);
        assertThat(runConcurrently(survivors)).isEmpty();

        assertThat(mastodon.createdPerKey()).hasSize(POSTS).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(bluesky.createdPerKey()).hasSize(POSTS).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(POSTS);
    }

    @Test
    @DisplayName("a started scheduler polls on its own thread and publishes due posts; close stops it")
    void startAndClose() throws Exception {
        Clock real = Clock.systemUTC();
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, real);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon));
        PostWorkflow workflow = PostWorkflow.of(store, connectors, real);
        workflow.create(Samples.mastodonOnly("live", "Ouverture !"), List.of(MASTODON), "camille");
        workflow.submit(key("live"), "camille");
        workflow.approve(key("live"), "lea");
        workflow.schedule(key("live"), real.instant().plusMillis(100), "lea");
        CountDownLatch published = new CountDownLatch(1);

        try (Scheduler scheduler = Scheduler.of("real", store, connectors,
                SchedulerConfig.custom().pollInterval(Duration.ofMillis(20)).build(), real)) {
            scheduler.getEventPublisher().onPublished(e -> published.countDown());
            scheduler.start();
            assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(store.find(key("live")).orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
        assertThat(mastodon.postsCreated()).isEqualTo(1);
    }
}
