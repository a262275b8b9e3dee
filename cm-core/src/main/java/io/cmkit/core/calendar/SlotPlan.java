package io.cmkit.core.calendar;

import io.cmkit.core.calendar.internal.SlotDerivation;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostingCadence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The weekly slots of one platform, in the brand's time zone, and how they were derived.
 *
 * <p><b>Local time and DST.</b> A slot is a local date and time in {@code zone}; it stays at the
 * same wall-clock time all year, so the instants of a weekly slot are 7 days minus one hour apart
 * across the spring change and 7 days plus one hour apart across the autumn change. Two local
 * times need a rule:
 * <ul>
 *   <li>a time that does not exist (in the spring gap, e.g. 02:30 in Paris on the last Sunday
 *       of March) is moved forward by the length of the gap (02:30 becomes 03:30 summer time), as
 *       {@link ZonedDateTime#of} does; the {@link Slot} says {@link Slot#shifted() shifted};</li>
 *   <li>a time that exists twice (in the autumn overlap, e.g. 02:30 in Paris on the last Sunday
 *       of October) takes the earlier of the two offsets (02:30 summer time, the first time the
 *       clock shows 02:30).</li>
 * </ul>
 * If a shifted slot lands on the same instant as another slot of the plan, the two count as one.
 *
 * <p><b>From a cadence.</b> {@link #fromCadence} derives the slots from the brand kit's
 * {@link PostingCadence}; {@link #derivation()} says which rule applied (see {@link Derivation}).
 *
 * @param platform the platform the slots are for
 * @param zone the brand's time zone
 * @param weekly the weekly slots, Monday first then by time, without repeats
 * @param derivation how the slots were obtained
 * @param note one sentence explaining the derivation, for people
 */
public record SlotPlan(Platform platform, ZoneId zone, List<WeeklySlot> weekly, Derivation derivation, String note) {

    /** The earliest local time given to slots derived without times: 09:00. */
    public static final LocalTime DEFAULT_DAY_START = SlotDerivation.DAY_START;

    /** The end of the window that slots derived without times are spread over: 21:00. */
    public static final LocalTime DEFAULT_DAY_END = SlotDerivation.DAY_END;

    /** The longest span {@link #slotsBetween} lists at once: 3,660 days, about ten years. */
    public static final Duration MAX_SPAN = Duration.ofDays(3660);

    /** How a plan's weekly slots were obtained from a cadence. */
    public enum Derivation {
        /** {@code postsPerWeek} equals days × times: one slot at each time on each day. */
        EXACT,
        /**
         * Fewer posts than days × times: post {@code i} of the week ({@code i = 0..n-1}) goes to
         * day {@code ⌊i·d/n⌋} of the cadence's {@code d} days (Monday first), which spreads the
         * posts over the week as evenly as possible; a day with {@code k} posts takes the first
         * {@code k} of the cadence's times.
         */
        SPREAD,
        /**
         * No times in the cadence: the posts are spread over the days as for {@link #SPREAD},
         * and a day with {@code k} posts gets {@code k} times spread evenly from 09:00 over the
         * twelve hours to 21:00 ({@code 09:00 + j·12h/k}, to the minute): one post at 09:00, two
         * at 09:00 and 15:00, three at 09:00, 13:00 and 17:00.
         */
        DEFAULT_TIMES,
        /**
         * More posts than days × times: the plan keeps every day × time slot and no more; the
         * note says how many posts a week are left without a slot.
         */
        CAPPED,
        /** {@code postsPerWeek} is 0: the platform is paused and has no slots. */
        PAUSED,
        /** Given slot by slot with {@link #of}, not derived from a cadence. */
        CUSTOM
    }

    public SlotPlan {
        Objects.requireNonNull(platform, "SlotPlan.platform");
        Objects.requireNonNull(zone, "SlotPlan.zone");
        Objects.requireNonNull(derivation, "SlotPlan.derivation");
        Objects.requireNonNull(note, "SlotPlan.note");
        weekly = List.copyOf(Objects.requireNonNull(weekly, "SlotPlan.weekly")).stream().sorted().distinct().toList();
    }

    /**
     * The slots a brand kit's cadence gives, by the rules of {@link Derivation}.
     *
     * @param cadence the platform's cadence from {@code Strategy.editorialLine().cadences()}
     * @param zone the brand's time zone
     */
    public static SlotPlan fromCadence(PostingCadence cadence, ZoneId zone) {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(zone, "zone");
        return SlotDerivation.derive(cadence, zone);
    }

    /** A plan given slot by slot, e.g. to override the cadence of one platform. */
    public static SlotPlan of(Platform platform, ZoneId zone, List<WeeklySlot> weekly) {
        return new SlotPlan(platform, zone, weekly, Derivation.CUSTOM,
                weekly.size() + " slots a week, given one by one");
    }

    /** How many slots a week the plan has. */
    public int slotsPerWeek() {
        return weekly.size();
    }

    /**
     * The slots whose instant lies in {@code [from, to)}, in time order.
     *
     * @throws CalendarException when {@code to} is before {@code from}
     */
    public List<Slot> slotsBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new CalendarException("the end " + to + " is before the start " + from
                    + " when listing " + platform.displayName() + " slots");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new CalendarException("cannot list " + platform.displayName() + " slots from " + from + " to " + to
                    + ": at most " + MAX_SPAN.toDays() + " days (about ten years) at a time");
        }
        TreeMap<Instant, Slot> out = new TreeMap<>();
        if (weekly.isEmpty()) {
            return List.of();
        }
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (WeeklySlot slot : weekly) {
                if (slot.day() != day.getDayOfWeek()) {
                    continue;
                }
                Slot dated = at(day, slot.time());
                Instant instant = dated.instant();
                if (!instant.isBefore(from) && instant.isBefore(to)) {
                    out.putIfAbsent(instant, dated);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The slot a local date and time resolves to in this plan's zone, by the DST rules above.
     * The date and time need not be one of the plan's weekly slots.
     */
    public Slot at(LocalDate date, LocalTime time) {
        return new Slot(platform, date, time, resolve(LocalDateTime.of(date, time), zone));
    }

    /**
     * The calendar's rule for a local date-time: in a gap, moved forward by the gap's length; in
     * an overlap, the earlier offset. This is what {@link ZonedDateTime#of} does.
     */
    public static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.of(local, zone).withEarlierOffsetAtOverlap();
    }
}
