package io.cmkit.core.schedule.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The schedule store's scripts")
class JdbcScheduleSchemaTest {

    @Test
    @DisplayName("the shipped scripts reach the version the public API announces")
    void latestVersion() {
        assertThat(DefaultJdbcScheduleStore.SCHEMA.latest()).isEqualTo(JdbcScheduleStore.SUPPORTED_SCHEMA_VERSION);
        assertThat(DefaultJdbcScheduleStore.SCHEMA.component()).isEqualTo("schedule");
    }
}
