package io.cmkit.core.strategy;

import io.cmkit.core.model.InvalidModelException;

/**
 * How much each factor weighs in an audience's fit with a platform. Only the ratios matter:
 * {@code (3, 2, 3, 2)} and {@code (0.3, 0.2, 0.3, 0.2)} score alike. A factor with no data for an
 * audience is left out and the others share its weight; a weight of 0 switches a factor off.
 *
 * @param age weight of {@link FitReason.Factor#AGE}
 * @param country weight of {@link FitReason.Factor#COUNTRY}
 * @param interest weight of {@link FitReason.Factor#INTEREST}
 * @param behaviour weight of {@link FitReason.Factor#BEHAVIOUR}
 */
public record FitWeights(double age, double country, double interest, double behaviour) {

    private static final FitWeights DEFAULTS = new FitWeights(0.3, 0.2, 0.3, 0.2);

    public FitWeights {
        check("age", age);
        check("country", country);
        check("interest", interest);
        check("behaviour", behaviour);
        if (age + country + interest + behaviour <= 0) {
            throw new InvalidModelException("FitWeights", "age", "at least one weight must be above 0");
        }
    }

    /**
     * The defaults: age 0.3, country 0.2, interest 0.3, behaviour 0.2. Who the audience is and
     * what it cares about weigh most; country reach and habits refine.
     */
    public static FitWeights defaults() {
        return DEFAULTS;
    }

    /** The weight of one factor. */
    public double of(FitReason.Factor factor) {
        return switch (factor) {
            case AGE -> age;
            case COUNTRY -> country;
            case INTEREST -> interest;
            case BEHAVIOUR -> behaviour;
        };
    }

    private static void check(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidModelException("FitWeights", field, "must be a finite number, 0 or more (got " + value + ")");
        }
    }
}
