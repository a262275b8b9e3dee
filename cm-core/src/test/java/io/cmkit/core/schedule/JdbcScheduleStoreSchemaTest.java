package io.cmkit.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.JdbcStoreException;
import io.cmkit.core.jdbc.SchemaVersionException;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The JDBC schedule store's schema")
class JdbcScheduleStoreSchemaTest {

    private static PublishedPost published(Publication p) {
        return new PublishedPost(PostRef.of(p.account().platform(), "id-" + p.idempotencyKey()), Samples.T0,
                p.idempotencyKey());
    }

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

        @Override
        List<String> latestIndexes() {
            return List.of("cm_schedule_post (brand_id, post_id) unique",
                    "cm_schedule_publication (brand_id, post_id, seq)", "cm_schedule_publication (claimable_at, seq)",
                    "cm_schedule_publication (idempotency_key) unique",
                    "cm_schedule_transition (brand_id, post_id, seq) unique");
        }
    }

    @Nested
    @DisplayName("on H2 in memory")
    class OnH2 extends Cases {
        private final List<String> names = new ArrayList<>();

        @Override
        String newDatabase() {
            String name = TestDatabases.freshH2Name();
            names.add(name);
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        }

        @Override
        String user() {
            return "";
        }

        @Override
        List<String> latestIndexes() {
            // (brand_id, post_id) of publications and transitions: the index H2 made for each foreign key.
            return List.of("cm_schedule_post (brand_id, post_id) unique",
                    "cm_schedule_publication (brand_id, post_id)", "cm_schedule_publication (claimable_at, seq)",
                    "cm_schedule_publication (idempotency_key) unique",
                    "cm_schedule_transition (brand_id, post_id)", "cm_schedule_transition (seq) unique");
        }

        @AfterEach
        void drop() {
            names.forEach(TestDatabases::dropH2);
        }
    }

    abstract class Cases {

        final List<JdbcScheduleStore> opened = new ArrayList<>();

        abstract String newDatabase();

        abstract String user();

        /** The indexes of the schedule tables at the latest version, as {@link #indexes} lists them. */
        abstract List<String> latestIndexes();

        JdbcScheduleStore open(String url, JdbcStoreConfig config) {
            JdbcScheduleStore store = JdbcScheduleStore.connect(url, user(), "", config);
            synchronized (opened) {
                opened.add(store);
            }
            return store;
        }

        @AfterEach
        void closeStores() {
            opened.forEach(JdbcScheduleStore::close);
        }

        @Test
        @DisplayName("a fresh database gets its tables and the latest schema version (5) on first use")
        void createdOnFirstUse() throws SQLException {
            String url = newDatabase();
            assertThat(tables(url)).isEmpty();

            JdbcScheduleStore store = open(url, JdbcStoreConfig.ofDefaults());

            assertThat(store.schemaVersion()).isEqualTo(JdbcScheduleStore.SUPPORTED_SCHEMA_VERSION).isEqualTo(5);
            assertThat(tables(url)).contains("cm_schedule_post", "cm_schedule_publication", "cm_schedule_transition",
                    "cm_schema_version");
            assertThat(versionRows(url)).containsExactly("schedule:1", "schedule:2", "schedule:3", "schedule:4", "schedule:5");
            assertThat(indexes(url)).isEqualTo(latestIndexes());
            store.insert(Samples.draft("p1"));
            assertThat(store.find(Samples.key("p1"))).isPresent();
        }

        @Test
        @DisplayName("stores starting together on one database migrate it once")
        void concurrentStartMigratesOnce() throws Exception {
            String url = newDatabase();
            int starters = 6;
            ExecutorService pool = Executors.newFixedThreadPool(starters);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JdbcScheduleStore>> futures = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return open(url, JdbcStoreConfig.ofDefaults());
                }));
            }
            go.countDown();
            List<JdbcScheduleStore> stores = new ArrayList<>();
            for (Future<JdbcScheduleStore> f : futures) {
                stores.add(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(versionRows(url)).containsExactly("schedule:1", "schedule:2", "schedule:3", "schedule:4", "schedule:5");
            for (int i = 0; i < starters; i++) {
                stores.get(i).insert(Samples.draft("p" + i));
            }
            assertThat(stores.get(0).findByState(PostState.DRAFT)).hasSize(starters);
        }

        @Test
        @DisplayName("a table prefix keeps two stores apart in one database")
        void tablePrefix() throws SQLException {
            String url = newDatabase();
            JdbcScheduleStore a = open(url, JdbcStoreConfig.ofDefaults());
            JdbcScheduleStore b = open(url, JdbcStoreConfig.custom().tablePrefix("agency2_").build());

            a.insert(Samples.draft("p1"));

            assertThat(b.find(Samples.key("p1"))).isEmpty();
            assertThat(tables(url)).contains("agency2_schedule_post", "agency2_schema_version");
        }

        @Test
        @DisplayName("a schema newer than the code is refused with a clear error, and nothing changes")
        void newerSchemaRefused() throws SQLException {
            String url = newDatabase();
            JdbcScheduleStore first = open(url, JdbcStoreConfig.ofDefaults());
            first.insert(Samples.draft("p1"));
            execute(url, "INSERT INTO cm_schema_version (component, version, description, installed_at) "
                    + "VALUES ('schedule', 6, 'from a newer cmkit', 0)");
            List<String> tablesBefore = tables(url);
            List<String> versionsBefore = versionRows(url);
            ScheduledPost postBefore = first.find(Samples.key("p1")).orElseThrow();

            assertThatThrownBy(() -> open(url, JdbcStoreConfig.ofDefaults()))
                    .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
                        assertThat(e.foundVersion()).isEqualTo(6);
                        assertThat(e.supportedVersion()).isEqualTo(5);
                        assertThat(e.jdbcUrl()).isEqualTo(first.jdbcUrl());
                    })
                    .hasMessageContaining("version 6").hasMessageContaining("version 5")
                    .hasMessageContaining(first.jdbcUrl()).hasMessageContaining("nothing was changed");

            assertThat(tables(url)).isEqualTo(tablesBefore);
            assertThat(versionRows(url)).isEqualTo(versionsBefore);
            assertThat(first.find(Samples.key("p1"))).contains(postBefore);
        }

        @Test
        @DisplayName("a version 1 database is migrated to version 5: its posts and publications stay, and replies can be stored")
        void migratesFromVersion1() throws SQLException {
            String url = newDatabase();
            JdbcScheduleStore first = open(url, JdbcStoreConfig.ofDefaults());
            Samples.scheduled(first, "p1", Samples.T0);
            List<Publication> before = first.publications(Samples.key("p1"));
            ScheduledPost postBefore = first.find(Samples.key("p1")).orElseThrow();
            // What a cmkit of schema version 1 left: version 2's, and no reply_to column, no version 2 row.
            downgradeToVersion2(url, first);
            execute(url, "ALTER TABLE cm_schedule_publication DROP COLUMN reply_to");
            execute(url, "DELETE FROM cm_schema_version WHERE component = 'schedule' AND version = 2");
            assertThat(versionRows(url)).containsExactly("schedule:1");

            JdbcScheduleStore migrated = open(url, JdbcStoreConfig.ofDefaults());

            assertThat(migrated.schemaVersion()).isEqualTo(5);
            assertThat(versionRows(url)).containsExactly("schedule:1", "schedule:2", "schedule:3", "schedule:4", "schedule:5");
            assertThat(indexes(url)).isEqualTo(latestIndexes());
            assertThat(migrated.publications(Samples.key("p1"))).isEqualTo(before)
                    .allSatisfy(p -> assertThat(p.replyTo()).isEmpty());
            assertThat(migrated.find(Samples.key("p1"))).contains(postBefore);
            String parent = before.get(0).idempotencyKey();
            ScheduledPost reply = migrated.insert(Samples.draft("p2"));
            Publication child = Publication.pending(reply.key(), Samples.MASTODON,
                    reply.post().variantFor(Samples.MASTODON.platform()).orElseThrow(),
                    new PublicationOptions(java.util.Optional.empty(), java.util.Optional.of(
                            ReplyTarget.parent(List.of(parent), ReplyTarget.GapRule.BRIDGE))), Samples.T0, Samples.T0);
            migrated.update(reply, reply.version(), java.util.Optional.of(List.of(child)));
            assertThat(migrated.publication(child.idempotencyKey()).orElseThrow().replyTo())
                    .contains(ReplyTarget.parent(List.of(parent), ReplyTarget.GapRule.BRIDGE));
        }

        @Test
        @DisplayName("a version 2 database is migrated to version 5: posts, histories (who, when, comments) and "
                + "publications stay, and the open publications are counted")
        void migratesFromVersion2() throws SQLException {
            migratedFrom(this::downgradeToVersion2, url -> {
                assertThat(versionRows(url)).containsExactly("schedule:1", "schedule:2");
                assertThat(tables(url)).doesNotContain("cm_schedule_transition");
            });
        }

        @Test
        @DisplayName("a version 3 database is migrated to version 5: its indexes change, and posts, histories and "
                + "publications stay")
        void migratesFromVersion3() throws SQLException {
            migratedFrom((url, first) -> downgradeToVersion3(url), url -> {
                assertThat(versionRows(url)).containsExactly("schedule:1", "schedule:2", "schedule:3");
                assertThat(indexes(url)).isNotEqualTo(latestIndexes());
            });
        }

        @Test
        @DisplayName("a version 4 database is migrated to version 5: posts, histories (the scheduler's transitions "
                + "among them, who, when, comments) and publications stay, and new transitions go on the post's row")
        void migratesFromVersion4() throws SQLException {
            String url = migratedFrom((at, first) -> {
                assertThat(queryLongs(at, "SELECT COUNT(*) FROM cm_schedule_post WHERE dispatch_actor IS NOT NULL"))
                        .containsExactly(3L);
                downgradeToVersion4(at);
            }, at -> assertThat(versionRows(at)).containsExactly("schedule:1", "schedule:2", "schedule:3", "schedule:4"));

            // p1 and p2 completed after the migration: their last transitions are on their rows.
            assertThat(queryLongs(url, "SELECT COUNT(*) FROM cm_schedule_post WHERE end_action IS NOT NULL"))
                    .containsExactly(2L);
        }

        /** Turns the latest schema of the database at {@code url}, holding {@link #fourPosts}, into an older one. */
        interface Downgrade {
            void apply(String url, JdbcScheduleStore first) throws SQLException;
        }

        /** Checks a downgraded database before it is opened again. */
        interface DowngradeCheck {
            void check(String url) throws SQLException;
        }

        /**
         * A new database with {@link #fourPosts}, downgraded and checked, then opened again: it must be
         * migrated with everything kept and go on working ({@link #assertMigratedAndWorking}). Returns its URL.
         */
        String migratedFrom(Downgrade downgrade, DowngradeCheck downgraded) throws SQLException {
            String url = newDatabase();
            JdbcScheduleStore first = open(url, JdbcStoreConfig.ofDefaults());
            Stored before = fourPosts(first);
            downgrade.apply(url, first);
            downgraded.check(url);

            JdbcScheduleStore migrated = open(url, JdbcStoreConfig.ofDefaults());

            assertMigratedAndWorking(url, migrated, before);
            return url;
        }

        /** The posts and publications of {@link #fourPosts}, as stored before a downgrade. */
        record Stored(Map<String, ScheduledPost> posts, Map<String, List<Publication>> publications) {
        }

        /**
         * Four posts in every state a migration must keep: p1 PUBLISHING (a history with a rejection's
         * comment, one publication out and one to check), p2 SCHEDULED later, p3 PUBLISHED, p4 FAILED.
         */
        Stored fourPosts(JdbcScheduleStore first) {
            Duration lease = Duration.ofMinutes(5);
            Instant t0 = Samples.T0;
            // p1: reviewed, rejected with a comment, approved, scheduled; one publication out, one to check.
            ScheduledPost p1 = first.insert(Samples.draft("p1"));
            p1 = first.update(p1.transition(PostAction.SUBMIT, PostState.IN_REVIEW, "camille", t0.plusNanos(123_456_789),
                    Optional.empty()), p1.version());
            p1 = first.update(p1.transition(PostAction.REJECT, PostState.DRAFT, "lea", t0.plusSeconds(60),
                    Optional.of("trop long pour Bluesky")), p1.version());
            p1 = first.update(p1.transition(PostAction.SUBMIT, PostState.IN_REVIEW, "camille", t0.plusSeconds(120),
                    Optional.empty()), p1.version());
            p1 = first.update(p1.transition(PostAction.APPROVE, PostState.APPROVED, "lea", t0.plusSeconds(180),
                    Optional.empty()), p1.version());
            Samples.scheduleApproved(first, p1, t0);
            for (Publication p : first.claimDue("instance-a", t0, lease, 10)) {
                Outcome outcome = p.account().equals(Samples.MASTODON)
                        ? new Outcome.Published(published(p)) : new Outcome.NeedsCheck("lease lost while sending");
                first.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome, t0.plusSeconds(1));
            }
            // p2: scheduled later, both publications pending; p3: published.
            Samples.scheduled(first, "p2", t0.plusSeconds(3600));
            Samples.scheduled(first, "p3", t0.minusSeconds(60));
            for (Publication p : first.claimDue("instance-b", t0, lease, 10)) {
                first.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), new Outcome.Published(published(p)),
                        t0.plusSeconds(2));
            }
            // p4: one publication out, one refused: FAILED.
            Samples.scheduled(first, "p4", t0.minusSeconds(30));
            for (Publication p : first.claimDue("instance-b", t0, lease, 10)) {
                Outcome outcome = p.account().equals(Samples.MASTODON)
                        ? new Outcome.Published(published(p)) : new Outcome.Failed("Text too long");
                first.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome, t0.plusSeconds(3));
            }
            List<String> ids = List.of("p1", "p2", "p3", "p4");
            Map<String, ScheduledPost> postsBefore = new LinkedHashMap<>();
            Map<String, List<Publication>> pubsBefore = new LinkedHashMap<>();
            for (String id : ids) {
                postsBefore.put(id, first.find(Samples.key(id)).orElseThrow());
                pubsBefore.put(id, first.publications(Samples.key(id)));
            }
            assertThat(postsBefore.get("p1").state()).isEqualTo(PostState.PUBLISHING);
            assertThat(postsBefore.get("p1").history()).hasSize(7);
            assertThat(postsBefore.get("p3").state()).isEqualTo(PostState.PUBLISHED);
            assertThat(postsBefore.get("p4").state()).isEqualTo(PostState.FAILED);
            return new Stored(postsBefore, pubsBefore);
        }

        /** The migrated store holds {@code before} as it was, with the latest indexes, and goes on working. */
        void assertMigratedAndWorking(String url, JdbcScheduleStore migrated, Stored before) throws SQLException {
            Duration lease = Duration.ofMinutes(5);
            Instant t0 = Samples.T0;
            Map<String, ScheduledPost> postsBefore = before.posts();
            Map<String, List<Publication>> pubsBefore = before.publications();
            assertThat(migrated.schemaVersion()).isEqualTo(5);
            assertThat(versionRows(url)).containsExactly("schedule:1", "schedule:2", "schedule:3", "schedule:4", "schedule:5");
            assertThat(indexes(url)).isEqualTo(latestIndexes());
            for (String id : postsBefore.keySet()) {
                assertThat(migrated.find(Samples.key(id))).as(id).contains(postsBefore.get(id));
                assertThat(migrated.publications(Samples.key(id))).as(id).isEqualTo(pubsBefore.get(id));
            }
            assertThat(migrated.findByState(PostState.PUBLISHING)).containsExactly(postsBefore.get("p1"));
            assertThat(queryLongs(url, "SELECT COUNT(*) FROM cm_schedule_post WHERE body LIKE '%history%'"))
                    .containsExactly(0L);
            assertThat(queryLongs(url, "SELECT open_publications FROM cm_schedule_post ORDER BY post_id"))
                    .containsExactly(1L, 2L, 0L, 0L);
            assertThat(queryLongs(url, "SELECT failed_publications FROM cm_schedule_post ORDER BY post_id"))
                    .containsExactly(0L, 0L, 0L, 1L);

            // p1's last open publication is settled by a person: the post completes.
            Publication unsure = pubsBefore.get("p1").stream()
                    .filter(p -> p.status() == PublicationStatus.NEEDS_CHECK).findFirst().orElseThrow();
            assertThat(migrated.resolve(unsure.idempotencyKey(), "lea", new Outcome.Published(published(unsure)),
                    t0.plusSeconds(600))).isTrue();
            ScheduledPost p1After = migrated.find(Samples.key("p1")).orElseThrow();
            assertThat(p1After.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(p1After.history()).startsWith(postsBefore.get("p1").history().toArray(Transition[]::new))
                    .hasSize(8);
            assertThat(p1After.lastTransition().orElseThrow().actor()).isEqualTo("lea");
            // p2 completes with its second publication, not its first.
            List<Publication> p2 = migrated.claimDue("instance-c", t0.plusSeconds(3600), lease, 10);
            assertThat(p2).hasSize(2);
            migrated.complete(p2.get(0).idempotencyKey(), p2.get(0).lease().orElseThrow().token(),
                    new Outcome.Published(published(p2.get(0))), t0.plusSeconds(3601));
            assertThat(migrated.find(Samples.key("p2")).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);
            migrated.complete(p2.get(1).idempotencyKey(), p2.get(1).lease().orElseThrow().token(),
                    new Outcome.Published(published(p2.get(1))), t0.plusSeconds(3602));
            assertThat(migrated.find(Samples.key("p2")).orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
        }

        @Test
        @DisplayName("with migrations off, a missing schema is reported and not created")
        void migrationsOff() throws SQLException {
            String url = newDatabase();

            assertThatThrownBy(() -> open(url, JdbcStoreConfig.custom().migrate(false).build()))
                    .isInstanceOf(JdbcStoreException.class).hasMessageContaining("version 0")
                    .hasMessageContaining("migrations are off");
            assertThat(tables(url)).isEmpty();
        }

        /**
         * Turns the latest schema back into what a cmkit of schema version 2 left: each post's history
         * in its JSON body (as version 2 wrote it), no transition table, no count of open publications,
         * no version 3 row.
         */
        void downgradeToVersion2(String url, JdbcScheduleStore store) throws SQLException {
            List<ScheduledPost> posts = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url, user(), "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT brand_id, post_id FROM cm_schedule_post")) {
                while (rs.next()) {
                    posts.add(store.find(new PostKey(rs.getString(1), rs.getString(2))).orElseThrow());
                }
            }
            downgradeToVersion3(url);
            ObjectMapper json = new ObjectMapper();
            try (Connection c = DriverManager.getConnection(url, user(), "")) {
                Map<PostKey, String> bodies = new LinkedHashMap<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT brand_id, post_id, body FROM cm_schedule_post")) {
                    while (rs.next()) {
                        bodies.put(new PostKey(rs.getString(1), rs.getString(2)), rs.getString(3));
                    }
                }
                for (Map.Entry<PostKey, String> e : bodies.entrySet()) {
                    ObjectNode body = (ObjectNode) json.readTree(e.getValue());
                    ArrayNode history = body.putArray("history");
                    ScheduledPost post = posts.stream().filter(p -> p.key().equals(e.getKey())).findFirst().orElseThrow();
                    for (Transition t : post.history()) {
                        ObjectNode n = history.addObject();
                        n.put("action", t.action().name());
                        t.from().ifPresent(f -> n.put("from", f.name()));
                        n.put("to", t.to().name());
                        n.put("actor", t.actor());
                        n.put("at", t.at().toString());
                        t.comment().ifPresent(x -> n.put("comment", x));
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE cm_schedule_post SET body = ? WHERE brand_id = ? AND post_id = ?")) {
                        ps.setString(1, json.writeValueAsString(body));
                        ps.setString(2, e.getKey().brandId());
                        ps.setString(3, e.getKey().postId());
                        ps.executeUpdate();
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE cm_schedule_transition");
                    s.execute("DROP INDEX cm_schedule_publication_of_post");
                    s.execute("ALTER TABLE cm_schedule_post DROP COLUMN open_publications");
                    s.execute("ALTER TABLE cm_schedule_post DROP COLUMN failed_publications");
                    s.execute("DELETE FROM cm_schema_version WHERE component = 'schedule' AND version = 3");
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a stored body is not JSON", e);
            }
        }

        /**
         * Turns the latest schema back into what a cmkit of schema version 3 left: the indexes version 4
         * dropped (posts by state, publications by post twice, transitions by post and seq), on PostgreSQL
         * the transitions' key on seq alone, no version 4 row.
         */
        void downgradeToVersion3(String url) throws SQLException {
            downgradeToVersion4(url);
            try (Connection c = DriverManager.getConnection(url, user(), ""); Statement s = c.createStatement()) {
                if (url.startsWith("jdbc:postgresql:")) {
                    s.execute("ALTER TABLE cm_schedule_transition DROP CONSTRAINT cm_schedule_transition_pk");
                    s.execute("ALTER TABLE cm_schedule_transition ADD CONSTRAINT cm_schedule_transition_pk PRIMARY KEY (seq)");
                } else {
                    s.execute("CREATE INDEX cm_schedule_publication_post ON cm_schedule_publication (brand_id, post_id, seq)");
                }
                s.execute("CREATE INDEX cm_schedule_post_state ON cm_schedule_post (state)");
                s.execute("CREATE INDEX cm_schedule_transition_post ON cm_schedule_transition (brand_id, post_id, seq)");
                s.execute("CREATE INDEX cm_schedule_publication_of_post ON cm_schedule_publication (brand_id, post_id)");
                s.execute("DELETE FROM cm_schema_version WHERE component = 'schedule' AND version = 4");
            }
        }

        /**
         * Turns the latest schema back into what a cmkit of schema version 4 left: the transitions kept on
         * the posts' rows written as rows of the history table after the post's others (DISPATCH, then
         * the end), the columns that held them dropped, no version 5 row.
         */
        void downgradeToVersion4(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user(), ""); Statement s = c.createStatement()) {
                String columns = "brand_id, post_id, action_name, from_state, to_state, actor, at_second, at_nano, comment_text";
                s.execute("INSERT INTO cm_schedule_transition (" + columns + ") SELECT brand_id, post_id, 'DISPATCH', "
                        + "'SCHEDULED', 'PUBLISHING', dispatch_actor, dispatch_second, dispatch_nano, NULL "
                        + "FROM cm_schedule_post WHERE dispatch_actor IS NOT NULL ORDER BY brand_id, post_id");
                s.execute("INSERT INTO cm_schedule_transition (" + columns + ") SELECT brand_id, post_id, end_action, "
                        + "'PUBLISHING', end_state, end_actor, end_second, end_nano, end_comment "
                        + "FROM cm_schedule_post WHERE end_action IS NOT NULL ORDER BY brand_id, post_id");
                for (String column : List.of("dispatch_actor", "dispatch_second", "dispatch_nano", "end_action",
                        "end_state", "end_actor", "end_second", "end_nano", "end_comment")) {
                    s.execute("ALTER TABLE cm_schedule_post DROP COLUMN " + column);
                }
                s.execute("DELETE FROM cm_schema_version WHERE component = 'schedule' AND version = 5");
            }
        }

        /** The indexes of the three schedule tables, each as {@code table (columns)} and {@code unique} if it is. */
        List<String> indexes(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user(), "")) {
                DatabaseMetaData meta = c.getMetaData();
                TreeSet<String> out = new TreeSet<>();
                for (String table : List.of("cm_schedule_post", "cm_schedule_publication", "cm_schedule_transition")) {
                    String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                    Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
                    Map<String, Boolean> unique = new TreeMap<>();
                    try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), name, false, false)) {
                        while (rs.next()) {
                            String index = rs.getString("INDEX_NAME");
                            if (index == null) {
                                continue;
                            }
                            columns.computeIfAbsent(index, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
                                    rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                            unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                        }
                    }
                    columns.forEach((index, cols) -> out.add(table + " (" + String.join(", ", cols.values()) + ")"
                            + (unique.get(index) ? " unique" : "")));
                }
                return List.copyOf(out);
            }
        }

        List<Long> queryLongs(String url, String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user(), "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            }
        }

        List<String> tables(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user(), "")) {
                DatabaseMetaData meta = c.getMetaData();
                TreeSet<String> out = new TreeSet<>();
                try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                return List.copyOf(out);
            }
        }

        List<String> versionRows(String url) throws SQLException {
            return TestDatabases.schemaVersionRows(url, user());
        }

        void execute(String url, String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user(), ""); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    @Test
    @DisplayName("an H2 file keeps posts across a restart")
    void h2FileSurvivesRestart(@TempDir Path dir) {
        Path file = dir.resolve("schedule");
        try (JdbcScheduleStore store = JdbcScheduleStore.h2File(file)) {
            Samples.scheduled(store, "p1", Samples.T0);
        }
        try (JdbcScheduleStore again = JdbcScheduleStore.h2File(file)) {
            assertThat(again.find(Samples.key("p1")).orElseThrow().state()).isEqualTo(PostState.SCHEDULED);
            assertThat(again.publications(Samples.key("p1"))).hasSize(2);
            assertThat(again.jdbcUrl()).startsWith("jdbc:h2:file:");
        }
    }

    @Test
    @DisplayName("a password never shows in the store's URL, its toString or its errors")
    void passwordNeverShown() {
        String url = TestDatabases.freshPostgresSchema() + "&password=s3cr3t-pw";
        try (JdbcScheduleStore store = JdbcScheduleStore.connect(url, "postgres", "s3cr3t-pw",
                JdbcStoreConfig.ofDefaults())) {
            assertThat(store.jdbcUrl()).doesNotContain("s3cr3t-pw").contains("password=***");
            assertThat(store.toString()).doesNotContain("s3cr3t-pw");
        }

        assertThatThrownBy(() -> JdbcScheduleStore.connect(
                "jdbc:postgresql://nobody:s3cr3t-pw@127.0.0.1:1/cmkit?password=s3cr3t-pw&connectTimeout=1", "nobody",
                "s3cr3t-pw", JdbcStoreConfig.ofDefaults()))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("127.0.0.1:1/cmkit")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cr3t-pw");
                    }
                });
    }
}
