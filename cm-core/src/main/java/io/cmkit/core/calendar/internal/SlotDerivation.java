package io.cmkit.core.calendar.internal;

import io.cmkit.core.calendar.SlotPlan;
import io.cmkit.core.calendar.WeeklySlot;
import io.cmkit.core.model.PostingCadence;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Turns a brand kit's cadence into weekly slots, by the rules documented on {@link SlotPlan.Derivation}. */
public final class SlotDerivation {

    public static final LocalTime DAY_START = LocalTime.of(9, 0);
    public static final LocalTime DAY_END = LocalTime.of(21, 0);

    private SlotDerivation() {
    }

    public static SlotPlan derive(PostingCadence cadence, ZoneId zone) {
        int n = cadence.postsPerWeek();
        List<DayOfWeek> days = new ArrayList<>(cadence.days());
        List<LocalTime> times = cadence.times();
        String name = cadence.platform().displayName();
        if (n == 0) {
            return new SlotPlan(cadence.platform(), zone, List.of(), SlotPlan.Derivation.PAUSED,
                    name + " is paused: 0 posts a week");
        }
        int d = days.size();
        int[] perDay = new int[d];
        for (int i = 0; i < n; i++) {
            perDay[(int) ((long) i * d / n)]++;
        }
        List<WeeklySlot> slots = new ArrayList<>();
        if (times.isEmpty()) {
            for (int k = 0; k < d; k++) {
                for (LocalTime time : spread(perDay[k])) {
                    slots.add(new WeeklySlot(days.get(k), time));
                }
            }
            return new SlotPlan(cadence.platform(), zone, slots, SlotPlan.Derivation.DEFAULT_TIMES,
                    name + ": " + n + " posts a week spread over " + d + " days at default times from "
                            + DAY_START + " to " + DAY_END + ", as the cadence gives no times");
        }
        int capacity = d * times.size();
        if (n >= capacity) {
            for (DayOfWeek day : days) {
                for (LocalTime time : times) {
                    slots.add(new WeeklySlot(day, time));
                }
            }
            if (n == capacity) {
                return new SlotPlan(cadence.platform(), zone, slots, SlotPlan.Derivation.EXACT,
                        name + ": " + n + " posts a week, every time on every day");
            }
            return new SlotPlan(cadence.platform(), zone, slots, SlotPlan.Derivation.CAPPED,
                    name + ": the cadence asks for " + n + " posts a week but its " + d + " days × "
                            + times.size() + " times give " + capacity + " slots; " + (n - capacity)
                            + " posts a week have no slot");
        }
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < perDay[k]; j++) {
                slots.add(new WeeklySlot(days.get(k), times.get(j)));
            }
        }
        return new SlotPlan(cadence.platform(), zone, slots, SlotPlan.Derivation.SPREAD,
                name + ": " + n + " posts a week spread over " + d + " days, earliest times first ("
                        + capacity + " day × time combinations)");
    }

    /** {@code k} times from 09:00, {@code 12h / k} apart, truncated to the minute. */
    static List<LocalTime> spread(int k) {
        List<LocalTime> out = new ArrayList<>();
        long window = java.time.Duration.between(DAY_START, DAY_END).toMinutes();
        for (int j = 0; j < k; j++) {
            out.add(DAY_START.plusMinutes(j * window / k));
        }
        return out;
    }
}
