package io.cmkit.core.inbox;

import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC inbox store on PostgreSQL")
class JdbcInboxStorePostgresTest extends InboxStoreContract {

    private JdbcInboxStore jdbc;

    @Override
    protected InboxStore newStore() {
        jdbc = JdbcInboxStore.connect(TestDatabases.freshPostgresSchema(), "postgres", "", JdbcStoreConfig.ofDefaults());
        return jdbc;
    }

    @AfterEach
    void closeStore() {
        jdbc.close();
    }
}
