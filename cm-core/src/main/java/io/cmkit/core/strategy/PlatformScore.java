package io.cmkit.core.strategy;

import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;

import java.util.List;

/**
 * How well one platform fits a strategy's audiences, and why.
 *
 * <p>The score is exactly the sum of its reasons' contributions (within floating-point
 * rounding); this is checked when the value is built. What could not be taken into account
 * (an interest the reference does not know, a country it has no figure for) is listed in
 * {@link #leftOut()}: it neither raised nor lowered the score.
 *
 * @param platform the platform scored
 * @param score from 0 (no fit) to 100 (perfect fit on every factor)
 * @param reasons what the score is made of, the largest contribution first; not empty
 * @param leftOut what was left out for lack of data, in words; may be empty
 */
public record PlatformScore(Platform platform, double score, List<FitReason> reasons, List<String> leftOut) {

    /** How far the score may stray from the sum of contributions, for floating-point rounding. */
    static final double TOLERANCE = 1e-6;

    public PlatformScore {
        if (platform == null) {
            throw new InvalidModelException("PlatformScore", "platform", "is required");
        }
        if (!Double.isFinite(score) || score < -TOLERANCE || score > 100 + TOLERANCE) {
            throw new InvalidModelException("PlatformScore", "score", "must be between 0 and 100 (got " + score + ")");
        }
        if (reasons == null || reasons.isEmpty()) {
            throw new InvalidModelException("PlatformScore", "reasons", "must not be empty: every score has reasons");
        }
        reasons = List.copyOf(reasons);
        if (leftOut == null) {
            throw new InvalidModelException("PlatformScore", "leftOut", "is required (empty when nothing was left out)");
        }
        leftOut = List.copyOf(leftOut);
        double sum = reasons.stream().mapToDouble(FitReason::contribution).sum();
        if (Math.abs(sum - score) > TOLERANCE) {
            throw new InvalidModelException("PlatformScore", "reasons",
                    "contributions add up to " + sum + ", not to the score " + score);
        }
    }

    /** The points one factor brings, summed over audiences. */
    public double contributionOf(FitReason.Factor factor) {
        return reasons.stream().filter(r -> r.factor() == factor).mapToDouble(FitReason::contribution).sum();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.1f", platform, score);
    }
}
