package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Objective;

import java.util.OptionalDouble;

/**
 * Progress of one KPI target of an objective: target against actual, and the pacing.
 *
 * @param objective the strategy's objective
 * @param target one of its targets
 * @param unit how the target and actual read
 * @param actual the KPI's value so far; empty when there is no data yet
 * @param forecast the value expected at the end of the target's period; empty when unknown
 * @param pacing on track, behind or ahead given the time elapsed; {@link Pacing#NOT_AVAILABLE}
 *               exactly when there is no actual value
 */
public record ObjectiveProgress(Objective objective, KpiTarget target, Unit unit, OptionalDouble actual,
                                OptionalDouble forecast, Pacing pacing) {

    public ObjectiveProgress {
        ReportChecks.present("ObjectiveProgress", "objective", objective);
        ReportChecks.present("ObjectiveProgress", "target", target);
        ReportChecks.present("ObjectiveProgress", "unit", unit);
        ReportChecks.finite("ObjectiveProgress", "actual", actual);
        ReportChecks.finite("ObjectiveProgress", "forecast", forecast);
        ReportChecks.present("ObjectiveProgress", "pacing", pacing);
        if (!objective.targets().contains(target)) {
            throw new InvalidModelException("ObjectiveProgress", "target",
                    "must be one of the targets of objective '" + objective.id() + "' (got " + target.metric()
                            + " over " + target.period() + ")");
        }
        if (actual.isEmpty() != (pacing == Pacing.NOT_AVAILABLE)) {
            throw new InvalidModelException("ObjectiveProgress", "pacing",
                    "must be NOT_AVAILABLE exactly when there is no actual value (objective '" + objective.id()
                            + "', got " + pacing + ")");
        }
    }

    /**
     * How far the actual value has gone towards the target, as a fraction ({@code 1} = target
     * reached); empty without an actual value or with a zero target.
     */
    public OptionalDouble completion() {
        if (actual.isEmpty() || target.target() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(actual.getAsDouble() / target.target());
    }
}
