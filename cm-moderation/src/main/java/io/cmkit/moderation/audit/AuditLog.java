package io.cmkit.moderation.audit;

import io.cmkit.moderation.internal.InMemoryAuditLog;

import java.util.List;

/**
 * An append-only record of moderation: entries are added, numbered and read, never changed or
 * removed. Thread-safe. An in-memory log ships, and a JDBC one
 * ({@link io.cmkit.moderation.jdbc.JdbcAuditLog}, an insert-only table guarded by triggers on PostgreSQL).
 */
public interface AuditLog {

    /** Appends an entry and returns it numbered. */
    AuditEntry append(AuditEntry entry);

    /** Every entry, in order. */
    List<AuditEntry> entries();

    /** The entries about one interaction, in order. */
    default List<AuditEntry> forInteraction(String interactionKey) {
        return entries().stream().filter(e -> e.interactionKey().equals(interactionKey)).toList();
    }

    /** A log in memory. */
    static AuditLog inMemory() {
        return new InMemoryAuditLog();
    }
}
