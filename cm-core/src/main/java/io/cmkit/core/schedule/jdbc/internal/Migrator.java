package io.cmkit.core.schedule.jdbc.internal;

import io.cmkit.core.schedule.jdbc.JdbcStoreException;
import io.cmkit.core.schedule.jdbc.SchemaVersionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to {@link #MIGRATIONS}' last version: reads the version recorded in
 * {@code <prefix>schema_version} (component {@code schedule}), refuses a newer one before changing
 * anything, and otherwise runs the missing scripts under the dialect's migration lock, so
 * instances starting together migrate once.
 */
final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    static final String COMPONENT = "schedule";

    /** Work in Java that a migration does after its script, in the same transaction (where the database allows). */
    @FunctionalInterface
    interface DataStep {
        DataStep NONE = (c, prefix) -> { };

        void run(Connection c, String prefix) throws SQLException;
    }

    /** One versioned script in the jar, and what runs after it. */
    record Migration(int version, String description, String resource, DataStep after) {
        Migration(int version, String description, String resource) {
            this(version, description, resource, DataStep.NONE);
        }
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "posts and publications", "/io/cmkit/core/schedule/jdbc/db/V1__schedule.sql"),
            new Migration(2, "replies: reply_to of publications", "/io/cmkit/core/schedule/jdbc/db/V2__reply_to.sql"),
            new Migration(3, "history in a table, open publications counted",
                    "/io/cmkit/core/schedule/jdbc/db/V3__history_table.sql", HistoryMove::run));

    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private static final Duration STALE_LOCK = Duration.ofMinutes(10);

    private final Dialect dialect;
    private final String prefix;
    private final String url;

    Migrator(Dialect dialect, String prefix, String redactedUrl) {
        this.dialect = dialect;
        this.prefix = prefix;
        this.url = redactedUrl;
    }

    /** Checks, and with {@code migrate} brings, the schema to {@link #LATEST}; returns the version. */
    int run(Connection c, boolean migrate, Duration lockTimeout) throws SQLException {
        c.setAutoCommit(true);
        int found = currentVersion(c);
        if (found > LATEST) {
            throw new SchemaVersionException(found, LATEST, url);
        }
        if (found == LATEST) {
            return found;
        }
        if (!migrate) {
            throw new JdbcStoreException("the schedule schema in " + url + " is at version " + found
                    + " and this cmkit needs version " + LATEST + "; migrations are off, so apply the scripts in "
                    + "io/cmkit/core/schedule/jdbc/db/ or turn them on");
        }
        String owner = UUID.randomUUID().toString();
        lock(c, owner, lockTimeout);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + prefix + "schema_version (component VARCHAR(64) NOT NULL, "
                        + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, installed_at BIGINT NOT NULL, "
                        + "PRIMARY KEY (component, version))");
            }
            found = currentVersion(c);
            if (found > LATEST) {
                throw new SchemaVersionException(found, LATEST, url);
            }
            for (Migration m : MIGRATIONS) {
                if (m.version() > found) {
                    apply(c, m);
                    found = m.version();
                }
            }
            return found;
        } finally {
            c.setAutoCommit(true);
            dialect.unlock(c, prefix, owner);
        }
    }

    private void lock(Connection c, String owner, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long now = System.currentTimeMillis();
            if (dialect.tryLock(c, prefix, owner, now, now - STALE_LOCK.toMillis())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new JdbcStoreException("another instance has been migrating the schedule schema in " + url
                        + " for more than " + timeout.toSeconds() + " s; try again later");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JdbcStoreException("interrupted while waiting for the migration lock of " + url);
            }
        }
    }

    private void apply(Connection c, Migration m) throws SQLException {
        LOG.info("migrating the schedule schema in {} to version {} ({})", url, m.version(), m.description());
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : statements(dialect.render(load(m.resource()), prefix))) {
                    s.execute(sql);
                }
            }
            m.after().run(c, prefix);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix
                    + "schema_version (component, version, description, installed_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, COMPONENT);
                ps.setInt(2, m.version());
                ps.setString(3, m.description());
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** The recorded version; 0 when there is no version table or no row for the component. */
    int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM " + prefix
                + "schema_version WHERE component = ?")) {
            ps.setString(1, COMPONENT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            if (Dialect.isMissingTable(e)) {
                return 0;
            }
            throw e;
        }
    }

    private static String load(String resource) {
        try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource, e);
        }
    }

    /** The script's statements: comment lines dropped, split at ';' ending a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
