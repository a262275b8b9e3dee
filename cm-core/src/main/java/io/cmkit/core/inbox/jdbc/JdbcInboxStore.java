package io.cmkit.core.inbox.jdbc;

import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.jdbc.internal.DefaultJdbcInboxStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An {@link InboxStore} in a relational database over plain JDBC: H2 (embedded, in a file or in
 * memory) or PostgreSQL, the same database as the scheduler's store if the host likes. It creates
 * and migrates its tables ({@code <prefix>inbox_feed}, {@code inbox_seen}, {@code inbox_pending})
 * from versioned scripts in the jar, records its version as component {@code inbox} in the shared
 * {@code <prefix>schema_version} table, and refuses a newer schema
 * ({@link io.cmkit.core.jdbc.SchemaVersionException}) without changing anything.
 *
 * <p>{@link #commitPage} is one transaction. Interactions waiting for a retry are kept as JSON.
 * The store never logs or prints a password.
 */
public interface JdbcInboxStore extends InboxStore, AutoCloseable {

    /** The newest schema version this code knows and migrates to. */
    int SUPPORTED_SCHEMA_VERSION = 1;

    /**
     * A store on {@code db}, which the host may share with other stores and closes itself ({@link #close()}
     * leaves it open); the schema is created or migrated now.
     *
     * @throws io.cmkit.core.jdbc.SchemaVersionException when the database's schema is newer; nothing changes
     * @throws io.cmkit.core.jdbc.JdbcStoreException when the database cannot be reached or migrated
     */
    static JdbcInboxStore open(StoreDatabase db, JdbcStoreConfig config) {
        return DefaultJdbcInboxStore.open(Objects.requireNonNull(db, "db"), Objects.requireNonNull(config, "config"), false);
    }

    /** A store over the host's data source (left open on close), with the default settings. */
    static JdbcInboxStore create(DataSource dataSource) {
        return openOwned(StoreDatabase.open(dataSource), JdbcStoreConfig.ofDefaults());
    }

    /** A store that opens its own connections ({@link StoreDatabase#connect}). */
    static JdbcInboxStore connect(String jdbcUrl, String user, String password, JdbcStoreConfig config) {
        return openOwned(StoreDatabase.connect(jdbcUrl, user, password), config);
    }

    /** An embedded H2 database in a file, opened by this process only. */
    static JdbcInboxStore h2File(Path path) {
        return openOwned(StoreDatabase.h2File(path), JdbcStoreConfig.ofDefaults());
    }

    /** An H2 database in this JVM's memory, named {@code name}; for tests and demos. */
    static JdbcInboxStore h2InMemory(String name) {
        return openOwned(StoreDatabase.h2InMemory(name), JdbcStoreConfig.ofDefaults());
    }

    private static JdbcInboxStore openOwned(StoreDatabase db, JdbcStoreConfig config) {
        try {
            return DefaultJdbcInboxStore.open(db, Objects.requireNonNull(config, "config"), true);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The database's JDBC URL, without credentials. */
    String jdbcUrl();

    /** The schema version found or installed when the store started. */
    int schemaVersion();

    /** Closes the connections the store opened itself; a host's data source or {@link StoreDatabase} is left open. */
    @Override
    void close();
}
