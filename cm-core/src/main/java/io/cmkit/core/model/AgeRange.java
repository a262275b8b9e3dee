package io.cmkit.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A band of ages, both ends inclusive, as platforms report audiences: {@code 18-24}, {@code 65+}.
 *
 * @param min youngest age in the band, at least 13 (the minimum age of every well-known platform)
 * @param max oldest age in the band; {@link #OPEN_ENDED} for "and over"
 */
public record AgeRange(int min, int max) {

    /** The {@code max} of a band written {@code 65+}. */
    public static final int OPEN_ENDED = 120;

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,3})\\s*(?:(\\+)|[-–]\\s*(\\d{1,3}))\\s*");

    public AgeRange {
        if (min < 13) {
            throw new InvalidModelException("AgeRange", "min", "must be at least 13 (got " + min + ")");
        }
        if (min > OPEN_ENDED) {
            throw new InvalidModelException("AgeRange", "min", "must be at most " + OPEN_ENDED + " (got " + min + ")");
        }
        if (max < min) {
            throw new InvalidModelException("AgeRange", "max",
                    "must not be below min " + min + " (got " + max + ")");
        }
        if (max > OPEN_ENDED) {
            throw new InvalidModelException("AgeRange", "max", "must be at most " + OPEN_ENDED + " (got " + max + ")");
        }
    }

    /** Reads {@code "25-34"} or {@code "65+"}. */
    public static AgeRange parse(String text) {
        Checks.notBlank("AgeRange", "text", text);
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new InvalidModelException("AgeRange", "text",
                    "must look like '25-34' or '65+', got '" + text + "'");
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) != null ? OPEN_ENDED : Integer.parseInt(m.group(3));
        return new AgeRange(min, max);
    }

    /** How many years of this band also lie in the other one. */
    public int overlapYears(AgeRange other) {
        return Math.max(0, Math.min(max, other.max) - Math.max(min, other.min) + 1);
    }

    /** The width of the band in years. */
    public int years() {
        return max - min + 1;
    }

    @Override
    public String toString() {
        return max == OPEN_ENDED ? min + "+" : min + "-" + max;
    }
}
