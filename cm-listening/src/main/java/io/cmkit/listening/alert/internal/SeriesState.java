package io.cmkit.listening.alert.internal;

import io.cmkit.listening.alert.SeriesKey;

/**
 * The mutable state of one series in the detector: the open bucket and its count, the level at which
 * it alerts, and the history the baselines come from (one ring of past weeks per slot of the week,
 * one ring of the last week of buckets, the recent relative errors). Written by one thread at a time.
 */
public final class SeriesState {

    /** No bucket opened yet. */
    public static final long NO_BUCKET = Long.MIN_VALUE;

    public final SeriesKey key;
    public long bucket = NO_BUCKET;
    public long count;
    /** The count at which the open bucket alerts; {@code Long.MAX_VALUE} when it cannot (no baseline, cooldown, already alerted). */
    public long alarmLevel = Long.MAX_VALUE;
    /** The first bucket allowed to alert again. */
    public long silentUntil = NO_BUCKET;
    public double median;
    public double scale;
    public double threshold;
    public boolean seasonal;
    public boolean hasBaseline;

    /** {@code slots × weeks} past counts, ring per slot; allocated when the first bucket closes. */
    public int[] history;
    public byte[] historyFill;
    public byte[] historyNext;
    /** The last week of closed buckets, oldest overwritten first; allocated with {@link #history}. */
    public int[] lastWeek;
    public int lastWeekFill;
    public int lastWeekNext;
    /** {@code |count − median| / median} of recently closed buckets that had a baseline. */
    public final double[] relativeErrors;
    public int relativeErrorFill;
    public int relativeErrorNext;
    public int closedSinceRho;
    /** The typical relative error: 1.4826 × the median of {@link #relativeErrors}; 0 until known. */
    public double rho;
    /** {@code |count − median| / sqrt(median)} of the same buckets: errors in Poisson standard deviations. */
    public final double[] poissonErrors;
    /** The typical error in Poisson standard deviations: 1.4826 × the median of {@link #poissonErrors}, at least 1. */
    public double dispersion = 1;

    public SeriesState(SeriesKey key, int errorWindow) {
        this.key = key;
        this.relativeErrors = new double[errorWindow];
        this.poissonErrors = new double[errorWindow];
    }
}
