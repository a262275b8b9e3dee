package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.kpi.Counters;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one group's counters did over one period.
 *
 * @param key the group
 * @param periodStart the first day of the period, in the brand's time zone
 * @param counters the changes and levels of its counters
 */
public record AggregateRow(GroupKey key, LocalDate periodStart, Counters counters) {

    public AggregateRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(counters, "counters");
    }

    /** Whether no snapshot of the group fell in the period: every change is then not available. */
    public boolean isEmpty() {
        return counters.snapshots() == 0;
    }
}
