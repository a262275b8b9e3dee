package io.cmkit.core.strategy;

import io.cmkit.core.model.InvalidModelException;

/**
 * One part of a {@link PlatformScore}: a fact about one audience and the platform, and the points
 * it adds to the score.
 *
 * <p>The contributions of a score's reasons add up to the score. A reason may contribute zero
 * points when the data says so (TikTok's reach in a country where it is banned is 0 %); data that
 * is missing is not a reason but one of {@link PlatformScore#leftOut()}.
 *
 * @param audience the name of the audience this reason is about
 * @param factor which factor of the method it belongs to
 * @param contribution points it adds to the score, from 0 to 100
 * @param explanation the fact in words a community manager can read, e.g.
 *                    {@code "age: 53% of the audience 'Young urban professionals' is 25-34,
 *                    where Instagram has 31% of its users (population: 19%)"}
 */
public record FitReason(String audience, Factor factor, double contribution, String explanation) {

    /** The factors of the platform fit method; see {@link FitWeights}. */
    public enum Factor {
        /** How the audience's ages match the platform's age distribution. */
        AGE,
        /** How much of the audience's countries the platform reaches. */
        COUNTRY,
        /** How well the platform suits the audience's interests. */
        INTEREST,
        /** How well the platform suits the audience's behaviours (video, shopping...). */
        BEHAVIOUR
    }

    public FitReason {
        if (audience == null || audience.isBlank()) {
            throw new InvalidModelException("FitReason", "audience", "must not be blank");
        }
        if (factor == null) {
            throw new InvalidModelException("FitReason", "factor", "is required");
        }
        if (!Double.isFinite(contribution) || contribution < 0 || contribution > 100 + PlatformScore.TOLERANCE) {
            throw new InvalidModelException("FitReason", "contribution",
                    "must be between 0 and 100 (got " + contribution + ")");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new InvalidModelException("FitReason", "explanation", "must not be blank");
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%+.1f %s", contribution, explanation);
    }
}
