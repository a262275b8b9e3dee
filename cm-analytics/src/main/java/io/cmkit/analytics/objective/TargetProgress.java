package io.cmkit.analytics.objective;

import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.core.model.KpiTarget;
import java.util.Objects;

/**
 * One target of an objective, today.
 *
 * @param target the target
 * @param kind how its KPI grows over the period
 * @param elapsed the fraction of the period elapsed, 0 to 1
 * @param actual the KPI over the period so far
 * @param expectedByNow what the KPI should be by now to reach the target linearly
 * @param forecast the KPI expected at the period's end (see {@link ObjectiveTracker})
 * @param pacing where it stands
 * @param explanation one sentence for people
 */
public record TargetProgress(KpiTarget target, KpiKind kind, double elapsed, KpiValue actual, KpiValue expectedByNow,
                             KpiValue forecast, Pacing pacing, String explanation) {

    public TargetProgress {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expectedByNow, "expectedByNow");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether the forecast meets the target; false when it is not available. */
    public boolean forecastMeetsTarget() {
        return forecast.asDouble().stream().anyMatch(target::isMetBy);
    }
}
