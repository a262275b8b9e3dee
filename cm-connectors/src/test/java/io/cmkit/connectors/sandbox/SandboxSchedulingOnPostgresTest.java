package io.cmkit.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.ConnectorLookup;
import io.cmkit.core.schedule.DispatchReport;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.PostWorkflow;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.PublicationStatus;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.Scheduler;
import io.cmkit.core.schedule.SchedulerConfig;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The publishing pipeline end to end, as an agency would run it: posts approved and scheduled
 * through the workflow, several scheduler instances sharing one real PostgreSQL, and the sandbox
 * connectors as the platforms.
 */
@DisplayName("Scheduler instances on PostgreSQL publishing to the sandbox")
class SandboxSchedulingOnPostgresTest {

    private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Account MASTODON = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");
    private static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");

    private final SimulatedClock clock = SimulatedClock.at(EIGHT);
    private final List<JdbcScheduleStore> stores = new ArrayList<>();
    private SandboxWorld world;
    private CountingConnector mastodon;
    private CountingConnector bluesky;
    private ConnectorLookup connectors;
    private String url;

    @BeforeEach
    void setUp() {
        url = TestDatabases.freshPostgresSchema();
        world = SandboxWorld.builder().seed(11).clock(clock).zone(ZoneId.of("Europe/Paris")).build();
        mastodon = new CountingConnector(world.connector(MASTODON));
        bluesky = new CountingConnector(world.connector(BLUESKY));
        connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
    }

    @AfterEach
    void closeStores() {
        stores.forEach(JdbcScheduleStore::close);
    }

    private JdbcScheduleStore store() {
        JdbcScheduleStore store = JdbcScheduleStore.connect(url, "postgres", "", JdbcStoreConfig.ofDefaults());
        stores.add(store);
        return store;
    }

