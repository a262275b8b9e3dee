package io.cmkit.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.SchemaVersionException;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.testing.TestDatabases;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.spi.Cursor;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The JDBC inbox store's schema")
class JdbcInboxStoreSchemaTest {

    @Test
    @DisplayName("it shares the version table with the schedule store in one PostgreSQL schema, as component 'inbox'")
    void sharesVersionTable() throws SQLException {
        String url = TestDatabases.freshPostgresSchema();
        try (JdbcScheduleStore schedule = JdbcScheduleStore.connect(url, "postgres", "", JdbcStoreConfig.ofDefaults());
             JdbcInboxStore inbox = JdbcInboxStore.connect(url, "postgres", "", JdbcStoreConfig.ofDefaults())) {
            assertThat(inbox.schemaVersion()).isEqualTo(JdbcInboxStore.SUPPORTED_SCHEMA_VERSION);
            assertThat(TestDatabases.schemaVersionRows(url)).containsExactly("inbox:1", "schedule:1", "schedule:2", "schedule:3", "schedule:4",
                    "schedule:5");
        }
    }

    @Test
    @DisplayName("a schema newer than the code is refused with a clear error, and nothing changes")
    void newerRefused() throws SQLException {
        String url = TestDatabases.freshPostgresSchema();
        try (JdbcInboxStore first = JdbcInboxStore.connect(url, "postgres", "", JdbcStoreConfig.ofDefaults())) {
            first.commitPage(InboxStoreContract.MENTIONS, Optional.of(Cursor.of("7")), List.of(), InboxStoreContract.T0);
            TestDatabases.execute(url, "INSERT INTO cm_schema_version (component, version, description, installed_at) "
                    + "VALUES ('inbox', 2, 'from a newer cmkit', 0)");

            assertThatThrownBy(() -> JdbcInboxStore.connect(url, "postgres", "", JdbcStoreConfig.ofDefaults()))
                    .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
                        assertThat(e.component()).isEqualTo("inbox");
                        assertThat(e.foundVersion()).isEqualTo(2);
                        assertThat(e.supportedVersion()).isEqualTo(1);
                    })
                    .hasMessageContaining("the inbox schema in").hasMessageContaining(first.jdbcUrl())
                    .hasMessageContaining("nothing was changed");
            assertThat(TestDatabases.schemaVersionRows(url)).containsExactly("inbox:1", "inbox:2");
            assertThat(first.feed(InboxStoreContract.MENTIONS).orElseThrow().cursor()).contains(Cursor.of("7"));
        }
    }

    @Test
    @DisplayName("with migrations off, a missing schema is reported, naming the scripts' folder, and not created")
    void migrationsOff() {
        String url = TestDatabases.freshPostgresSchema();
        assertThatThrownBy(() -> JdbcInboxStore.connect(url, "postgres", "", JdbcStoreConfig.custom().migrate(false).build()))
                .hasMessageContaining("the inbox schema").hasMessageContaining("version 0")
                .hasMessageContaining("io/cmkit/core/inbox/jdbc/db/");
    }

    @Test
    @DisplayName("an H2 file keeps cursors and seen interactions across a restart")
    void h2File(@TempDir Path dir) {
        Path file = dir.resolve("inbox");
        try (JdbcInboxStore store = JdbcInboxStore.h2File(file)) {
            store.commitPage(InboxStoreContract.MENTIONS, Optional.of(Cursor.of("3")),
                    List.of(InboxStoreContract.ok("m1")), InboxStoreContract.T0);
        }
        try (JdbcInboxStore again = JdbcInboxStore.h2File(file)) {
            assertThat(again.feed(InboxStoreContract.MENTIONS).orElseThrow().cursor()).contains(Cursor.of("3"));
            String key = InboxStore.deliveryKey(InboxStoreContract.interaction("m1"));
            assertThat(again.seen(List.of(key))).containsExactly(key);
        }
    }

    @Test
    @DisplayName("on a database the host opened, closing the store leaves the database open for the host's other stores")
    void sharedDatabase() {
        try (StoreDatabase db = StoreDatabase.h2InMemory(TestDatabases.freshH2Name())) {
            JdbcInboxStore first = JdbcInboxStore.open(db, JdbcStoreConfig.ofDefaults());
            first.commitPage(InboxStoreContract.MENTIONS, Optional.of(Cursor.of("5")), List.of(), InboxStoreContract.T0);
            first.close();

            JdbcInboxStore second = JdbcInboxStore.open(db, JdbcStoreConfig.ofDefaults());
            assertThat(second.feed(InboxStoreContract.MENTIONS).orElseThrow().cursor()).contains(Cursor.of("5"));
            assertThat(second.schemaVersion()).isEqualTo(1);
        }
    }
}
