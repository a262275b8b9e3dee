package io.cmkit.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A cue offset")
class CueOffsetTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "T-1h,       -PT1H",
            "T+0,        PT0S",
            "T-0,        PT0S",
            "T+10m,      PT10M",
            "T+45m,      PT45M",
            "T+1h30m,    PT1H30M",
            "T+1d2h,     PT26H",
            "T+90s,      PT1M30S",
            "t+2H5M,     PT2H5M",
            "'  T+5m  ', PT5M",
            "T−15m,      -PT15M"
    })
    @DisplayName("is read from its text form: T, a sign, then 0 or amounts from days to seconds")
    void parses(String text, Duration expected) {
        assertThat(CueOffset.parse(text).duration()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is written \"{1}\"")
    @CsvSource({
            "-PT1H,     T-1h",
            "PT0S,      T+0",
            "PT1H30M,   T+1h30m",
            "PT26H,     T+1d2h",
            "PT10M15S,  T+10m15s",
            "-PT45M,    T-45m"
    })
    @DisplayName("is written back in the same form, which reads back to the same duration")
    void formats(Duration duration, String text) {
        CueOffset offset = CueOffset.of(duration);

        assertThat(offset).hasToString(text);
        assertThat(CueOffset.parse(offset.toString())).isEqualTo(offset);
    }

    @Test
    @DisplayName("adds an exact duration to the start")
    void from() {
        Instant start = Instant.parse("2027-03-04T17:00:00Z");

        assertThat(CueOffset.parse("T-1h").from(start)).isEqualTo(Instant.parse("2027-03-04T16:00:00Z"));
        assertThat(CueOffset.parse("T+1h30m").from(start)).isEqualTo(Instant.parse("2027-03-04T18:30:00Z"));
        assertThat(CueOffset.parse("T-1h").isBeforeStart()).isTrue();
        assertThat(CueOffset.START.isBeforeStart()).isFalse();
    }

    @Test
    @DisplayName("orders by time, earliest first")
    void order() {
        assertThat(CueOffset.parse("T-1h")).isLessThan(CueOffset.START);
        assertThat(CueOffset.parse("T+1h")).isGreaterThan(CueOffset.parse("T+59m"));
    }

    @Test
    @DisplayName("must be whole seconds")
    void wholeSeconds() {
        assertThatThrownBy(() -> CueOffset.of(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CueOffset.duration must be whole seconds, got PT1.5S");
    }

    @Nested
    @DisplayName("written wrong, is refused with the column where reading stopped")
    class Errors {

        @ParameterizedTest(name = "\"{0}\": column {1}, {2}")
        @CsvSource(delimiter = '|', value = {
                "''         | 1 | is empty (expected e.g. T-1h, T+0 or T+1h30m)",
                "1h         | 1 | must start with 'T' (as in T-1h or T+10m), found '1'",
                "T          | 2 | needs '+' or '-' after 'T'",
                "T1h        | 2 | needs '+' or '-' after 'T', found '1'",
                "T+         | 3 | needs an amount after the sign (e.g. 0, 10m or 1h30m)",
                "T+h        | 3 | expects a number, found 'h'",
                "T+10       | 5 | needs a unit after 10 (d, h, m or s)",
                "T+1x       | 4 | has an unknown unit 'x' (expected d, h, m or s)",
                "T+1h30     | 7 | needs a unit after 30 (d, h, m or s)",
                "T+30m1h    | 7 | has unit 'h' after 'm' (write units from days to seconds, each once)",
                "T+1h2h     | 6 | has unit 'h' after 'h' (write units from days to seconds, each once)",
                "T+1h 30m   | 5 | expects a number, found a space",
                "T+0m5      | 6 | needs a unit after 5 (d, h, m or s)",
                "T+9999999999h | 3 | has a number too large (9999999999)"
        })
        void refused(String text, int column, String problem) {
            assertThatThrownBy(() -> CueOffset.parse(text))
                    .isInstanceOf(CueOffsetFormatException.class)
                    .hasMessage("cue offset \"" + text + "\" " + problem + " at column " + column)
                    .satisfies(e -> {
                        CueOffsetFormatException f = (CueOffsetFormatException) e;
                        assertThat(f.column()).isEqualTo(column);
                        assertThat(f.input()).isEqualTo(text);
                        assertThat(f.problem()).isEqualTo(problem);
                    });
        }

        @Test
        @DisplayName("columns count from the text as given, leading spaces included")
        void columnsCountLeadingSpaces() {
            assertThatThrownBy(() -> CueOffset.parse("  T+1x"))
                    .isInstanceOf(CueOffsetFormatException.class)
                    .hasMessage("cue offset \"  T+1x\" has an unknown unit 'x' (expected d, h, m or s) at column 6");
        }
    }
}
