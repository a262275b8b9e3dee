package io.cmkit.analytics.objective;

import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.KpiTarget;
import java.time.LocalDate;

/**
 * Where actual values come from: {@link CounterActuals} for counter KPIs, a lambda over
 * {@code ResponseStats} or listening counts for the others.
 */
@FunctionalInterface
public interface ActualSource {

    /**
     * The target's KPI over the days {@code from..to} (brand time zone), restricted to the
     * target's platform if it has one; for a {@link KpiKind#LEVEL} KPI, its level at the end of {@code to}.
     */
    KpiValue actual(KpiTarget target, LocalDate from, LocalDate to);

    /**
     * For a {@link KpiKind#LEVEL} KPI, its level at the start of day {@code from} (the end of the
     * day before); not available by default, in which case pacing compares levels, not gains.
     */
    default KpiValue levelAtStart(KpiTarget target, LocalDate from) {
        return KpiValue.notAvailable(new Unavailability.NoLevelAtStart(from));
    }
}
