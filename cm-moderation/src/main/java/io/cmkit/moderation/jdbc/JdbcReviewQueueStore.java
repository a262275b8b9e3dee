package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.moderation.jdbc.internal.DefaultJdbcReviewQueueStore;
import io.cmkit.moderation.review.ReviewQueueStore;
import java.util.Objects;

/**
 * A {@link ReviewQueueStore} in H2 or PostgreSQL, over cm-core's {@link StoreDatabase}: the same
 * database as the scheduler's and the inbox's stores if the host likes. It creates and migrates
 * its table ({@code <prefix>review_item}) from versioned scripts in cm-moderation's jar, records
 * its version as component {@code moderation-review} in the shared {@code <prefix>schema_version}
 * table, and refuses a newer schema ({@link io.cmkit.core.jdbc.SchemaVersionException}).
 *
 * <p>A claim picks the oldest free item with {@code FOR UPDATE SKIP LOCKED} and writes its lease in
 * the same transaction, so moderators on several instances never get the same item; resolving
 * checks the lease token under a row lock. The interaction and the decision are kept as JSON.
 *
 * <pre>{@code
 * StoreDatabase db = StoreDatabase.connect("jdbc:postgresql://db/cmkit", "cm", password);
 * ReviewQueue queue = new ReviewQueue(JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults()),
 *         JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults()), clock);
 * }</pre>
 *
 * The host closes the {@link StoreDatabase} when it is done; the store holds no connection of its own.
 */
public interface JdbcReviewQueueStore extends ReviewQueueStore {

    /** The newest schema version this code knows and migrates to. */
    int SUPPORTED_SCHEMA_VERSION = 1;

    /**
     * The store on {@code db}; its table is created or migrated now.
     *
     * @throws io.cmkit.core.jdbc.SchemaVersionException when the database's schema is newer; nothing changes
     * @throws io.cmkit.core.jdbc.JdbcStoreException when the database cannot be reached or migrated
     */
    static JdbcReviewQueueStore open(StoreDatabase db, JdbcStoreConfig config) {
        return DefaultJdbcReviewQueueStore.open(Objects.requireNonNull(db, "db"), Objects.requireNonNull(config, "config"));
    }

    /** The schema version found or installed when the store started. */
    int schemaVersion();
}
