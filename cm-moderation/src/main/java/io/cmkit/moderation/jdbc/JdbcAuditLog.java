package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.jdbc.internal.DefaultJdbcAuditLog;
import java.util.Objects;

/**
 * An {@link AuditLog} in H2 or PostgreSQL, over cm-core's {@link StoreDatabase}: an insert-only
 * table ({@code <prefix>audit_entry}), versioned as component {@code moderation-audit} in the
 * shared {@code <prefix>schema_version} table like every cmkit store.
 *
 * <p><b>Append-only.</b> The API has no update and no delete. On PostgreSQL the database enforces
 * it too: triggers refuse every {@code UPDATE}, {@code DELETE} and {@code TRUNCATE} of the table,
 * whoever sends it (SQLState 42501). An embedded H2 database belongs to one process, and its
 * triggers would be Java classes, so there the API is the guard.
 *
 * <p><b>Numbers.</b> Each append takes the next number under a row lock on a one-row counter
 * table, so entries are numbered 1, 2, 3... in the order they were appended, without gaps, even
 * with several instances writing to one PostgreSQL.
 *
 * The host closes the {@link StoreDatabase} when it is done; the log holds no connection of its own.
 */
public interface JdbcAuditLog extends AuditLog {

    /** The newest schema version this code knows and migrates to. */
    int SUPPORTED_SCHEMA_VERSION = 2;

    /**
     * The log on {@code db}; its tables are created or migrated now.
     *
     * @throws io.cmkit.core.jdbc.SchemaVersionException when the database's schema is newer; nothing changes
     * @throws io.cmkit.core.jdbc.JdbcStoreException when the database cannot be reached or migrated
     */
    static JdbcAuditLog open(StoreDatabase db, JdbcStoreConfig config) {
        return DefaultJdbcAuditLog.open(Objects.requireNonNull(db, "db"), Objects.requireNonNull(config, "config"));
    }

    /** The schema version found or installed when the log started. */
    int schemaVersion();
}
