package io.cmkit.core.inbox;

import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC inbox store on H2")
class JdbcInboxStoreH2Test extends InboxStoreContract {

    private JdbcInboxStore jdbc;
    private String name;

    @Override
    protected InboxStore newStore() {
        name = TestDatabases.freshH2Name();
        jdbc = JdbcInboxStore.h2InMemory(name);
        return jdbc;
    }

    @AfterEach
    void closeStore() {
        jdbc.close();
        TestDatabases.dropH2(name);
    }
}
