package io.cmkit.core.schedule;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC schedule store on PostgreSQL")
class JdbcScheduleStorePostgresTest extends ScheduleStoreContract {

    private JdbcScheduleStore jdbc;

    @Override
    protected ScheduleStore newStore() {
        jdbc = JdbcScheduleStore.connect(TestDatabases.freshPostgresSchema(), "postgres", "", JdbcStoreConfig.ofDefaults());
        return jdbc;
    }

    @AfterEach
    void closeStore() {
        jdbc.close();
    }
}
