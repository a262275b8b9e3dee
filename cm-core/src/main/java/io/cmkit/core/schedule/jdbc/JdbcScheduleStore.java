package io.cmkit.core.schedule.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.JdbcStoreException;
import io.cmkit.core.jdbc.SchemaVersionException;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.jdbc.internal.DefaultJdbcScheduleStore;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link ScheduleStore} in a relational database over plain JDBC: H2 (embedded, the default, in
 * a file or in memory) or PostgreSQL (when several scheduler instances, in several processes, share
 * the work). It creates and migrates its own tables when it starts, from versioned scripts in
 * the jar (see {@link JdbcStoreConfig#migrate()}), and refuses a schema newer than it knows
 * ({@link SchemaVersionException}).
 *
 * <p>Claims select due publications with {@code FOR UPDATE SKIP LOCKED} and set a lease (owner,
 * token, expiry) in the same transaction, so concurrent instances never wait for each other and
 * never claim the same publication; completions and renewals are guarded by the lease token.
 * Times are stored as UTC epoch milliseconds: instants given to the store are truncated to the
 * millisecond. Posts' content and history are kept as JSON in the post row.
 *
 * <p>H2 ships with cm-core (runtime scope). For PostgreSQL the host adds the driver
 * ({@code org.postgresql:postgresql}) and, usually, a connection pool, and passes its
 * {@link DataSource} to {@link #create(DataSource, JdbcStoreConfig)}.
 *
 * <p>The store never logs or prints a password: {@link #jdbcUrl()} and every message carry the URL
 * without credentials.
 */
public interface JdbcScheduleStore extends ScheduleStore, AutoCloseable {

    /** The newest schema version this code knows and migrates to. */
    int SUPPORTED_SCHEMA_VERSION = 5;

    /**
     * A store over the host's data source (typically a pool). The dialect (H2 or PostgreSQL) is
     * read from the database; the schema is created or migrated now.
     *
     * @throws SchemaVersionException when the database's schema is newer than this code; nothing changes
     * @throws JdbcStoreException when the database cannot be reached or migrated
     * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
     */
    static JdbcScheduleStore create(DataSource dataSource, JdbcStoreConfig config) {
        Objects.requireNonNull(config, "config");
        return DefaultJdbcScheduleStore.open(StoreDatabase.open(Objects.requireNonNull(dataSource, "dataSource")), config);
    }

    /** {@link #create(DataSource, JdbcStoreConfig)} with the default settings. */
    static JdbcScheduleStore create(DataSource dataSource) {
        return create(dataSource, JdbcStoreConfig.ofDefaults());
    }

    /**
     * A store that opens its own connections to {@code jdbcUrl} through {@link java.sql.DriverManager}
     * and keeps a few idle ones for reuse; {@link #close()} closes them. For H2, or for PostgreSQL
     * without a pool library (the driver must be on the class path).
     *
     * @param user the database user; empty for none
     * @param password the password; empty for none. Kept in memory only, never logged or printed
     */
    static JdbcScheduleStore connect(String jdbcUrl, String user, String password, JdbcStoreConfig config) {
        Objects.requireNonNull(config, "config");
        StoreDatabase db = StoreDatabase.connect(jdbcUrl, user, password);
        try {
            return DefaultJdbcScheduleStore.open(db, config);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * An embedded H2 database in a file: {@code jdbc:h2:file:<path>} ({@code <path>.mv.db} on disk),
     * opened by this process only. The default for a single instance that must survive restarts.
     */
    static JdbcScheduleStore h2File(Path path) {
        return h2File(path, JdbcStoreConfig.ofDefaults());
    }

    /** {@link #h2File(Path)} with these settings. */
    static JdbcScheduleStore h2File(Path path, JdbcStoreConfig config) {
        Objects.requireNonNull(path, "path");
        return connect("jdbc:h2:file:" + path.toAbsolutePath() + ";LOCK_TIMEOUT=10000", "", "", config);
    }

    /**
     * An H2 database in this JVM's memory, named {@code name}: {@code jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1}.
     * Stores opened with the same name share it (it lives until the JVM exits); for tests and demos.
     */
    static JdbcScheduleStore h2InMemory(String name) {
        return h2InMemory(name, JdbcStoreConfig.ofDefaults());
    }

    /** {@link #h2InMemory(String)} with these settings. */
    static JdbcScheduleStore h2InMemory(String name, JdbcStoreConfig config) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("an H2 in-memory database name is 1 to 100 letters, digits, '_' or '-'; got '"
                    + name + "'");
        }
        return connect("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "", "", config);
    }

    /** The database's JDBC URL, without credentials. */
    String jdbcUrl();

    /** The schema version found or installed when the store started. */
    int schemaVersion();

    /** Closes the connections the store opened itself (a host's data source is left open). */
    @Override
    void close();
}
