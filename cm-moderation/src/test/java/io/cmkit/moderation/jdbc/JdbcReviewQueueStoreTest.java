package io.cmkit.moderation.jdbc;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.testing.FreshDatabases;
import io.cmkit.moderation.review.ReviewQueueStore;
import io.cmkit.moderation.review.ReviewQueueStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The JDBC review queue store keeps the store contract")
class JdbcReviewQueueStoreTest {

    @Nested
    @DisplayName("on H2")
    class OnH2 extends ReviewQueueStoreContract {
        @RegisterExtension
        final FreshDatabases databases = FreshDatabases.h2();

        @Override
        protected ReviewQueueStore store() {
            return JdbcReviewQueueStore.open(databases.open(), JdbcStoreConfig.ofDefaults());
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends ReviewQueueStoreContract {
        @RegisterExtension
        final FreshDatabases databases = FreshDatabases.postgres();

        @Override
        protected ReviewQueueStore store() {
            return JdbcReviewQueueStore.open(databases.open(), JdbcStoreConfig.ofDefaults());
        }
    }
}
