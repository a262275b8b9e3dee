package io.cmkit.core.jdbc;

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
 * Brings one store's schema ({@link StoreSchema}) to its latest version: reads the version recorded
 * for the store's component in the shared {@code <prefix>schema_version} table, refuses a newer one
 * before changing anything ({@link SchemaVersionException}), and otherwise runs the missing scripts,
 * each in its own transaction with its version row, under the dialect's migration lock, so
 * instances starting together migrate once. Stores of several components share the version table
 * and the lock.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private static final Duration STALE_LOCK = Duration.ofMinutes(10);

    private final StoreSchema schema;
    private final Dialect dialect;
    private final String prefix;
    private final String url;

    /**
     * @param schema the store's scripts
     * @param dialect the database's
     * @param prefix the table prefix, already validated ({@link JdbcStoreConfig#tablePrefix()})
     * @param redactedUrl the database's URL without credentials, for messages
     */
    public SchemaMigrator(StoreSchema schema, Dialect dialect, String prefix, String redactedUrl) {
        this.schema = schema;
        this.dialect = dialect;
        this.prefix = prefix;
        this.url = redactedUrl;
    }

    /**
     * Checks, and with {@code migrate} brings, the schema to {@link StoreSchema#latest()}; returns the version.
     *
     * @throws SchemaVersionException when the database's version is newer than the code's
     * @throws JdbcStoreException when the schema is older and {@code migrate} is off, or the lock is not had in time
     */
    public int run(Connection c, boolean migrate, Duration lockTimeout) throws SQLException {
        final int latest = schema.latest();
        c.setAutoCommit(true);
        int found = currentVersion(c);
        if (found > latest) {
            throw new SchemaVersionException(schema.component(), found, latest, url);
        }
        if (found == latest) {
            return found;
        }
        if (!migrate) {
            String folder = schema.migrations().get(0).resource();
            folder = folder.substring(1, folder.lastIndexOf('/') + 1);
            throw new JdbcStoreException("the " + schema.component() + " schema in " + url + " is at version " + found
                    + " and this cmkit needs version " + latest + "; migrations are off, so apply the scripts in "
                    + folder + " or turn them on");
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
            if (found > latest) {
                throw new SchemaVersionException(schema.component(), found, latest, url);
            }
            for (StoreSchema.Migration m : schema.migrations()) {
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
                throw new JdbcStoreException("another instance has been migrating the " + schema.component() + " schema in " + url
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

    private void apply(Connection c, StoreSchema.Migration m) throws SQLException {
        LOG.info("migrating the {} schema in {} to version {} ({})", schema.component(), url, m.version(), m.description());
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : statements(dialect.render(load(m.resourceFor(dialect)), prefix))) {
                    s.execute(sql);
                }
            }
            m.after().run(c, prefix);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix
                    + "schema_version (component, version, description, installed_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, schema.component());
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
    public int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM " + prefix
                + "schema_version WHERE component = ?")) {
            ps.setString(1, schema.component());
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

    private String load(String resource) {
        try (InputStream in = schema.owner().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource, e);
        }
    }

    /** The script's statements: comment lines dropped, split at ';' ending a line. */
    public static List<String> statements(String script) {
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
