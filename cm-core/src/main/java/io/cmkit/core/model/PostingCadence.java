package io.cmkit.core.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How often and when the brand posts on one platform, in the brand's time zone.
 *
 * @param platform the platform this cadence is for
 * @param postsPerWeek how many posts a week, 0 to 140 (twenty a day)
 * @param days the weekdays posts go out on, iterated Monday first; not empty when {@code postsPerWeek > 0}
 * @param times preferred local times of day, in increasing order with no repeat; may be empty
 *              when the best time is left to analytics
 */
public record PostingCadence(Platform platform, int postsPerWeek, Set<DayOfWeek> days, List<LocalTime> times) {

    public PostingCadence {
        Checks.present("PostingCadence", "platform", platform);
        if (postsPerWeek < 0 || postsPerWeek > 140) {
            throw new InvalidModelException("PostingCadence", "postsPerWeek",
                    "must be between 0 and 140 (got " + postsPerWeek + ")");
        }
        days = Checks.set("PostingCadence", "days", days);
        // In weekday order, so summaries and calendars read Monday to Sunday.
        days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        if (postsPerWeek > 0 && days.isEmpty()) {
            throw new InvalidModelException("PostingCadence", "days",
                    "must name at least one weekday when postsPerWeek is " + postsPerWeek);
        }
        times = Checks.list("PostingCadence", "times", times);
        for (int i = 1; i < times.size(); i++) {
            if (!times.get(i).isAfter(times.get(i - 1))) {
                throw new InvalidModelException("PostingCadence", "times[" + i + "]",
                        "must be later than " + times.get(i - 1) + " (got " + times.get(i) + ")");
            }
        }
    }
}
