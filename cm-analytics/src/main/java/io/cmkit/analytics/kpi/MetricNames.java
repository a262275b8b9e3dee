package io.cmkit.analytics.kpi;

import io.cmkit.analytics.kpi.internal.KpiMessages;
import io.cmkit.core.model.Metric;
import java.util.Locale;
import java.util.Objects;

/** How a report names a metric: "taux de clic" in French, "click-through rate" in English; the id for a metric cmkit does not know. */
public final class MetricNames {

    private MetricNames() {
    }

    /** The metric's name in {@code locale}'s language; the id for a metric cmkit does not know. */
    public static String of(Metric metric, Locale locale) {
        Objects.requireNonNull(metric, "metric");
        return KpiMessages.of(Objects.requireNonNull(locale, "locale")).metric(metric);
    }
}
