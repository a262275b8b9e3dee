package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The KPIs of one group over one period: part of the summary API reports consume.
 *
 * @param key the group
 * @param periodStart the first day of the period
 * @param values each KPI of the table, available or not (never missing, never NaN)
 */
public record KpiRow(GroupKey key, LocalDate periodStart, Map<Kpi, KpiValue> values) {

    public KpiRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(periodStart, "periodStart");
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** One KPI's value. */
    public KpiValue value(Kpi kpi) {
        KpiValue v = values.get(kpi);
        return v != null ? v : KpiValue.notAvailable(new Unavailability.NotInTable(kpi.metric()));
    }
}
