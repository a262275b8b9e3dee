package io.cmkit.analytics.kpi;

import io.cmkit.core.model.Metric;
import java.util.Map;
import java.util.Objects;

/**
 * What the counters of one group did over one period, the input of the counter-based KPIs.
 *
 * <p>{@code changes} holds the net change of each counter over the period (likes gained minus
 * likes withdrawn); {@code levelsAtStart} and {@code levelsAtEnd} the summed readings at the
 * period's edges (followers at the start and at the end). A counter that is not available is
 * absent from all three maps and present in {@code unavailable} with the reason.
 *
 * @param changes net change per counter over the period
 * @param levelsAtStart summed counter readings at the start of the period (the last reading before it)
 * @param levelsAtEnd summed counter readings at the end of the period
 * @param unavailable the counters with no value, and why
 * @param newPosts posts first seen in the period (their first snapshot falls in it)
 * @param snapshots snapshots that fell in the period
 */
public record Counters(Map<Metric, Long> changes, Map<Metric, Long> levelsAtStart, Map<Metric, Long> levelsAtEnd,
                       Map<Metric, Unavailability> unavailable, long newPosts, long snapshots) {

    public Counters {
        changes = Map.copyOf(Objects.requireNonNull(changes, "changes"));
        levelsAtStart = Map.copyOf(Objects.requireNonNull(levelsAtStart, "levelsAtStart"));
        levelsAtEnd = Map.copyOf(Objects.requireNonNull(levelsAtEnd, "levelsAtEnd"));
        unavailable = Map.copyOf(Objects.requireNonNull(unavailable, "unavailable"));
    }

    /** The net change of a counter over the period, or why there is none. */
    public KpiValue change(Metric metric) {
        Long value = changes.get(metric);
        if (value != null) {
            return KpiValue.of(value);
        }
        return KpiValue.notAvailable(unavailable.getOrDefault(metric,
                snapshots == 0 ? new Unavailability.NoSnapshotInPeriod() : new Unavailability.NotReported(metric)));
    }

    /** The summed reading of a counter at the start of the period, or why there is none. */
    public KpiValue levelAtStart(Metric metric) {
        Long value = levelsAtStart.get(metric);
        if (value != null) {
            return KpiValue.of(value);
        }
        return KpiValue.notAvailable(unavailable.getOrDefault(metric, levelsAtEnd.containsKey(metric)
                ? new Unavailability.NoReadingBeforePeriod(metric) : new Unavailability.NotReported(metric)));
    }

    /** The summed reading of a counter at the end of the period, or why there is none. */
    public KpiValue levelAtEnd(Metric metric) {
        Long value = levelsAtEnd.get(metric);
        return value != null ? KpiValue.of(value)
                : KpiValue.notAvailable(unavailable.getOrDefault(metric, new Unavailability.NotReported(metric)));
    }
}
