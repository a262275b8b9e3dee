package io.cmkit.core.schedule;

import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC schedule store on H2 in memory")
class JdbcScheduleStoreH2Test extends ScheduleStoreContract {

    private String name;
    private JdbcScheduleStore jdbc;

    @Override
    protected ScheduleStore newStore() {
        name = TestDatabases.freshH2Name();
        jdbc = JdbcScheduleStore.h2InMemory(name);
        return jdbc;
    }

    @AfterEach
    void dropDatabase() {
        jdbc.close();
        TestDatabases.dropH2(name);
    }
}
