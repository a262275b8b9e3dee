package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.spi.Publishing.Idempotency;
import io.cmkit.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scheduler instances that share one database, each through a store of its own as separate
 * processes would: the claims, leases and takeovers of the JDBC store under real concurrency.
 */
@DisplayName("Several scheduler instances on one database")
class JdbcMultiInstanceSchedulerTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int INSTANCES = 4;

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgreSQL extends Cases {
        @Override
        String newDatabase() {
            return TestDatabases.freshPostgresSchema();
        }

        @Override
        String user() {
            return "postgres";
        }
    }

    @Nested
    @DisplayName("on H2 in memory")
    class OnH2 extends Cases {
        private String name;

        @Override
        String newDatabase() {
            name = TestDatabases.freshH2Name();
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        }

        @Override
        String user() {
            return "";
        }

        @AfterEach
        void drop() {
            TestDatabases.dropH2(name);
        }
    }

    abstract class Cases {

        final MutableClock clock = new MutableClock(T0);
        final ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        final List<JdbcScheduleStore> stores = new ArrayList<>();
        String url;

        abstract String newDatabase();

        abstract String user();

        @BeforeEach
        void openStores() {
            url = newDatabase();
            for (int i = 0; i < INSTANCES; i++) {
                stores.add(JdbcScheduleStore.connect(url, user(), "", JdbcStoreConfig.ofDefaults()));
            }
        }

        @AfterEach
        void closeStores() {
            threads.shutdownNow();
            stores.forEach(JdbcScheduleStore::close);
        }

        void schedulePosts(int posts) {
            ScheduleStore store = stores.get(0);
            for (int i = 0; i < posts; i++) {
                Samples.scheduled(store, "p" + i, NINE.plusSeconds(i % 60));
            }
        }

        /** {@code count} instances sending {@code concurrency} publications of a batch at once. */
        List<Scheduler> instances(ConnectorLookup connectors, AtomicInteger publishedEvents, int count,
                                  int concurrency) {
            List<Scheduler> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Scheduler s = Scheduler.of("instance-" + i, stores.get(i), connectors,
                        SchedulerConfig.custom().leaseDuration(LEASE).batchSize(25).randomSeed(i)
                                .dispatchConcurrency(concurrency).build(), clock);
                s.getEventPublisher().onPublished(e -> publishedEvents.incrementAndGet());
                out.add(s);
            }
            return out;
        }

        /** Runs each instance on its own thread until nothing is due and no live instance holds a lease. */
        List<Throwable> runConcurrently(List<Scheduler> schedulers) throws InterruptedException {
            CountDownLatch start = new CountDownLatch(1);
            Set<String> alive = ConcurrentHashMap.newKeySet();
            schedulers.forEach(s -> alive.add(s.instanceId()));
            List<Future<?>> futures = new ArrayList<>();
            for (Scheduler s : schedulers) {
                futures.add(threads.submit(() -> {
                    try {
                        start.await();
                        while (true) {
                            if (s.runOnce().claimed() > 0) {
                                continue;
                            }
                            boolean due = stores.get(0).nextClaimableAt()
                                    .filter(t -> !t.isAfter(clock.instant())).isPresent();
                            if (!due && leasedBy(alive) == 0) {
                                return null;
                            }
                            LockSupport.parkNanos(1_000_000);
                        }
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
                } catch (TimeoutException e) {
                    throw new AssertionError("instances did not finish in 60 s", e);
                }
            }
            return thrown;
        }

        /** Publications held under a lease by one of these instances, read straight from the table. */
        int leasedBy(Set<String> owners) {
            // One snapshot: other threads remove themselves from the set while this runs.
            String[] snapshot = owners.toArray(new String[0]);
            if (snapshot.length == 0) {
                return 0;
            }
            String marks = String.join(", ", java.util.Collections.nCopies(snapshot.length, "?"));
            return count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHING' AND lease_owner IN ("
                    + marks + ")", snapshot);
        }

        int count(String sql, String... args) {
            try (Connection c = DriverManager.getConnection(url, user(), "");
                 PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        @DisplayName("4 instances sending 8 publications at once each, 2,000 posts due in the same minute: "
                + "every publication is sent exactly once")
        void exactlyOnce() throws Exception {
            int posts = 2_000;
            // NONE: the platforms deduplicate nothing, so every call is a post and a double would show.
            FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NONE, clock);
            FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.NONE, clock);
            ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
            schedulePosts(posts);
            AtomicInteger publishedEvents = new AtomicInteger();
            List<Scheduler> schedulers = instances(connectors, publishedEvents, INSTANCES, 8);
            clock.set(NINE.plusSeconds(60));

            assertThat(runConcurrently(schedulers)).isEmpty();

            assertThat(mastodon.calls()).hasSize(posts);
            assertThat(bluesky.calls()).hasSize(posts);
            assertThat(mastodon.createdPerKey()).hasSize(posts).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(bluesky.createdPerKey()).hasSize(posts).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(publishedEvents).hasValue(2 * posts);
            ScheduleStore any = stores.get(3);
            assertThat(any.findByState(PostState.PUBLISHED)).hasSize(posts);
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED'"))
                    .isEqualTo(2 * posts);
            assertThat(count("SELECT COUNT(DISTINCT lease_owner) FROM cm_schedule_publication")).isZero();
            assertThat(any.nextClaimableAt()).isEmpty();
            assertThat(any.publication(Publication.keyFor(Samples.key("p1999"), BLUESKY)).orElseThrow().published()
                    .orElseThrow().idempotencyKey()).isEqualTo(Publication.keyFor(Samples.key("p1999"), BLUESKY));
        }

        /** Two instances, one to die and one to survive, and their platforms (Mastodon: NATIVE keys, Bluesky: LOOKUP). */
        record TwoInstances(FakePlatform mastodon, FakePlatform bluesky, AtomicInteger publishedEvents, Scheduler doomed,
                            Scheduler survivor) {
        }

        /** {@code posts} posts due from 09:00, two instances sending one at a time, the clock at 09:01 (all of them due). */
        TwoInstances twoInstances(int posts) {
            return twoInstances(posts, 1);
        }

        TwoInstances twoInstances(int posts, int concurrency) {
            FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
            FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
            schedulePosts(posts);
            AtomicInteger publishedEvents = new AtomicInteger();
            List<Scheduler> schedulers = instances(ConnectorLookup.of(List.of(mastodon, bluesky)), publishedEvents, 2,
                    concurrency);
            clock.set(NINE.plusSeconds(60));
            return new TwoInstances(mastodon, bluesky, publishedEvents, schedulers.get(0), schedulers.get(1));
        }

        @Test
        @DisplayName("an instance that dies after the platform accepted a post is taken over once its lease expires, without a second post")
        void deathMidPublication() throws Exception {
            int posts = 20;
            TwoInstances scene = twoInstances(posts);
            scene.mastodon().crashAfterAcceptingNext();

            assertThatThrownBy(scene.doomed()::runOnce).isInstanceOf(FakePlatform.SimulatedCrash.class);
            String sentThenLost = Publication.keyFor(Samples.key("p0"), MASTODON);
            assertThat(scene.mastodon().createdPerKey()).containsEntry(sentThenLost, 1);
            Publication abandoned = stores.get(1).publication(sentThenLost).orElseThrow();
            assertThat(abandoned.status()).isEqualTo(PublicationStatus.PUBLISHING);
            assertThat(abandoned.lease().orElseThrow().owner()).isEqualTo(scene.doomed().instanceId());

            // Before the lease expires the survivor takes everything but the dead instance's batch.
            scene.survivor().dispatchDue();
            assertThat(stores.get(1).publication(sentThenLost).orElseThrow().lease().orElseThrow().owner())
                    .isEqualTo(scene.doomed().instanceId());
            int leasedByTheDead = leasedBy(Set.of(scene.doomed().instanceId()));
            assertThat(leasedByTheDead).isEqualTo(25);

            clock.advance(LEASE);
            DispatchReport takeover = scene.survivor().dispatchDue();

            assertThat(takeover.claimed()).isEqualTo(leasedByTheDead);
            assertThat(scene.mastodon().createdPerKey()).hasSize(posts)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(scene.bluesky().createdPerKey()).hasSize(posts)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(scene.mastodon().calls().stream().filter(r -> r.idempotencyKey().equals(sentThenLost)))
                    .hasSize(2);
            assertThat(stores.get(2).findByState(PostState.PUBLISHED)).hasSize(posts);
            Publication recovered = stores.get(2).publication(sentThenLost).orElseThrow();
            assertThat(recovered.status()).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(recovered.outcomeUnknown()).isFalse();
            assertThat(recovered.published()).isEqualTo(scene.mastodon().findPublished(sentThenLost));
            assertThat(stores.get(0).nextClaimableAt()).isEmpty();
        }
    
        @Test
        @DisplayName("an instance that dies halfway through a batch, having sent part of it and recorded none, "
                + "loses nothing and doubles nothing: the batch is taken over once its lease expires")
        void deathBeforeTheBatchIsRecorded() throws Exception {
            int posts = 20;
            TwoInstances scene = twoInstances(posts);
            scene.mastodon().crashAfterAccepting(10);

            assertThatThrownBy(scene.doomed()::runOnce).isInstanceOf(FakePlatform.SimulatedCrash.class);

            // It sent 10 posts to Mastodon and 9 to Bluesky, and died before recording any of its batch of 25.
            assertThat(scene.mastodon().createdPerKey()).hasSize(10);
            assertThat(scene.bluesky().createdPerKey()).hasSize(9);
            assertThat(leasedBy(Set.of(scene.doomed().instanceId()))).isEqualTo(25);
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED'")).isZero();
            assertThat(scene.publishedEvents()).as("no event before the record").hasValue(0);

            scene.survivor().dispatchDue();
            assertThat(leasedBy(Set.of(scene.doomed().instanceId()))).isEqualTo(25);
            clock.advance(LEASE);
            DispatchReport takeover = scene.survivor().dispatchDue();

            assertThat(takeover.claimed()).isEqualTo(25);
            assertThat(takeover.published()).isEqualTo(25);
            assertThat(scene.mastodon().createdPerKey()).hasSize(posts)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(scene.bluesky().createdPerKey()).hasSize(posts)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(scene.publishedEvents()).hasValue(2 * posts);
            assertThat(stores.get(2).findByState(PostState.PUBLISHED)).hasSize(posts);
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED' "
                    + "AND outcome_unknown = FALSE")).isEqualTo(2 * posts);
            assertThat(stores.get(0).nextClaimableAt()).isEmpty();
        }

        @Test
        @DisplayName("an instance sending 8 publications at once that dies mid-batch records nothing, and the "
                + "takeover sends every post once: the keys dedupe whatever was in flight")
        void concurrentDeathBeforeTheBatchIsRecorded() throws Exception {
            int posts = 20;
            TwoInstances scene = twoInstances(posts, 8);
            scene.mastodon().crashAfterAccepting(10);

            assertThatThrownBy(scene.doomed()::runOnce).isInstanceOf(FakePlatform.SimulatedCrash.class);

            // Sends in flight on the other workers finish, but nothing of the batch is recorded.
            assertThat(scene.mastodon().createdPerKey()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(leasedBy(Set.of(scene.doomed().instanceId()))).isEqualTo(25);
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED'")).isZero();
            assertThat(scene.publishedEvents()).as("no event before the record").hasValue(0);
            int sentBeforeTheCrash = scene.mastodon().calls().size() + scene.bluesky().calls().size();

            clock.advance(LEASE);
            scene.survivor().dispatchDue();

            assertThat(scene.mastodon().createdPerKey()).hasSize(posts)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(scene.bluesky().createdPerKey()).hasSize(posts)
                    .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(sentBeforeTheCrash).as("calls before the crash").isBetween(10, 25);
            assertThat(scene.publishedEvents()).hasValue(2 * posts);
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED' "
                    + "AND outcome_unknown = FALSE")).isEqualTo(2 * posts);
            assertThat(stores.get(0).nextClaimableAt()).isEmpty();
            scene.doomed().close();
            scene.survivor().close();
        }

        @Test
        @DisplayName("4 instances publish threaded live shows whose cues are all due at once: each thread in order, each cue exactly once")
        void threadedShowsInOrderExactlyOnce() throws Exception {
            int shows = 4;
            int cues = 8;
            Duration parentWait = Duration.ofSeconds(1);
            clock.set(LiveShows.START.minus(Duration.ofDays(1)));
            FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NONE, clock);
            FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.NONE, clock);
            ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
            LiveScheduling live = LiveShows.live(stores.get(0), connectors, clock);
            List<io.cmkit.core.live.LivePlan> plans = new ArrayList<>();
            for (int s = 0; s < shows; s++) {
                io.cmkit.core.live.LivePlan plan = LiveShows.cues("show-" + s, cues, s % 2 == 0
                        ? io.cmkit.core.live.Threading.THREAD_BRIDGING_GAPS
                        : io.cmkit.core.live.Threading.THREAD_RESTARTING_AFTER_GAPS, MASTODON, BLUESKY).plan(clock);
                LiveShows.approveAndSchedule(live, plan);
                plans.add(plan);
            }
            AtomicInteger publishedEvents = new AtomicInteger();
            List<Scheduler> schedulers = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Scheduler sch = Scheduler.of("instance-" + i, stores.get(i), connectors, SchedulerConfig.custom()
                        .leaseDuration(LEASE).batchSize(5).parentWait(parentWait).randomSeed(i).build(), clock);
                sch.getEventPublisher().onPublished(e -> publishedEvents.incrementAndGet());
                schedulers.add(sch);
            }
            clock.set(LiveShows.START.plus(Duration.ofHours(1)));

            int rounds = 0;
            while (count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED'") < shows * cues * 2) {
                assertThat(runConcurrently(schedulers)).isEmpty();
                clock.advance(parentWait);
                assertThat(++rounds).as("rounds").isLessThan(500);
            }

            LiveShows.assertPublishedInOrderOnce(plans, List.of(mastodon, bluesky));
            assertThat(mastodon.calls()).hasSize(shows * cues);
            assertThat(bluesky.calls()).hasSize(shows * cues);
            assertThat(publishedEvents).hasValue(shows * cues * 2);
            assertThat(stores.get(3).findByState(PostState.PUBLISHED)).hasSize(shows * cues * 2);
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE attempts > 0")).isZero();
            assertThat(count("SELECT COUNT(*) FROM cm_schedule_publication WHERE reply_to IS NOT NULL"))
                    .isEqualTo(shows * (cues - 1) * 2);
        }
}
}
