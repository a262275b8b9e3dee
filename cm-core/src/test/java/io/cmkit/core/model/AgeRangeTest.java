package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AgeRange")
class AgeRangeTest {

    @Nested
    @DisplayName("reads the bands platforms report")
    class Parsing {

        @Test
        @DisplayName("'18-24' is 18 to 24, both ends included")
        void closedBand() {
            AgeRange band = AgeRange.parse("18-24");

            assertThat(band).isEqualTo(new AgeRange(18, 24));
            assertThat(band.years()).isEqualTo(7);
            assertThat(band).hasToString("18-24");
        }

        @Test
        @DisplayName("'65+' is 65 and over")
        void openBand() {
            AgeRange band = AgeRange.parse("65+");

            assertThat(band.min()).isEqualTo(65);
            assertThat(band.max()).isEqualTo(AgeRange.OPEN_ENDED);
            assertThat(band).hasToString("65+");
        }

        @Test
        @DisplayName("spaces and an en dash are forgiven")
        void lenientSpelling() {
            assertThat(AgeRange.parse(" 25 – 34 ")).isEqualTo(new AgeRange(25, 34));
            assertThat(AgeRange.parse("35 +")).isEqualTo(new AgeRange(35, AgeRange.OPEN_ENDED));
        }
    }

    @Test
    @DisplayName("counts the years two bands share")
    void overlap() {
        AgeRange youngAdults = AgeRange.parse("18-24");

        assertThat(youngAdults.overlapYears(AgeRange.parse("21-30"))).isEqualTo(4);
        assertThat(youngAdults.overlapYears(AgeRange.parse("25-34"))).isZero();
        assertThat(AgeRange.parse("65+").overlapYears(AgeRange.parse("55+"))).isEqualTo(56);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("ages under 13, the minimum age of every well-known platform")
        void underThirteen() {
            assertRejected(() -> new AgeRange(12, 17), "AgeRange", "min", "AgeRange.min must be at least 13 (got 12)");
            assertRejected(() -> AgeRange.parse("8-12"), "AgeRange", "min", "AgeRange.min must be at least 13 (got 8)");
        }

        @Test
        @DisplayName("a max below the min")
        void reversed() {
            assertRejected(() -> new AgeRange(30, 25), "AgeRange", "max",
                    "AgeRange.max must not be below min 30 (got 25)");
            assertRejected(() -> AgeRange.parse("34-25"), "AgeRange", "max",
                    "AgeRange.max must not be below min 34 (got 25)");
        }

        @Test
        @DisplayName("ages over 120")
        void overOpenEnd() {
            assertRejected(() -> new AgeRange(18, 121), "AgeRange", "max", "AgeRange.max must be at most 120 (got 121)");
            assertRejected(() -> AgeRange.parse("121+"), "AgeRange", "min", "AgeRange.min must be at most 120 (got 121)");
        }

        @Test
        @DisplayName("text that is not a band")
        void badText() {
            assertRejected(() -> AgeRange.parse("teens"), "AgeRange", "text",
                    "AgeRange.text must look like '25-34' or '65+', got 'teens'");
            assertRejected(() -> AgeRange.parse("18-"), "AgeRange", "text",
                    "AgeRange.text must look like '25-34' or '65+', got '18-'");
            assertRejected(() -> AgeRange.parse(" "), "AgeRange", "text", "AgeRange.text must not be blank");
            assertRejected(() -> AgeRange.parse(null), "AgeRange", "text", "AgeRange.text is required");
        }
    }
}
