package io.cmkit.moderation.internal;

import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.audit.AuditLog;

import java.util.ArrayList;
import java.util.List;

/** An audit log in a list; appends are serialised so sequence numbers follow the order. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(AuditEntry entry) {
        AuditEntry numbered = entry.numbered(entries.size() + 1L);
        entries.add(numbered);
        return numbered;
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
