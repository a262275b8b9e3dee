package io.cmkit.listening.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * A bucket whose count crossed its threshold: the raw detection, before evidence is attached.
 *
 * @param series the series
 * @param bucketStart when the bucket began
 * @param observed the bucket's count when the threshold was crossed
 * @param baseline the baseline median for this bucket
 * @param scale the robust scale: {@code max(1.4826 × MAD, sqrt(median), ρ × median, minimumScale)}
 * @param threshold {@code baseline + thresholdScales × scale}; the count was above it
 * @param baselineKind whether the baseline came from the same weekly slot or the same time of day
 */
public record Spike(SeriesKey series, Instant bucketStart, long observed, double baseline, double scale, double threshold,
                    BaselineKind baselineKind) {

    /** Where a baseline came from. */
    public enum BaselineKind {
        /** The same slot of the week (day of week × time of day) over past weeks. */
        SEASONAL,
        /** The same time of day over the last days, while there are not yet enough past weeks. */
        TIME_OF_DAY
    }

    public Spike {
        Objects.requireNonNull(series, "Spike.series");
        Objects.requireNonNull(bucketStart, "Spike.bucketStart");
        Objects.requireNonNull(baselineKind, "Spike.baselineKind");
    }

    /** The count against the baseline: {@code observed / max(baseline, 1)}. */
    public double ratio() {
        return observed / Math.max(baseline, 1);
    }

    /** How many scales above the baseline the count is: {@code (observed - baseline) / scale}. */
    public double scales() {
        return (observed - baseline) / scale;
    }
}
