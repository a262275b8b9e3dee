package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.T0;
import static io.cmkit.core.schedule.Samples.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreException;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Transactions, rollbacks, connections and row locks of the JDBC store, over a host's data source. */
@DisplayName("The JDBC schedule store's transactions")
class JdbcScheduleStoreTransactionsTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

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

        String url;
        TestDataSource dataSource;
        JdbcScheduleStore store;

        abstract String newDatabase();

        abstract String user();

        @BeforeEach
        void open() {
            url = newDatabase();
            dataSource = new TestDataSource(url, user());
            store = JdbcScheduleStore.create(dataSource);
        }

        @AfterEach
        void noConnectionLeftOpen() {
            store.close();
            assertThat(dataSource.openConnections()).as("connections not given back").isZero();
        }

        private ScheduledPost rescheduled(ScheduledPost post, Instant at) {
            return post.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "lea", T0, Optional.empty())
                    .withScheduledAt(Optional.of(at));
        }

        private List<Publication> pendingAt(ScheduledPost post, Instant at) {
            return post.accounts().stream().map(a -> Publication.pending(post.key(), a,
                    post.post().variantFor(a.platform()).orElseThrow(), at, T0)).toList();
        }

        @Test
        @DisplayName("a failure halfway through an update rolls all of it back")
        void updateRolledBack() {
            ScheduledPost before = Samples.scheduled(store, "p1", T0);
            List<Publication> pubsBefore = store.publications(key("p1"));
            Instant later = T0.plusSeconds(3600);
            dataSource.failStatementsMatching(sql -> sql.startsWith("INSERT INTO cm_schedule_publication"));

            assertThatThrownBy(() -> store.update(rescheduled(before, later), before.version(),
                    Optional.of(pendingAt(before, later))))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining("update post cafe-lumiere/p1").hasMessageContaining("disk full");

            dataSource.heal();
            assertThat(store.find(key("p1"))).contains(before);
            assertThat(store.publications(key("p1"))).isEqualTo(pubsBefore);
        }

        @Test
        @DisplayName("a failure while completing leaves the publication leased, and the holder can record it again")
        void completeRolledBack() {
            Samples.scheduled(store, "p1", T0);
            List<Publication> claimed = store.claimDue("a", T0, LEASE, 10);
            Publication last = claimed.get(1);
            store.complete(claimed.get(0).idempotencyKey(), claimed.get(0).lease().orElseThrow().token(),
                    new Outcome.Published(published(claimed.get(0))), T0);
            // The statement that settles the post: on its own on H2, part of the one completing statement on PostgreSQL.
            dataSource.failStatementsMatching(sql -> sql.contains("UPDATE cm_schedule_post "));
            String token = last.lease().orElseThrow().token();

            assertThatThrownBy(() -> store.complete(last.idempotencyKey(), token,
                    new Outcome.Published(published(last)), T0)).isInstanceOf(JdbcStoreException.class);

            dataSource.heal();
            assertThat(store.publication(last.idempotencyKey())).contains(last);
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);
            assertThat(store.complete(last.idempotencyKey(), token, new Outcome.Published(published(last)), T0))
                    .isTrue();
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
        }

        @Test
        @DisplayName("a completion whose post another transaction changes meanwhile reads it again and loses no count")
        void postChangedDuringCompletion() throws Exception {
            Samples.scheduled(store, "p1", T0);
            List<Publication> claimed = store.claimDue("a", T0, LEASE, 10);
            Publication first = claimed.get(0);
            try (Connection other = DriverManager.getConnection(url, user(), "")) {
                other.setAutoCommit(false);
                // Another instance records the other publication: one open publication fewer, not yet committed.
                try (Statement s = other.createStatement()) {
                    assertThat(s.executeUpdate("UPDATE cm_schedule_post SET open_publications = open_publications - 1 "
                            + "WHERE post_id = 'p1'")).isEqualTo(1);
                }
                java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    java.util.concurrent.Future<Boolean> completing = thread.submit(() -> store.complete(
                            first.idempotencyKey(), first.lease().orElseThrow().token(),
                            new Outcome.Published(published(first)), T0.plusSeconds(1)));
                    Thread.sleep(300); // the completion has read the post as it was and waits for its row
                    other.commit();

                    assertThat(completing.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                } finally {
                    thread.shutdownNow();
                }
            }
            ScheduledPost post = store.find(key("p1")).orElseThrow();
            assertThat(post.state()).as("both counted: no open publication left").isEqualTo(PostState.PUBLISHED);
            assertThat(post.lastTransition().orElseThrow().action()).isEqualTo(PostAction.COMPLETE);
            try (Connection c = DriverManager.getConnection(url, user(), "");
                 Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT open_publications FROM cm_schedule_post WHERE post_id = 'p1'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }

        @Test
        @DisplayName("a claim skips the rows another transaction holds, without waiting for it")
        void claimSkipsLockedRows() throws SQLException {
            Samples.scheduled(store, "p1", T0);
            Samples.scheduled(store, "p2", T0);
            try (Connection other = DriverManager.getConnection(url, user(), "")) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) {
                    s.executeQuery("SELECT * FROM cm_schedule_publication WHERE post_id = 'p1' FOR UPDATE").close();
                }

                List<Publication> claimed = assertTimeoutPreemptively(AT_ONCE, () -> store.claimDue("a", T0, LEASE, 10));

                assertThat(claimed).extracting(p -> p.post().postId()).containsOnly("p2").hasSize(2);
                other.rollback();
            }
            assertThat(store.claimDue("b", T0, LEASE, 10)).extracting(p -> p.post().postId())
                    .containsOnly("p1").hasSize(2);
        }

        @Test
        @DisplayName("a claim whose first due rows other transactions hold takes the next ones, earliest first")
        void claimGoesPastLockedRows() throws SQLException {
            Samples.scheduled(store, "p1", T0);
            Samples.scheduled(store, "p2", T0.plusSeconds(1));
            Samples.scheduled(store, "p3", T0.plusSeconds(2));
            try (Connection other = DriverManager.getConnection(url, user(), "")) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) {
                    s.executeQuery("SELECT * FROM cm_schedule_publication WHERE post_id = 'p1' FOR UPDATE").close();
                }

                // Three of six: the two earliest are held, so p2's two and the first of p3's.
                List<Publication> claimed = assertTimeoutPreemptively(AT_ONCE,
                        () -> store.claimDue("a", T0.plusSeconds(2), LEASE, 3));

                assertThat(claimed).extracting(p -> p.post().postId()).containsExactly("p2", "p2", "p3");
                other.rollback();
            }
            assertThat(store.claimDue("b", T0.plusSeconds(2), LEASE, 10)).extracting(p -> p.post().postId())
                    .containsExactly("p1", "p1", "p3");
        }

        @Test
        @DisplayName("an edit replacing publications that a scheduler holds fails at once with ConcurrentEditException")
        void editWhileClaiming() throws SQLException {
            ScheduledPost before = Samples.scheduled(store, "p1", T0);
            Instant later = T0.plusSeconds(3600);
            try (Connection scheduler = DriverManager.getConnection(url, user(), "")) {
                scheduler.setAutoCommit(false);
                try (Statement s = scheduler.createStatement()) {
                    s.executeQuery("SELECT * FROM cm_schedule_publication WHERE post_id = 'p1' FOR UPDATE").close();
                }

                assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> store.update(
                        rescheduled(before, later), before.version(), Optional.of(pendingAt(before, later))))
                        .isInstanceOf(ConcurrentEditException.class)
                        .hasMessageContaining("cafe-lumiere/p1"));
                scheduler.rollback();
            }
            assertThat(store.find(key("p1"))).contains(before);
            assertThat(store.publications(key("p1"))).extracting(Publication::account)
                    .containsExactly(MASTODON, BLUESKY);
            assertThat(store.publications(key("p1"))).allSatisfy(p -> assertThat(p.dueAt()).isEqualTo(T0));
        }

        @Test
        @DisplayName("times are kept to the millisecond, in UTC")
        void millisecondTimes() {
            Instant due = Instant.parse("2026-10-25T01:30:00.123456789Z");
            Samples.scheduled(store, "p1", due);

            Publication p = store.publications(key("p1")).get(0);
            assertThat(p.dueAt()).isEqualTo(Instant.parse("2026-10-25T01:30:00.123Z"));
            assertThat(store.find(key("p1")).orElseThrow().scheduledAt()).contains(due);
            assertThat(store.claimDue("a", due.minusNanos(456_789).minusMillis(1), LEASE, 10)).isEmpty();
            assertThat(store.claimDue("a", due, LEASE, 10)).hasSize(2);
        }

        @Test
        @DisplayName("the store's URL comes from the host's data source, without credentials")
        void urlFromDataSource() {
            assertThat(store.jdbcUrl()).startsWith(url.substring(0, url.indexOf(':', 5)));
            assertThat(store.toString()).contains(store.jdbcUrl()).contains("schema version " + io.cmkit.core.schedule.jdbc.JdbcScheduleStore.SUPPORTED_SCHEMA_VERSION);
        }

        private PublishedPost published(Publication p) {
            return new PublishedPost(PostRef.of(p.account().platform(), "id-" + p.idempotencyKey()), T0,
                    p.idempotencyKey());
        }
    }
}
