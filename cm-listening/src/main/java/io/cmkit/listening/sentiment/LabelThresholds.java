package io.cmkit.listening.sentiment;

/**
 * Where the score is cut into labels: below {@code negativeBelow} is negative, above
 * {@code positiveAbove} is positive, anything in between (bounds included) is neutral. VADER's
 * own cut is {@code (-0.05, 0.05)}.
 *
 * @param negativeBelow a score strictly below this is negative
 * @param positiveAbove a score strictly above this is positive
 */
public record LabelThresholds(double negativeBelow, double positiveAbove) {

    /** VADER's published cut, ±0.05 (VADER counts a score of exactly ±0.05 as polar; here it is neutral). */
    public static final LabelThresholds VADER = new LabelThresholds(-0.05, 0.05);

    public LabelThresholds {
        if (!(negativeBelow >= -1 && negativeBelow <= 1) || !(positiveAbove >= -1 && positiveAbove <= 1)) {
            throw new IllegalArgumentException("LabelThresholds: negativeBelow and positiveAbove must lie in [-1, 1], got "
                    + negativeBelow + " and " + positiveAbove);
        }
        if (negativeBelow > positiveAbove) {
            throw new IllegalArgumentException("LabelThresholds: negativeBelow (" + negativeBelow
                    + ") must not be above positiveAbove (" + positiveAbove + ")");
        }
    }

    /** The label of a score. */
    public SentimentLabel label(double score) {
        if (score < negativeBelow) {
            return SentimentLabel.NEGATIVE;
        }
        if (score > positiveAbove) {
            return SentimentLabel.POSITIVE;
        }
        return SentimentLabel.NEUTRAL;
    }
}
