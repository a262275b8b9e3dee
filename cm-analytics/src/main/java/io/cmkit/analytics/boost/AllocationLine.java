package io.cmkit.analytics.boost;

import io.cmkit.core.model.Money;
import java.util.Objects;

/**
 * One post's share of the envelope.
 *
 * @param candidate the post
 * @param winProbability the fraction of Thompson draws it won: its chance of being the best post
 * @param amount what it gets; zero when under the floor
 */
public record AllocationLine(BoostCandidate candidate, double winProbability, Money amount) {

    public AllocationLine {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(amount, "amount");
    }
}
