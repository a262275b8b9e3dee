package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PostingCadence")
class PostingCadenceTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    @DisplayName("keeps its platform, weekly count, days and times")
    void accessors() {
        PostingCadence cadence = new PostingCadence(Platform.BLUESKY, 5, WEEKDAYS,
                List.of(LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(18, 15)));

        assertThat(cadence.platform()).isEqualTo(Platform.BLUESKY);
        assertThat(cadence.postsPerWeek()).isEqualTo(5);
        assertThat(cadence.days()).isEqualTo(WEEKDAYS);
        assertThat(cadence.times()).containsExactly(LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(18, 15));
    }

    @Test
    @DisplayName("a paused platform needs no days, and times may be left to analytics")
    void pausedOrUntimed() {
        assertThat(new PostingCadence(Platform.X, 0, Set.of(), List.of()).postsPerWeek()).isZero();
        assertThat(new PostingCadence(Platform.X, 140, WEEKDAYS, List.of()).times()).isEmpty();
    }

    @Test
    @DisplayName("keeps its own copies of days and times")
    void defensiveCopy() {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        List<LocalTime> times = new ArrayList<>(List.of(LocalTime.NOON));
        PostingCadence cadence = new PostingCadence(Platform.X, 1, days, times);

        days.add(DayOfWeek.TUESDAY);
        times.add(LocalTime.of(18, 0));

        assertThat(cadence.days()).containsExactly(DayOfWeek.MONDAY);
        assertThat(cadence.times()).containsExactly(LocalTime.NOON);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a missing platform")
        void missingPlatform() {
            assertRejected(() -> new PostingCadence(null, 1, WEEKDAYS, List.of()), "PostingCadence", "platform",
                    "PostingCadence.platform is required");
        }

        @Test
        @DisplayName("a weekly count below 0 or above 140")
        void badCount() {
            assertRejected(() -> new PostingCadence(Platform.X, -1, WEEKDAYS, List.of()), "PostingCadence",
                    "postsPerWeek", "PostingCadence.postsPerWeek must be between 0 and 140 (got -1)");
            assertRejected(() -> new PostingCadence(Platform.X, 141, WEEKDAYS, List.of()), "PostingCadence",
                    "postsPerWeek", "PostingCadence.postsPerWeek must be between 0 and 140 (got 141)");
        }

        @Test
        @DisplayName("posts without any day to post them on")
        void noDays() {
            assertRejected(() -> new PostingCadence(Platform.X, 3, Set.of(), List.of()), "PostingCadence", "days",
                    "PostingCadence.days must name at least one weekday when postsPerWeek is 3");
            assertRejected(() -> new PostingCadence(Platform.X, 3, null, List.of()), "PostingCadence", "days",
                    "PostingCadence.days is required");
        }

        @Test
        @DisplayName("times out of order or repeated, naming the faulty one")
        void badTimes() {
            assertRejected(() -> new PostingCadence(Platform.X, 3, WEEKDAYS, List.of(LocalTime.NOON, LocalTime.of(8, 30))),
                    "PostingCadence", "times[1]", "PostingCadence.times[1] must be later than 12:00 (got 08:30)");
            assertRejected(() -> new PostingCadence(Platform.X, 3, WEEKDAYS,
                            List.of(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(9, 0))),
                    "PostingCadence", "times[2]", "PostingCadence.times[2] must be later than 09:00 (got 09:00)");
            assertRejected(() -> new PostingCadence(Platform.X, 3, WEEKDAYS, Arrays.asList((LocalTime) null)),
                    "PostingCadence", "times[0]", "PostingCadence.times[0] must not be null");
        }
    }
}
