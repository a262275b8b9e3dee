package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.testing.FreshDatabases;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.audit.AuditLogContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The JDBC audit log keeps the log contract")
class JdbcAuditLogTest {

    @Nested
    @DisplayName("on H2")
    class OnH2 extends AuditLogContract {
        @RegisterExtension
        final FreshDatabases databases = FreshDatabases.h2();

        @Override
        protected AuditLog log() {
            return JdbcAuditLog.open(databases.open(), JdbcStoreConfig.ofDefaults());
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends AuditLogContract {
        @RegisterExtension
        final FreshDatabases databases = FreshDatabases.postgres();

        @Override
        protected AuditLog log() {
            return JdbcAuditLog.open(databases.open(), JdbcStoreConfig.ofDefaults());
        }
    }
}
