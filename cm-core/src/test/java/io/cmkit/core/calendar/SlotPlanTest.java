package io.cmkit.core.calendar;

import static io.cmkit.core.calendar.CalendarFixtures.PARIS;
import static io.cmkit.core.calendar.CalendarFixtures.cadence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SlotPlan")
class SlotPlanTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private static List<WeeklySlot> weekly(SlotPlan plan) {
        return plan.weekly();
    }

    private static WeeklySlot at(DayOfWeek day, String time) {
        return new WeeklySlot(day, LocalTime.parse(time));
    }

    @Nested
    @DisplayName("across daylight saving time, in Europe/Paris")
    class Dst {

        private final SlotPlan sundays = SlotPlan.of(Platform.MASTODON, PARIS,
                List.of(at(DayOfWeek.SUNDAY, "09:00")));

        @Test
        @DisplayName("a weekly 09:00 slot stays at 09:00 local time across the March change, 23 hours shorter")
        void march() {
            List<Slot> slots = sundays.slotsBetween(Instant.parse("2026-03-20T00:00:00Z"),
                    Instant.parse("2026-04-06T00:00:00Z"));

            assertThat(slots).extracting(s -> s.start().toLocalDateTime()).containsExactly(
                    LocalDateTime.parse("2026-03-22T09:00"), LocalDateTime.parse("2026-03-29T09:00"),
                    LocalDateTime.parse("2026-04-05T09:00"));
            assertThat(slots).extracting(Slot::instant).containsExactly(
                    Instant.parse("2026-03-22T08:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"),
                    Instant.parse("2026-04-05T07:00:00Z"));
            assertThat(Duration.between(slots.get(0).instant(), slots.get(1).instant()))
                    .isEqualTo(Duration.ofDays(7).minusHours(1));
            assertThat(slots).noneMatch(Slot::shifted);
        }

        @Test
        @DisplayName("a weekly 09:00 slot stays at 09:00 local time across the October change, 25 hours longer")
        void october() {
            List<Slot> slots = sundays.slotsBetween(Instant.parse("2026-10-18T00:00:00Z"),
                    Instant.parse("2026-11-02T00:00:00Z"));

            assertThat(slots).extracting(s -> s.start().toLocalTime()).containsOnly(LocalTime.of(9, 0));
            assertThat(slots).extracting(Slot::instant).containsExactly(
                    Instant.parse("2026-10-18T07:00:00Z"), Instant.parse("2026-10-25T08:00:00Z"),
                    Instant.parse("2026-11-01T08:00:00Z"));
            assertThat(Duration.between(slots.get(0).instant(), slots.get(1).instant()))
                    .isEqualTo(Duration.ofDays(7).plusHours(1));
            assertThat(slots.get(0).start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(slots.get(1).start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        }

        @Test
        @DisplayName("a 02:30 slot on the March change day, which does not exist, moves forward to 03:30 summer time")
        void gap() {
            SlotPlan night = SlotPlan.of(Platform.MASTODON, PARIS, List.of(at(DayOfWeek.SUNDAY, "02:30")));

            Slot slot = night.slotsBetween(Instant.parse("2026-03-28T00:00:00Z"),
                    Instant.parse("2026-03-30T00:00:00Z")).get(0);

            assertThat(slot.date()).isEqualTo(LocalDate.of(2026, 3, 29));
            assertThat(slot.plannedTime()).isEqualTo(LocalTime.of(2, 30));
            assertThat(slot.start().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
            assertThat(slot.instant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
            assertThat(slot.shifted()).isTrue();
        }

        @Test
        @DisplayName("a 02:30 slot on the October change day, which happens twice, takes the first one (summer time)")
        void overlap() {
            SlotPlan night = SlotPlan.of(Platform.MASTODON, PARIS, List.of(at(DayOfWeek.SUNDAY, "02:30")));

            List<Slot> slots = night.slotsBetween(Instant.parse("2026-10-24T00:00:00Z"),
                    Instant.parse("2026-10-26T00:00:00Z"));

            assertThat(slots).hasSize(1);
            assertThat(slots.get(0).start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(slots.get(0).instant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
            assertThat(slots.get(0).shifted()).isFalse();
        }

        @Test
        @DisplayName("a gap slot shifted onto another slot's instant counts once")
        void shiftedOntoAnother() {
            SlotPlan night = SlotPlan.of(Platform.MASTODON, PARIS,
                    List.of(at(DayOfWeek.SUNDAY, "02:30"), at(DayOfWeek.SUNDAY, "03:30")));

            List<Slot> slots = night.slotsBetween(Instant.parse("2026-03-28T00:00:00Z"),
                    Instant.parse("2026-03-30T00:00:00Z"));

            assertThat(slots).extracting(Slot::instant).containsExactly(Instant.parse("2026-03-29T01:30:00Z"));
        }
    }

    @Nested
    @DisplayName("from the brand kit's cadence")
    class FromCadence {

        @Test
        @DisplayName("posts per week = days × times gives every time on every day")
        void exact() {
            SlotPlan plan = SlotPlan.fromCadence(cadence(Platform.X, 6,
                    List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "12:00", "17:30"), PARIS);

            assertThat(plan.derivation()).isEqualTo(SlotPlan.Derivation.EXACT);
            assertThat(weekly(plan)).containsExactly(at(DayOfWeek.MONDAY, "12:00"), at(DayOfWeek.MONDAY, "17:30"),
                    at(DayOfWeek.WEDNESDAY, "12:00"), at(DayOfWeek.WEDNESDAY, "17:30"),
                    at(DayOfWeek.FRIDAY, "12:00"), at(DayOfWeek.FRIDAY, "17:30"));
        }

        @Test
        @DisplayName("fewer posts than days × times are spread over the week, earliest times first")
        void spread() {
            SlotPlan three = SlotPlan.fromCadence(cadence(Platform.X, 3,
                    List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "12:00", "17:30"), PARIS);
            SlotPlan two = SlotPlan.fromCadence(cadence(Platform.X, 2, WEEKDAYS, "09:00"), PARIS);
            SlotPlan seven = SlotPlan.fromCadence(cadence(Platform.X, 7, WEEKDAYS, "09:00", "18:00"), PARIS);

            assertThat(three.derivation()).isEqualTo(SlotPlan.Derivation.SPREAD);
            assertThat(weekly(three)).containsExactly(at(DayOfWeek.MONDAY, "12:00"),
                    at(DayOfWeek.WEDNESDAY, "12:00"), at(DayOfWeek.FRIDAY, "12:00"));
            assertThat(weekly(two)).containsExactly(at(DayOfWeek.MONDAY, "09:00"), at(DayOfWeek.WEDNESDAY, "09:00"));
            assertThat(weekly(seven)).containsExactly(
                    at(DayOfWeek.MONDAY, "09:00"), at(DayOfWeek.MONDAY, "18:00"), at(DayOfWeek.TUESDAY, "09:00"),
                    at(DayOfWeek.WEDNESDAY, "09:00"), at(DayOfWeek.WEDNESDAY, "18:00"),
                    at(DayOfWeek.THURSDAY, "09:00"), at(DayOfWeek.FRIDAY, "09:00"));
        }

        @Test
        @DisplayName("without times, posts get default times spread from 09:00 over twelve hours")
        void defaultTimes() {
            SlotPlan plan = SlotPlan.fromCadence(cadence(Platform.INSTAGRAM, 5,
                    List.of(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY)), PARIS);

            assertThat(plan.derivation()).isEqualTo(SlotPlan.Derivation.DEFAULT_TIMES);
            assertThat(weekly(plan)).containsExactly(at(DayOfWeek.TUESDAY, "09:00"), at(DayOfWeek.TUESDAY, "13:00"),
                    at(DayOfWeek.TUESDAY, "17:00"), at(DayOfWeek.SATURDAY, "09:00"), at(DayOfWeek.SATURDAY, "15:00"));
            assertThat(plan.note()).contains("no times");
        }

        @Test
        @DisplayName("more posts than days × times keep the day × time slots and say how many are missing")
        void capped() {
            SlotPlan plan = SlotPlan.fromCadence(cadence(Platform.LINKEDIN, 5,
                    List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "08:00"), PARIS);

            assertThat(plan.derivation()).isEqualTo(SlotPlan.Derivation.CAPPED);
            assertThat(weekly(plan)).containsExactly(at(DayOfWeek.TUESDAY, "08:00"), at(DayOfWeek.THURSDAY, "08:00"));
            assertThat(plan.note()).isEqualTo("LinkedIn: the cadence asks for 5 posts a week but its 2 days × 1 times"
                    + " give 2 slots; 3 posts a week have no slot");
        }

        @Test
        @DisplayName("a paused platform has no slots")
        void paused() {
            SlotPlan plan = SlotPlan.fromCadence(cadence(Platform.X, 0, List.of()), PARIS);

            assertThat(plan.derivation()).isEqualTo(SlotPlan.Derivation.PAUSED);
            assertThat(plan.slotsBetween(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
        }

        @Test
        @DisplayName("dated slots of a week follow the plan in time order")
        void dated() {
            SlotPlan plan = SlotPlan.fromCadence(cadence(Platform.X, 3,
                    List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "12:00"), PARIS);

            assertThat(plan.slotsBetween(CalendarFixtures.MONDAY_MARCH_2, CalendarFixtures.MONDAY_MARCH_2
                    .plus(Duration.ofDays(7)))).extracting(s -> s.start().toLocalDateTime()).containsExactly(
                    LocalDateTime.parse("2026-03-02T12:00"), LocalDateTime.parse("2026-03-04T12:00"),
                    LocalDateTime.parse("2026-03-06T12:00"));
        }
    }

    @Test
    @DisplayName("rejects an end before the start, saying which")
    void endBeforeStart() {
        SlotPlan plan = SlotPlan.of(Platform.X, PARIS, List.of(at(DayOfWeek.MONDAY, "09:00")));

        assertThatThrownBy(() -> plan.slotsBetween(Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z")))
                .isInstanceOf(CalendarException.class)
                .hasMessage("the end 2026-03-01T00:00:00Z is before the start 2026-03-02T00:00:00Z"
                        + " when listing X slots");
    }
}
