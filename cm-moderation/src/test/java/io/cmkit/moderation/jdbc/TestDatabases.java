package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.StoreDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the moderation stores are tested on: one embedded PostgreSQL per JVM, started on
 * first use (each test a schema of its own), and H2 databases in memory (each test a fresh one).
 */
final class TestDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    private static synchronized EmbeddedPostgres postgres() {
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

    /** A JDBC URL on a new, empty schema of the shared PostgreSQL (user postgres, no password). */
    static String freshPostgresUrl() {
        String schema = "m" + SEQUENCE.incrementAndGet() + "_" + ProcessHandle.current().pid();
        String base = postgres().getJdbcUrl("postgres", "postgres");
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return base + "&currentSchema=" + schema;
    }

    static StoreDatabase freshPostgres() {
        return StoreDatabase.connect(freshPostgresUrl(), "postgres", "");
    }

    static StoreDatabase freshH2() {
        return StoreDatabase.h2InMemory("moderation-" + SEQUENCE.incrementAndGet());
    }

    /** Shuts an H2 in-memory database down (it lives until the JVM exits otherwise), then closes it. */
    static void dropH2(StoreDatabase db) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
        db.close();
    }
}
