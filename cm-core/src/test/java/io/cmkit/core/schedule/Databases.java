package io.cmkit.core.schedule;

import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the JDBC store is tested on: one embedded PostgreSQL per JVM, started on first
 * use and shared (each test gets a schema of its own), and H2 databases in memory (each test a
 * fresh one).
 */
public final class Databases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** The shared PostgreSQL, started once. */
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

    /** A new, empty schema in the shared PostgreSQL; returns a JDBC URL whose search path is that schema. */
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

    /** A JDBC store on a new PostgreSQL schema. */
    static JdbcScheduleStore postgresStore() {
        return JdbcScheduleStore.connect(freshPostgresSchema(), "postgres", "", JdbcStoreConfig.ofDefaults());
    }

    /** A unique name for a fresh H2 in-memory database. */
    public static String freshH2Name() {
        return "cmkit-test-" + SEQUENCE.incrementAndGet();
    }

    /** Drops an H2 in-memory database (they live until the JVM exits otherwise). */
    public static void dropH2(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
