package io.cmkit.listening.alert;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How series are bucketed and when a bucket is a spike.
 *
 * <p>A bucket's count raises an alert as soon as it exceeds {@code median + thresholdScales × scale}
 * of its baseline and reaches {@code minimumVolume}, where {@code scale = max(1.4826 × MAD,
 * sqrt(median), ρ × median, minimumScale)} and ρ is the series' typical relative error (1.4826 ×
 * the median of {@code |count − median| / median} over its last week of buckets). The baseline is
 * the same slot of the week (day of week × time of day, in {@code zone}) over the last
 * {@code historyWeeks} weeks once {@code minimumHistory} of them are known; before that, the same
 * time of day over the last days once {@code minimumDays} of them are known; before that, nothing
 * alerts. After an alert a series stays silent for {@code cooldown}.
 *
 * @param bucket bucket length: at least one minute, whole minutes, dividing one day (1 h by default)
 * @param zone the time zone of the weekly slots; buckets are aligned on its standard offset
 * @param historyWeeks how many past weeks of the same slot make the seasonal baseline (1..52)
 * @param minimumHistory past weeks needed before the seasonal baseline is used (1..historyWeeks)
 * @param minimumDays past days needed before the time-of-day baseline is used (1..7)
 * @param thresholdScales how many scales above the median a spike must be (> 0)
 * @param minimumScale the smallest scale, so a flat history does not alert on one extra mention (> 0)
 * @param minimumVolume the smallest count that may alert (>= 1)
 * @param cooldown how long a series stays silent after an alert (>= 0, whole buckets, rounded up)
 */
public record SpikeConfig(Duration bucket, ZoneId zone, int historyWeeks, int minimumHistory, int minimumDays,
                          double thresholdScales, double minimumScale, long minimumVolume, Duration cooldown) {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public SpikeConfig {
        Objects.requireNonNull(bucket, "SpikeConfig.bucket");
        Objects.requireNonNull(zone, "SpikeConfig.zone");
        Objects.requireNonNull(cooldown, "SpikeConfig.cooldown");
        long millis = bucket.toMillis();
        if (millis < 60_000 || millis % 60_000 != 0 || DAY_MILLIS % millis != 0) {
            throw new IllegalArgumentException("SpikeConfig.bucket must be whole minutes, at least one, dividing one day"
                    + " (1, 5, 15, 30 min, 1 h, 2 h, 1 day...), got " + bucket);
        }
        if (historyWeeks < 1 || historyWeeks > 52) {
            throw new IllegalArgumentException("SpikeConfig.historyWeeks must lie in 1..52, got " + historyWeeks);
        }
        if (minimumHistory < 1 || minimumHistory > historyWeeks) {
            throw new IllegalArgumentException("SpikeConfig.minimumHistory must lie in 1..historyWeeks (" + historyWeeks
                    + "), got " + minimumHistory);
        }
        if (minimumDays < 1 || minimumDays > 7) {
            throw new IllegalArgumentException("SpikeConfig.minimumDays must lie in 1..7, got " + minimumDays);
        }
        if (!(thresholdScales > 0) || !Double.isFinite(thresholdScales)) {
            throw new IllegalArgumentException("SpikeConfig.thresholdScales must be a positive number, got " + thresholdScales);
        }
        if (!(minimumScale > 0) || !Double.isFinite(minimumScale)) {
            throw new IllegalArgumentException("SpikeConfig.minimumScale must be a positive number, got " + minimumScale);
        }
        if (minimumVolume < 1) {
            throw new IllegalArgumentException("SpikeConfig.minimumVolume must be at least 1, got " + minimumVolume);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("SpikeConfig.cooldown must not be negative, got " + cooldown);
        }
    }

    /**
     * One-hour buckets in UTC, four weeks of seasonal history (two needed), three days of
     * time-of-day history before that, 4 scales above the median, at least 10 mentions, 6 hours of cooldown.
     */
    public static SpikeConfig defaults() {
        return new SpikeConfig(Duration.ofHours(1), ZoneOffset.UTC, 4, 2, 3, 4.0, 1.0, 10, Duration.ofHours(6));
    }

    public SpikeConfig withBucket(Duration value) {
        return new SpikeConfig(value, zone, historyWeeks, minimumHistory, minimumDays, thresholdScales, minimumScale,
                minimumVolume, cooldown);
    }

    public SpikeConfig withZone(ZoneId value) {
        return new SpikeConfig(bucket, value, historyWeeks, minimumHistory, minimumDays, thresholdScales, minimumScale,
                minimumVolume, cooldown);
    }

    public SpikeConfig withHistory(int weeks, int minimumWeeks) {
        return new SpikeConfig(bucket, zone, weeks, minimumWeeks, minimumDays, thresholdScales, minimumScale,
                minimumVolume, cooldown);
    }

    public SpikeConfig withMinimumDays(int value) {
        return new SpikeConfig(bucket, zone, historyWeeks, minimumHistory, value, thresholdScales, minimumScale,
                minimumVolume, cooldown);
    }

    public SpikeConfig withThreshold(double scales, double minimum) {
        return new SpikeConfig(bucket, zone, historyWeeks, minimumHistory, minimumDays, scales, minimum,
                minimumVolume, cooldown);
    }

    public SpikeConfig withMinimumVolume(long value) {
        return new SpikeConfig(bucket, zone, historyWeeks, minimumHistory, minimumDays, thresholdScales, minimumScale,
                value, cooldown);
    }

    public SpikeConfig withCooldown(Duration value) {
        return new SpikeConfig(bucket, zone, historyWeeks, minimumHistory, minimumDays, thresholdScales, minimumScale,
                minimumVolume, value);
    }

    /** Buckets in one week: the number of seasonal slots. */
    public int bucketsPerWeek() {
        return (int) (Duration.ofDays(7).toMillis() / bucket.toMillis());
    }

    /** Buckets in one day. */
    public int bucketsPerDay() {
        return (int) (DAY_MILLIS / bucket.toMillis());
    }

    /** The cooldown in whole buckets, rounded up. */
    public long cooldownBuckets() {
        long millis = bucket.toMillis();
        return (cooldown.toMillis() + millis - 1) / millis;
    }
}
