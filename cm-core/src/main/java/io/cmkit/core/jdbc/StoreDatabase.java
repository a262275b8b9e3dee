package io.cmkit.core.jdbc;

import io.cmkit.core.jdbc.internal.DriverManagerDataSource;
import io.cmkit.core.jdbc.internal.JdbcUrls;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The database behind one of cmkit's JDBC stores: its data source, its {@link Dialect}, its URL
 * without credentials, and one way to run a transaction. A store module (cm-core's inbox,
 * cm-moderation's review queue and audit log...) opens one, brings its {@link StoreSchema} up to
 * date with {@link #migrate(StoreSchema, JdbcStoreConfig)}, and runs each operation with
 * {@link #inTransaction(String, Work)}:
 *
 * <pre>{@code
 * StoreDatabase db = StoreDatabase.open(dataSource);               // or connect(url, user, password)
 * int version = db.migrate(MY_SCHEMA, JdbcStoreConfig.ofDefaults());
 * long n = db.inTransaction("count items", c -> { ... });
 * }</pre>
 *
 * The password is kept in memory only; {@link #redactedUrl()}, {@link #toString()} and every
 * message show the URL without credentials.
 */
public final class StoreDatabase implements AutoCloseable {

    private static final int MAX_TRIES = 5;

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean owned;
    private final Dialect dialect;
    private final String url;

    private StoreDatabase(DataSource dataSource, boolean owned, Dialect dialect, String url) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.dialect = dialect;
        this.url = url;
    }

    /**
     * The host's data source (typically a pool), left open by {@link #close()}.
     *
     * @throws JdbcStoreException when the database cannot be reached
     * @throws IllegalArgumentException when it is neither H2 nor PostgreSQL
     */
    public static StoreDatabase open(DataSource dataSource) {
        return open(Objects.requireNonNull(dataSource, "dataSource"), false);
    }

    /**
     * Connections opened through {@link java.sql.DriverManager}, a few idle ones kept for reuse and
     * closed by {@link #close()}. For H2, or PostgreSQL without a pool library.
     *
     * @param user the database user; empty for none
     * @param password the password; empty for none; never logged or printed
     */
    public static StoreDatabase connect(String jdbcUrl, String user, String password) {
        DriverManagerDataSource ds = new DriverManagerDataSource(jdbcUrl, user, password);
        try {
            return open(ds, true);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** An embedded H2 database in a file ({@code <path>.mv.db}), opened by this process only. */
    public static StoreDatabase h2File(Path path) {
        Objects.requireNonNull(path, "path");
        return connect("jdbc:h2:file:" + path.toAbsolutePath() + ";LOCK_TIMEOUT=10000", "", "");
    }

    /** An H2 database in this JVM's memory, shared by every store opened with the same name; for tests and demos. */
    public static StoreDatabase h2InMemory(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("an H2 in-memory database name is 1 to 100 letters, digits, '_' or '-'; got '"
                    + name + "'");
        }
        return connect("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "", "");
    }

    /** Wraps a data source: reads the dialect and the URL from a first connection. */
    private static StoreDatabase open(DataSource dataSource, boolean owned) {
        String url = dataSource instanceof DriverManagerDataSource d ? d.redactedUrl() : "(the host's data source)";
        try (Connection c = dataSource.getConnection()) {
            if (!(dataSource instanceof DriverManagerDataSource)) {
                url = JdbcUrls.redact(c.getMetaData().getURL());
            }
            return new StoreDatabase(dataSource, owned, Dialect.of(c, url), url);
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to " + url, e);
        }
    }

    /**
     * Checks, and unless {@link JdbcStoreConfig#migrate()} is off brings, {@code schema} to its latest
     * version; returns the version.
     *
     * @throws SchemaVersionException when the database holds a newer version; nothing changes
     * @throws JdbcStoreException when the database cannot be migrated
     */
    public int migrate(StoreSchema schema, JdbcStoreConfig config) {
        return migrate(schema, config.tablePrefix(), config.migrate(), config.migrationLockTimeout());
    }

    /** {@link #migrate(StoreSchema, JdbcStoreConfig)} with the settings given one by one. */
    public int migrate(StoreSchema schema, String tablePrefix, boolean migrate, java.time.Duration lockTimeout) {
        try (Connection c = dataSource.getConnection()) {
            return new SchemaMigrator(schema, dialect, tablePrefix, url).run(c, migrate, lockTimeout);
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot open the " + schema.component() + " store on " + url, e);
        }
    }

    /**
     * Runs {@code work} in one transaction on one connection, commits, and gives the connection back;
     * rolls back on any failure. Runs it again (up to 5 times) when the database asks (deadlock,
     * serialization failure).
     *
     * @param what what the work does, for the message of a failure ("append audit entry 12")
     * @throws JdbcStoreException when the database fails
     */
    public <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    try {
                        c.rollback();
                    } catch (SQLException r) {
                        e.addSuppressed(r);
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < MAX_TRIES && dialect.isRetryable(e)) {
                    continue;
                }
                throw new JdbcStoreException("cannot " + what + " in " + url, e);
            }
        }
    }

    /** The database's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** The database's JDBC URL, without credentials. */
    public String redactedUrl() {
        return url;
    }

    /** The data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the connections opened by {@link #connect}; a host's data source is left open. */
    @Override
    public void close() {
        if (owned && dataSource instanceof DriverManagerDataSource d) {
            d.close();
        }
    }

    @Override
    public String toString() {
        return "StoreDatabase[" + dialect + ", " + url + "]";
    }
}
