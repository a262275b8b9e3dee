package io.cmkit.core.jdbc.internal;

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
}
