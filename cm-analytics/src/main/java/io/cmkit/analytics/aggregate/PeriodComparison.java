package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One KPI of one group in a period against the period before: a report's tile.
 *
 * @param key the group
 * @param kpi the KPI
 * @param period the first day of the period
 * @param previousPeriod the first day of the period before
 * @param current the KPI in the period
 * @param previous the KPI in the period before
 * @param change {@code current − previous}; not available when either is
 * @param relativeChange {@code (current − previous) / |previous|}; not available when either is or previous is 0
 */
public record PeriodComparison(GroupKey key, Kpi kpi, LocalDate period, LocalDate previousPeriod, KpiValue current,
                               KpiValue previous, KpiValue change, KpiValue relativeChange) {

    public PeriodComparison {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(previousPeriod, "previousPeriod");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(relativeChange, "relativeChange");
    }

    /** The comparison of two values of a KPI. */
    public static PeriodComparison of(GroupKey key, Kpi kpi, LocalDate period, LocalDate previousPeriod,
                                      KpiValue current, KpiValue previous) {
        KpiValue change;
        KpiValue relative;
        if (current instanceof KpiValue.NotAvailable) {
            change = current;
            relative = current;
        } else if (previous instanceof KpiValue.NotAvailable p) {
            change = KpiValue.notAvailable(new Unavailability.PreviousPeriod(p.reason()));
            relative = change;
        } else {
            double c = current.asDouble().getAsDouble();
            double p = previous.asDouble().getAsDouble();
            change = KpiValue.of(c - p);
            relative = p == 0 ? KpiValue.notAvailable(new Unavailability.PreviousPeriodZero()) : KpiValue.of((c - p) / Math.abs(p));
        }
        return new PeriodComparison(key, kpi, period, previousPeriod, current, previous, change, relative);
    }
}
