package io.cmkit.analytics.objective;

import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiUnit;
import io.cmkit.core.model.Metric;

/** How a KPI grows over a period, which decides what is expected by now and how to forecast. */
public enum KpiKind {
    /** Accumulates over the period (impressions, engagements, likes): expected by now = target × elapsed. */
    CUMULATIVE,
    /** A level at the period's end (followers): expected by now = start + (target − start) × elapsed. */
    LEVEL,
    /** A rate or average (engagement rate, response time, CPC): expected by now = the target itself. */
    RATE;

    /** The kind of a target's metric: a catalogue KPI by its unit, a raw counter as cumulative. */
    public static KpiKind of(Metric metric) {
        if (metric.equals(Metric.FOLLOWERS)) {
            return LEVEL;
        }
        return Kpi.forMetric(metric).map(k -> k.unit() == KpiUnit.COUNT ? CUMULATIVE : RATE).orElse(CUMULATIVE);
    }
}
