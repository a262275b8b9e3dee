package io.cmkit.bench.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database for one run of one system: a new schema in the one embedded PostgreSQL
 * of the benchmark, or a new H2 database in this JVM's memory. Both systems run on the same
 * engine instance, each in a database of its own, so they never see each other's rows.
 *
 * <p>PostgreSQL: when the system property {@value #POSTGRES_URL_PROPERTY} holds a JDBC URL (the
 * report launcher starts one embedded PostgreSQL and hands it to every JMH fork), schemas are
 * made there; otherwise an embedded PostgreSQL is started once per JVM.
 */
public final class BenchDatabase implements AutoCloseable {

    /** A JDBC URL of a PostgreSQL database to make schemas in, {@code jdbc:postgresql://host:port/db?user=u}. */
    public static final String POSTGRES_URL_PROPERTY = "cmkit.bench.postgres.url";

    /** The engines a run can use. */
    public enum Engine {
        POSTGRES, H2;

        /** {@code postgres} or {@code h2}, as the benchmark's parameter says. */
        public static Engine of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final Engine engine;
    private final String url;
    private final String user;
    private final String name;

    private BenchDatabase(Engine engine, String url, String user, String name) {
        this.engine = engine;
        this.url = url;
        this.user = user;
        this.name = name;
    }

    /** A new empty schema (PostgreSQL) or database (H2) whose name starts with {@code purpose}. */
    public static BenchDatabase fresh(Engine engine, String purpose) {
        String name = purpose + "_" + SEQUENCE.incrementAndGet() + "_" + ProcessHandle.current().pid();
        if (engine == Engine.H2) {
            return new BenchDatabase(engine, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "", name);
        }
        String base = postgresUrl();
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name, e);
        }
        return new BenchDatabase(engine, base + "&currentSchema=" + name, "postgres", name);
    }

    /** The base URL of the benchmark's PostgreSQL, starting an embedded one in this JVM if none was handed over. */
    public static synchronized String postgresUrl() {
        String given = System.getProperty(POSTGRES_URL_PROPERTY, "");
        if (!given.isBlank()) {
            return given;
        }
        return startEmbeddedPostgres().getJdbcUrl("postgres", "postgres");
    }

    /** The embedded PostgreSQL of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres startEmbeddedPostgres() {
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

    public Engine engine() {
        return engine;
    }

    /** The JDBC URL of this database (no password: the embedded PostgreSQL trusts local connections). */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** Runs {@code sql} (a count) and returns the number. */
    public long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url, user, "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on " + name, e);
        }
    }

    /** Runs a script (DDL), statement by statement (separated by {@code ;}). */
    public void execute(String script) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql.strip());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + name, e);
        }
    }

    /** Drops the schema or shuts the H2 database down, with everything in it. */
    @Override
    public void close() {
        try {
            if (engine == Engine.H2) {
                try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } else {
                try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                }
            }
        } catch (SQLException ignored) {
            // already gone
        }
    }

    @Override
    public String toString() {
        return engine.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
