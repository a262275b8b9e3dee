package io.cmkit.analytics.report;

import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Objective;

import java.util.Optional;
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
 * @param whyNoActual why there is no actual value, when known; the report words it in its language
 *                    under the table ("n.d. pour taux de clic (Instagram) — clics : non fourni par Instagram")
 */
public record ObjectiveProgress(Objective objective, KpiTarget target, Unit unit, OptionalDouble actual,
                                OptionalDouble forecast, Pacing pacing, Optional<Unavailability> whyNoActual) {

    public ObjectiveProgress {
        ReportChecks.present("ObjectiveProgress", "objective", objective);
        ReportChecks.present("ObjectiveProgress", "target", target);
        ReportChecks.present("ObjectiveProgress", "unit", unit);
        ReportChecks.finite("ObjectiveProgress", "actual", actual);
        ReportChecks.finite("ObjectiveProgress", "forecast", forecast);
        ReportChecks.present("ObjectiveProgress", "pacing", pacing);
        ReportChecks.optional("ObjectiveProgress", "whyNoActual", whyNoActual);
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
        if (whyNoActual.isPresent() && actual.isPresent()) {
            throw new InvalidModelException("ObjectiveProgress", "whyNoActual",
                    "must be empty when there is an actual value (objective '" + objective.id() + "', "
                            + target.metric() + ")");
        }
    }

    /** Progress without a reason for a missing actual value. */
    public ObjectiveProgress(Objective objective, KpiTarget target, Unit unit, OptionalDouble actual,
                             OptionalDouble forecast, Pacing pacing) {
        this(objective, target, unit, actual, forecast, pacing, Optional.empty());
    }

    /** A target with no actual value yet, and why: no forecast, pacing {@link Pacing#NOT_AVAILABLE}. */
    public static ObjectiveProgress notAvailable(Objective objective, KpiTarget target, Unit unit, Unavailability why) {
        return new ObjectiveProgress(objective, target, unit, OptionalDouble.empty(), OptionalDouble.empty(),
                Pacing.NOT_AVAILABLE, Optional.of(why));
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
