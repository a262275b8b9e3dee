package io.cmkit.core.schedule.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JDBC URLs in messages")
class JdbcUrlsTest {

    @Test
    @DisplayName("credentials in the authority or in parameters are taken out; the rest stays readable")
    void redact() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://cm:hunter2@db.internal:5432/cmkit?ssl=true&password=hunter2&user=cm"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/cmkit?ssl=true&password=***&user=***");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/data/schedule;PASSWORD=hunter2;LOCK_TIMEOUT=10000"))
                .isEqualTo("jdbc:h2:file:/data/schedule;PASSWORD=***;LOCK_TIMEOUT=10000");
        assertThat(JdbcUrls.redact("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        assertThat(JdbcUrls.redact(null)).isEqualTo("(unknown URL)");
    }

    @Test
    @DisplayName("migration scripts split into statements at a ';' ending a line, comments dropped")
    void statements() {
        assertThat(Migrator.statements("-- a comment\nCREATE TABLE a (\n  x INT -- inline\n);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\n  x INT -- inline\n)", "CREATE INDEX i ON a (x)");
    }

    @Test
    @DisplayName("the shipped scripts reach the version the public API announces")
    void latestVersion() {
        assertThat(Migrator.LATEST).isEqualTo(io.cmkit.core.schedule.jdbc.JdbcScheduleStore.SUPPORTED_SCHEMA_VERSION);
    }
}
