package io.cmkit.analytics.objective;

import io.cmkit.core.model.Objective;
import java.util.List;
import java.util.Objects;

/**
 * An objective's targets, today: part of the summary API reports consume.
 *
 * @param objective the objective
 * @param targets each target's progress, in the objective's order
 * @param pacing the worst pacing among the targets (MISSED, BEHIND, UNKNOWN, ON_TRACK, AHEAD, MET, NOT_STARTED): an objective still running is not MET
 */
public record ObjectiveProgress(Objective objective, List<TargetProgress> targets, Pacing pacing) {

    public ObjectiveProgress {
        Objects.requireNonNull(objective, "objective");
        targets = List.copyOf(targets);
        Objects.requireNonNull(pacing, "pacing");
    }
}
