package io.cmkit.core.schedule;

import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC schedule store on PostgreSQL")
class JdbcScheduleStorePostgresTest extends ScheduleStoreContract {

    private JdbcScheduleStore jdbc;

    @Override
    protected ScheduleStore newStore() {
        jdbc = Databases.postgresStore();
        return jdbc;
    }

    @AfterEach
    void closeStore() {
        jdbc.close();
    }
}
