package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.testing.TestDatabases;
import io.cmkit.moderation.review.ReviewQueueStore;
import io.cmkit.moderation.review.ReviewQueueStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("The JDBC review queue store keeps the store contract")
class JdbcReviewQueueStoreTest {

    @Nested
    @DisplayName("on H2")
    class OnH2 extends ReviewQueueStoreContract {
        private StoreDatabase db;

        @Override
        protected ReviewQueueStore store() {
            db = TestDatabases.freshH2();
            return JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults());
        }

        @AfterEach
        void drop() {
            TestDatabases.dropH2(db);
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends ReviewQueueStoreContract {
        private StoreDatabase db;

        @Override
        protected ReviewQueueStore store() {
            db = TestDatabases.freshPostgres();
            return JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults());
        }

        @AfterEach
        void close() {
            db.close();
        }
    }
}
