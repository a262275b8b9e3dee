package io.cmkit.core.model;

import java.util.List;

/**
 * A business objective of the strategy ("grow awareness in Lyon"), judged by its KPI targets.
 *
 * @param id short identifier, unique within the strategy, used by reports and posts
 * @param title what the objective is, in the client's words
 * @param targets the numbers it is judged by; at least one, since an objective without a number cannot be reported on
 */
public record Objective(String id, String title, List<KpiTarget> targets) {

    public Objective {
        id = Checks.notBlank("Objective", "id", id);
        title = Checks.notBlank("Objective", "title", title);
        targets = Checks.nonEmptyList("Objective", "targets", targets);
        Checks.unique("Objective", "targets", targets,
                t -> t.metric().id() + t.platform().map(p -> "@" + p.id()).orElse("") + " over " + t.period(),
                "target");
    }
}
