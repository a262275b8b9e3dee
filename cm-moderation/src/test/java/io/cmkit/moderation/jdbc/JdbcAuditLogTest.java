package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.testing.TestDatabases;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.audit.AuditLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("The JDBC audit log keeps the log contract")
class JdbcAuditLogTest {

    @Nested
    @DisplayName("on H2")
    class OnH2 extends AuditLogContract {
        private StoreDatabase db;

        @Override
        protected AuditLog log() {
            db = TestDatabases.freshH2();
            return JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults());
        }

        @AfterEach
        void drop() {
            TestDatabases.dropH2(db);
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends AuditLogContract {
        private StoreDatabase db;

        @Override
        protected AuditLog log() {
            db = TestDatabases.freshPostgres();
            return JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults());
        }

        @AfterEach
        void close() {
            db.close();
        }
    }
}
