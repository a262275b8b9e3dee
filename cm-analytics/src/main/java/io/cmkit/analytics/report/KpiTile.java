package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;

import java.util.OptionalDouble;

/**
 * One KPI tile of the dashboard: its value over the period and its change against the previous one.
 *
 * @param label the KPI's name as the client reads it ("Engagement rate by reach")
 * @param metric which KPI it is (for machine-readable output)
 * @param unit how the value reads
 * @param value the value over the period; empty when the platforms do not expose it ("not
 *              available", never 0)
 * @param change the relative change against the previous period as a fraction ({@code 0.034} for
 *               +3.4 %); empty when either period has no value or the previous one is zero
 * @param better which way is good news: {@code AT_LEAST} when more is better (reach),
 *               {@code AT_MOST} when less is (response time, cost per click); colours the change
 */
public record KpiTile(String label, Metric metric, Unit unit, OptionalDouble value, OptionalDouble change,
                      KpiTarget.Direction better) {

    public KpiTile {
        label = ReportChecks.notBlank("KpiTile", "label", label);
        ReportChecks.present("KpiTile", "metric", metric);
        ReportChecks.present("KpiTile", "unit", unit);
        ReportChecks.finite("KpiTile", "value", value);
        ReportChecks.finite("KpiTile", "change", change);
        ReportChecks.present("KpiTile", "better", better);
        if (value.isEmpty() && change.isPresent()) {
            throw new InvalidModelException("KpiTile", "change",
                    "must be empty when the value of '" + label + "' is not available");
        }
    }

    /** A tile with a value and a change, more being better. */
    public static KpiTile of(String label, Metric metric, Unit unit, double value, double change) {
        return new KpiTile(label, metric, unit, OptionalDouble.of(value), OptionalDouble.of(change),
                KpiTarget.Direction.AT_LEAST);
    }

    /** A tile whose KPI the platforms do not expose over this period ("not available", never 0). */
    public static KpiTile notAvailable(String label, Metric metric, Unit unit) {
        return new KpiTile(label, metric, unit, OptionalDouble.empty(), OptionalDouble.empty(),
                KpiTarget.Direction.AT_LEAST);
    }

    /** The same tile for a KPI where less is better: a fall is shown as good news. */
    public KpiTile lowerIsBetter() {
        return new KpiTile(label, metric, unit, value, change, KpiTarget.Direction.AT_MOST);
    }
}