    /** Posts written, reviewed, approved and scheduled the way a team does it, spread over one minute. */
    private List<PostKey> scheduleThroughTheWorkflow(int count) {
        PostWorkflow workflow = PostWorkflow.of(store(), connectors, clock);
        List<PostKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Post post = new Post("launch-" + i, "cafe-lumiere", Optional.of("Du grain à la tasse"), Optional.empty(),
                    List.of(PostVariant.text(Platform.MASTODON, "Torréfaction n°" + i + " : l'Éthiopie Guji arrive !"),
                            PostVariant.text(Platform.BLUESKY, "Torréfaction n°" + i + " ☕")));
            PostKey key = workflow.create(post, List.of(MASTODON, BLUESKY), "camille").key();
            workflow.submit(key, "camille");
            workflow.approve(key, "lea");
            workflow.schedule(key, NINE.plusSeconds(i % 60), "camille");
            keys.add(key);
        }
        return keys;
    }

    private List<Scheduler> instances(int count) {
        List<Scheduler> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Scheduler.of("instance-" + i, store(), connectors,
                    SchedulerConfig.custom().leaseDuration(LEASE).batchSize(50).randomSeed(i).build(), clock));
        }
        return out;
    }

    /** Each instance on its own thread, until nothing is due or leased. */
    private static void runConcurrently(List<Scheduler> schedulers, ScheduleStore observer) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(schedulers.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Scheduler scheduler : schedulers) {
                futures.add(threads.submit(() -> {
                    start.await();
                    int idle = 0;
                    while (idle < 3) {
                        DispatchReport report = scheduler.runOnce();
                        if (report.claimed() > 0) {
                            idle = 0;
                        } else if (observer.nextClaimableAt().isEmpty()) {
                            idle++;
                        } else {
                            LockSupport.parkNanos(1_000_000);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                try {
                    future.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("a scheduler instance failed", e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("four instances publish 2,000 posts due in the same minute on two platforms, each exactly once")
    void fourInstancesExactlyOnce() throws Exception {
        List<PostKey> keys = scheduleThroughTheWorkflow(2_000);
        List<Scheduler> schedulers = instances(4);
        AtomicInteger published = new AtomicInteger();
        schedulers.forEach(s -> s.getEventPublisher().onPublished(e -> published.incrementAndGet()));
        clock.set(NINE.plusSeconds(60));

        runConcurrently(schedulers, stores.get(0));

        for (CountingConnector connector : List.of(mastodon, bluesky)) {
            Map<String, Integer> calls = connector.publishCalls();
            assertThat(calls).as(connector.account() + " publish calls").hasSize(keys.size())
                    .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
            for (PostKey key : keys) {
                String idempotencyKey = Publication.keyFor(key, connector.account());
                assertThat(calls).containsKey(idempotencyKey);
                assertThat(connector.require(Publishing.class).findPublished(idempotencyKey)).isPresent();
            }
        }
        assertThat(published).hasValue(2 * keys.size());
        ScheduleStore store = stores.get(0);
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(keys.size());
        assertThat(store.nextClaimableAt()).isEmpty();
    }

    @Test
    @DisplayName("instances that die right after the platform accepted a post are taken over, and no post is published twice")
    void deathAfterAcceptIsReconciled() throws Exception {
        List<PostKey> keys = scheduleThroughTheWorkflow(10);
        // Instances that claim one publication at a time, so each death abandons exactly one lease.
        SchedulerConfig oneAtATime = SchedulerConfig.custom().leaseDuration(LEASE).batchSize(1).build();
        Scheduler first = Scheduler.of("doomed-1", store(), connectors, oneAtATime, clock);
        Scheduler second = Scheduler.of("doomed-2", store(), connectors, oneAtATime, clock);
        Scheduler survivor = instances(1).get(0);
        clock.set(NINE.plusSeconds(60));

        // One instance dies after Mastodon accepted a post, another after Bluesky did.
        mastodon.dieAfterNextPublish();
        runUntilDeath(first);
        bluesky.dieAfterNextPublish();
        runUntilDeath(second);

        // Their leases hold until they expire; then the survivor takes over.
        clock.advance(LEASE.plusSeconds(1));
        runConcurrently(List.of(survivor), stores.get(0));

        for (CountingConnector connector : List.of(mastodon, bluesky)) {
            for (PostKey key : keys) {
                String idempotencyKey = Publication.keyFor(key, connector.account());
                Publication publication = stores.get(0).publication(idempotencyKey).orElseThrow();
                assertThat(publication.status()).isEqualTo(PublicationStatus.PUBLISHED);
                // What the store recorded is the very post the platform made the first time.
                assertThat(publication.published().orElseThrow().ref())
                        .isEqualTo(connector.require(Publishing.class).findPublished(idempotencyKey).orElseThrow().ref());
            }
        }
        // Mastodon honours the key natively: the scheduler sent it again, the platform kept one post.
        assertThat(mastodon.publishCalls().values()).containsOnlyOnce(2).doesNotContain(3);
        // Bluesky is reconciled by lookup: the survivor found the post and did not send it again.
        assertThat(bluesky.publishCalls().values()).containsOnly(1);
        assertThat(stores.get(0).findByState(PostState.PUBLISHED)).hasSize(keys.size());
    }

    private static void runUntilDeath(Scheduler scheduler) {
        for (int i = 0; i < 100; i++) {
            try {
                scheduler.runOnce();
            } catch (CountingConnector.InstanceDied expected) {
                return;
            }
        }
        throw new AssertionError(scheduler.instanceId() + " never reached the armed connector");
    }

    @Test
    @DisplayName("a response lost after the platform accepted a post is retried with the same key: one post on the platform")
    void lostResponseIsRetriedWithTheSameKey() throws ConnectorException {
        List<PostKey> keys = scheduleThroughTheWorkflow(1);
        Scheduler scheduler = instances(1).get(0);
        world.faults(BLUESKY).failNext(1, Fault.lostResponse(), Capability.PUBLISHING);
        clock.set(NINE.plusSeconds(60));

        DispatchReport first = scheduler.dispatchDue();
        assertThat(first.retried()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        scheduler.dispatchDue();

        String key = Publication.keyFor(keys.get(0), BLUESKY);
        Publication publication = stores.get(0).publication(key).orElseThrow();
        assertThat(publication.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication.published().orElseThrow().ref())
                .isEqualTo(bluesky.require(Publishing.class).findPublished(key).orElseThrow().ref());
        assertThat(bluesky.publishCalls().getOrDefault(key, 0)).isLessThanOrEqualTo(2);
    }
}
