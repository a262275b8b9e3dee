package io.cmkit.moderation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.SchemaVersionException;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.testing.TestDatabases;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Adjustment;
import io.cmkit.moderation.Comments;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.Evidence;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.review.ReviewItem;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JDBC moderation stores on a real PostgreSQL")
class JdbcModerationStoresTest {

    private static final Instant T0 = Comments.NOW.plusNanos(123_456_789);

    private static ReviewItem richItem(String id) {
        Interaction i = Comments.comment("Vous êtes des escrocs 🤬 https://scam.example").build();
        Decision d = new Decision(i.key(), Optional.of("defamation"), Optional.of("defamation"),
                List.of(Action.DELETE, Action.REPLY), List.of(Action.FLAG, Action.REPLY),
                List.of(Evidence.span(Evidence.Kind.TERM, "escroc", "defamation", 15, 22, "escrocs"),
                        Evidence.fact("author.followers", "3")),
                List.of(new Adjustment(Adjustment.Kind.SAFETY, Action.DELETE, Optional.of(Action.FLAG), "quoted")),
                Optional.of("Bonjour, écrivez-nous en privé."), false, T0);
        return new ReviewItem(id, i, d, T0, Optional.empty(), Optional.empty());
    }

    @Test
    @DisplayName("a review item reads back exactly: interaction, decision with spans and adjustments, instants to the nanosecond")
    void roundTrip() {
        try (StoreDatabase db = TestDatabases.freshPostgres()) {
            JdbcReviewQueueStore store = JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults());
            ReviewItem item = richItem("r1");
            store.add(item);

            assertThat(store.find("r1")).contains(item);
            ReviewItem claimed = store.claimNext("alice", "tok", T0, T0.plus(Duration.ofMinutes(5))).orElseThrow();
            assertThat(store.find("r1")).contains(claimed);
        }
    }

    @Test
    @DisplayName("moderators claiming at once on several connections never get the same item")
    void concurrentClaims() throws Exception {
        try (StoreDatabase db = TestDatabases.freshPostgres()) {
            JdbcReviewQueueStore store = JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults());
            for (int i = 0; i < 40; i++) {
                store.add(richItem("r" + i));
            }
            List<String> claimed = runConcurrently(4, m -> {
                List<String> mine = new ArrayList<>();
                Optional<ReviewItem> got;
                while ((got = store.claimNext("mod" + m, "t" + m, T0, T0.plusSeconds(600))).isPresent()) {
                    mine.add(got.get().id());
                }
                return mine;
            });

            assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("appends from several connections are numbered 1..n without gaps, in the order they were committed")
    void concurrentAppends() throws Exception {
        try (StoreDatabase db = TestDatabases.freshPostgres()) {
            JdbcAuditLog log = JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults());
            List<String> numbers = runConcurrently(4, w -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    mine.add(String.valueOf(log.append(AuditEntry.of(T0, "cmkit", "mastodon:" + w + "-" + i,
                            Optional.empty(), "DECIDE", AuditEntry.Result.DECIDED, "")).sequence()));
                }
                return mine;
            });

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, 100).mapToObj(String::valueOf).toList());
            assertThat(log.entries()).extracting(AuditEntry::sequence).isSorted().hasSize(100);
            assertThat(log.entries().get(0).at()).isEqualTo(T0);
        }
    }

    @Test
    @DisplayName("PostgreSQL itself refuses to change or remove audit entries")
    void appendOnlyInTheDatabase() throws SQLException {
        String url = TestDatabases.freshPostgresSchema();
        try (StoreDatabase db = StoreDatabase.connect(url, "postgres", "")) {
            JdbcAuditLog log = JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults());
            AuditEntry kept = log.append(AuditEntry.of(T0, "cmkit", "x:1", Optional.of("r"), "HIDE",
                    AuditEntry.Result.DONE, "done"));

            for (String sql : List.of("UPDATE cm_audit_entry SET detail = 'nothing happened'",
                    "DELETE FROM cm_audit_entry", "TRUNCATE cm_audit_entry")) {
                assertThatThrownBy(() -> TestDatabases.execute(url, sql)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("the cmkit audit log is append-only")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            assertThat(log.entries()).containsExactly(kept);
            assertThat(log.schemaVersion()).isEqualTo(JdbcAuditLog.SUPPORTED_SCHEMA_VERSION);
        }
    }

    @Test
    @DisplayName("both stores share one database and its version table with the other cmkit stores; a newer schema is refused")
    void versions() throws SQLException {
        String url = TestDatabases.freshPostgresSchema();
        try (StoreDatabase db = StoreDatabase.connect(url, "postgres", "")) {
            JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults());
            JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults());
            assertThat(TestDatabases.schemaVersionRows(url)).containsExactly("moderation-audit:1", "moderation-audit:2", "moderation-review:1");

            TestDatabases.execute(url, "INSERT INTO cm_schema_version (component, version, description, installed_at) "
                    + "VALUES ('moderation-review', 2, 'from a newer cmkit', 0)");
            assertThatThrownBy(() -> JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults()))
                    .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
                        assertThat(e.component()).isEqualTo("moderation-review");
                        assertThat(e.foundVersion()).isEqualTo(2);
                        assertThat(e.supportedVersion()).isEqualTo(1);
                    })
                    .hasMessageContaining("the moderation-review schema").hasMessageContaining("nothing was changed");
        }
    }

    private interface Worker {
        List<String> run(int index) throws Exception;
    }

    private static List<String> runConcurrently(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit((Callable<List<String>>) () -> worker.run(index)));
            }
            List<String> out = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
