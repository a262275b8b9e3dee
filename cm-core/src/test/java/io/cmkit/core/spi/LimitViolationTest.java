package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LimitViolation")
class LimitViolationTest {

    @Test
    @DisplayName("says platform, limit, actual, allowed and the excess in one sentence")
    void message() {
        LimitViolation violation = new LimitViolation(Platform.BLUESKY, "text length", 300, 312, "graphemes", "");

        assertThat(violation.excess()).isEqualTo(12);
        assertThat(violation.message()).isEqualTo("Bluesky: text length is 312 graphemes, limit 300 (12 over)");
        assertThat(violation).hasToString(violation.message());
    }

    @Test
    @DisplayName("names the part of the variant that breaks it")
    void subject() {
        LimitViolation violation = new LimitViolation(Platform.X, "image size", 5_242_880, 6_000_000, "bytes", "media[2]");

        assertThat(violation.message()).isEqualTo("X: media[2] image size is 6000000 bytes, limit 5242880 (757120 over)");
    }

    @Test
    @DisplayName("needs all its words")
    void required() {
        assertThatThrownBy(() -> new LimitViolation(null, "text length", 1, 2, "graphemes", ""))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LimitViolation(Platform.X, "text length", 1, 2, "graphemes", null))
                .isInstanceOf(NullPointerException.class);
    }
}
