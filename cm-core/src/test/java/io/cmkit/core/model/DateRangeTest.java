package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("DateRange")
class DateRangeTest {

    @Nested
    @DisplayName("reads periods the way planners write them")
    class Parsing {

        @ParameterizedTest(name = "''{0}'' is {1}..{2}")
        @CsvSource({
                "2026,                   2026-01-01, 2026-12-31",
                "2026-Q1,                2026-01-01, 2026-03-31",
                "2026-Q2,                2026-04-01, 2026-06-30",
                "2026-q3,                2026-07-01, 2026-09-30",
                "2026Q4,                 2026-10-01, 2026-12-31",
                "2026-03,                2026-03-01, 2026-03-31",
                "2024-02,                2024-02-01, 2024-02-29",
                "2026-01-01..2026-03-31, 2026-01-01, 2026-03-31",
                "' 2026-05-01 .. 2026-05-01 ', 2026-05-01, 2026-05-01",
        })
        @DisplayName("a year, a quarter, a month or two dates")
        void acceptedForms(String text, LocalDate start, LocalDate end) {
            assertThat(DateRange.parse(text)).isEqualTo(new DateRange(start, end));
        }
    }

    @Test
    @DisplayName("counts its days with both ends included, and knows which days it contains")
    void daysAndContains() {
        DateRange q1 = DateRange.parse("2026-Q1");

        assertThat(q1.days()).isEqualTo(90);
        assertThat(DateRange.parse("2026-05-01..2026-05-01").days()).isEqualTo(1);
        assertThat(q1.contains(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(q1.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(q1.contains(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(q1.contains(LocalDate.of(2025, 12, 31))).isFalse();
    }

    @Test
    @DisplayName("prints as start..end, which parse reads back")
    void roundTrip() {
        DateRange q1 = DateRange.parse("2026-Q1");

        assertThat(q1).hasToString("2026-01-01..2026-03-31");
        assertThat(DateRange.parse(q1.toString())).isEqualTo(q1);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("missing ends")
        void missingEnds() {
            assertRejected(() -> new DateRange(null, LocalDate.of(2026, 1, 1)), "DateRange", "start",
                    "DateRange.start is required");
            assertRejected(() -> new DateRange(LocalDate.of(2026, 1, 1), null), "DateRange", "end",
                    "DateRange.end is required");
        }

        @Test
        @DisplayName("an end before the start")
        void reversed() {
            assertRejected(() -> new DateRange(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1)), "DateRange", "end",
                    "DateRange.end must not be before start 2026-03-31 (got 2026-01-01)");
            assertRejected(() -> DateRange.parse("2026-03-31..2026-01-01"), "DateRange", "end",
                    "DateRange.end must not be before start 2026-03-31 (got 2026-01-01)");
        }

        @Test
        @DisplayName("text in none of the accepted forms")
        void unknownForm() {
            for (String text : new String[] {"Q1 2026", "2026-Q5", "26", "2026-01-01..2026-02-01..2026-03-01",
                    "March 2026"}) {
                assertRejected(() -> DateRange.parse(text), "DateRange", "text",
                        "DateRange.text must be a year (2026), a quarter (2026-Q1), a month (2026-03) or "
                                + "'YYYY-MM-DD..YYYY-MM-DD', got '" + text + "'");
            }
        }

        @Test
        @DisplayName("a date that does not exist, quoting the text")
        void impossibleDate() {
            for (String text : new String[] {"2026-13", "2026-02-30..2026-03-01", "2026-01-01..someday"}) {
                assertThatThrownBy(() -> DateRange.parse(text))
                        .isInstanceOfSatisfying(InvalidModelException.class, e -> {
                            assertThat(e.recordType()).isEqualTo("DateRange");
                            assertThat(e.field()).isEqualTo("text");
                        })
                        .hasMessageStartingWith("DateRange.text is not a valid date in '" + text + "': ");
            }
        }

        @Test
        @DisplayName("missing or blank text")
        void blank() {
            assertRejected(() -> DateRange.parse(null), "DateRange", "text", "DateRange.text is required");
            assertRejected(() -> DateRange.parse("  "), "DateRange", "text", "DateRange.text must not be blank");
        }
    }
}
