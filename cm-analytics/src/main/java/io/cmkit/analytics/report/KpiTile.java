package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;
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
 */
public record KpiTile(String label, Metric metric, Unit unit, OptionalDouble value, OptionalDouble change) {

    public KpiTile {
        label = ReportChecks.notBlank("KpiTile", "label", label);
        ReportChecks.present("KpiTile", "metric", metric);
        ReportChecks.present("KpiTile", "unit", unit);
        ReportChecks.finite("KpiTile", "value", value);
        ReportChecks.finite("KpiTile", "change", change);
        if (value.isEmpty() && change.isPresent()) {
            throw new InvalidModelException("KpiTile", "change",
                    "must be empty when the value of '" + label + "' is not available");
        }
    }

    /** A tile with a value and a change. */
    public static KpiTile of(String label, Metric metric, Unit unit, double value, double change) {
        return new KpiTile(label, metric, unit, OptionalDouble.of(value), OptionalDouble.of(change));
    }

    /** A tile whose KPI the platforms do not expose over this period. */
    public static KpiTile notAvailable(String label, Metric metric, Unit unit) {
        return new KpiTile(label, metric, unit, OptionalDouble.empty(), OptionalDouble.empty());
    }
}
