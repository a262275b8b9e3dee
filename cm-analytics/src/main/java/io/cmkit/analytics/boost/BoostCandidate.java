package io.cmkit.analytics.boost;

import java.util.Objects;

/**
 * A post worth boosting.
 *
 * @param performance how it is doing
 * @param baseline its account's engagement rate over the posts considered (Σ engagements / Σ audience)
 * @param lift its engagement rate over the baseline, e.g. 1.4 for 40 % above
 */
public record BoostCandidate(PostPerformance performance, double baseline, double lift) {

    public BoostCandidate {
        Objects.requireNonNull(performance, "performance");
    }
}
