package io.cmkit.moderation.audit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory audit log keeps the log contract")
class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected AuditLog log() {
        return AuditLog.inMemory();
    }
}
