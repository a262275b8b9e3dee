package io.cmkit.analytics.aggregate.internal;

import java.util.Arrays;

/**
 * The hot path of aggregation, over primitive arrays only.
 *
 * <p>Each row is one snapshot of one series. The kernel keeps, per series, the time and the value
 * of each counter at its last reading, and adds {@code value − previous} to the cell of (the
 * series' group, the period the row falls in, the metric). A series' first reading counts from
 * zero for a post (its counters start at zero when it is published) and is a baseline for an
 * account series (followers before the data starts are not new followers). Increments between
 * two readings go to the period of the later one, so a missing snapshot only moves an increment to
 * the next period with data and totals are unchanged. A repeated time is a duplicate: each counter
 * keeps the larger of the two values. Rows must come in time order within each series; {@link #run}
 * reports the first row that does not, and the caller re-runs over a {@link #sortedCopy}.
 *
 * <p>Cells: index {@code (group * (periods + 1) + p) * metrics + m}, with {@code p = 0} for
 * readings before the first period (they only set levels) and {@code p = k + 1} for period
 * {@code k}. Rows at or after the end of the last period are ignored.
 */
public final class AggregationKernel {

    private static final long NEVER = Long.MIN_VALUE;

    private final int groups;
    private final int periods;
    private final int metrics;
    private final int[] groupOfSeries;
    private final boolean[] postSeries;
    private final long[] boundaries;

    private long[] delta;
    private long[] baseline;
    private long[] snapshots;
    private long[] newPosts;
    private long[] exposedMask;
    private long[] lastTime;
    private long[] last;
    private long duplicates;

    /**
     * @param groups the number of groups
     * @param groupOfSeries per series, its group, or −1 to leave the series out
     * @param postSeries per series, whether it is a post's
     * @param boundaries the periods' starts in epoch milliseconds, then the end of the last; increasing
     * @param metrics the number of metric columns
     */
    public AggregationKernel(int groups, int[] groupOfSeries, boolean[] postSeries, long[] boundaries, int metrics) {
        this.groups = groups;
        this.periods = boundaries.length - 1;
        this.metrics = metrics;
        this.groupOfSeries = groupOfSeries;
        this.postSeries = postSeries;
        this.boundaries = boundaries;
        reset();
    }

    private void reset() {
        int cells = groups * (periods + 1);
        delta = new long[cells * metrics];
        baseline = new long[cells * metrics];
        snapshots = new long[cells];
        newPosts = new long[cells];
        exposedMask = new long[groupOfSeries.length];
        lastTime = new long[groupOfSeries.length];
        Arrays.fill(lastTime, NEVER);
        last = new long[groupOfSeries.length * metrics];
        Arrays.fill(last, -1L);
        duplicates = 0;
    }

    /**
     * Aggregates the rows in turn.
     *
     * @return −1 when done, or the first row whose time is before its series' previous reading;
     *         the results are then incomplete and the caller re-runs over a {@link #sortedCopy}
     */
    public int run(int[] seriesIndex, long[] takenAt, long[][] values, int size) {
        reset();
        final int stride = periods + 1;
        final long end = boundaries[periods];
        final long first = boundaries[0];
        long curStart = Long.MAX_VALUE;
        long curEnd = Long.MIN_VALUE;
        int curP = 0;
        for (int i = 0; i < size; i++) {
            final long t = takenAt[i];
            if (t >= end) {
                continue;
            }
            final int s = seriesIndex[i];
            final int g = groupOfSeries[s];
            if (g < 0) {
                continue;
            }
            final long previousTime = lastTime[s];
            if (t < previousTime) {
                return i;
            }
            if (t < curStart || t >= curEnd) {
                if (t < first) {
                    curP = 0;
                    curStart = Long.MIN_VALUE;
                    curEnd = first;
                } else {
                    int idx = Arrays.binarySearch(boundaries, t);
                    int period = idx >= 0 ? idx : -idx - 2;
                    curP = period + 1;
                    curStart = boundaries[period];
                    curEnd = boundaries[period + 1];
                }
            }
            final int cell = g * stride + curP;
            final int base = cell * metrics;
            final int seriesBase = s * metrics;
            if (t == previousTime) {
                duplicates++;
                for (int m = 0; m < metrics; m++) {
                    long v = values[m][i];
                    long prev = last[seriesBase + m];
                    if (v > prev) {
                        // The larger reading wins; a counter first seen in a duplicate is a first reading.
                        if (prev >= 0) {
                            delta[base + m] += v - prev;
                        } else {
                            firstReading(s, base + m, m, v);
                        }
                        last[seriesBase + m] = v;
                    }
                }
                continue;
            }
            lastTime[s] = t;
            snapshots[cell]++;
            if (previousTime == NEVER && postSeries[s]) {
                newPosts[cell]++;
            }
            for (int m = 0; m < metrics; m++) {
                long v = values[m][i];
                if (v >= 0) {
                    long prev = last[seriesBase + m];
                    if (prev >= 0) {
                        delta[base + m] += v - prev;
                    } else {
                        firstReading(s, base + m, m, v);
                    }
                    last[seriesBase + m] = v;
                }
            }
        }
        return -1;
    }

    private void firstReading(int series, int index, int metric, long value) {
        if (postSeries[series]) {
            delta[index] += value;
        } else {
            baseline[index] += value;
        }
        exposedMask[series] |= 1L << metric;
    }

    /**
     * A copy of the rows sorted by series then time, stable (duplicates keep their order): a
     * counting sort by series gives a permutation; the times are gathered through it and each
     * series' few rows are sorted by time where they are not already in order, which refines the
     * permutation; the value columns are then gathered once through it. Gathering (random reads,
     * sequential writes) measured about twice as fast as scattering the rows by series.
     */
    public static Sorted sortedCopy(int[] seriesIndex, long[] takenAt, long[][] values, int size, int seriesCount) {
        int[] start = new int[seriesCount + 1];
        for (int i = 0; i < size; i++) {
            start[seriesIndex[i] + 1]++;
        }
        for (int s = 0; s < seriesCount; s++) {
            start[s + 1] += start[s];
        }
        int[] next = Arrays.copyOf(start, seriesCount);
        int[] permutation = new int[size];
        for (int i = 0; i < size; i++) {
            permutation[next[seriesIndex[i]]++] = i;
        }
        int[] sortedSeries = new int[size];
        long[] sortedTimes = new long[size];
        for (int s = 0; s < seriesCount; s++) {
            Arrays.fill(sortedSeries, start[s], start[s + 1], s);
        }
        for (int k = 0; k < size; k++) {
            sortedTimes[k] = takenAt[permutation[k]];
        }
        for (int s = 0; s < seriesCount; s++) {
            sortSegment(start[s], start[s + 1], sortedTimes, permutation);
        }
        long[][] sortedValues = new long[values.length][];
        for (int m = 0; m < values.length; m++) {
            // Column by column: measured faster than all columns row by row.
            long[] column = values[m];
            long[] out = new long[size];
            for (int k = 0; k < size; k++) {
                out[k] = column[permutation[k]];
            }
            sortedValues[m] = out;
        }
        return new Sorted(sortedSeries, sortedTimes, sortedValues);
    }

    /**
     * Rows sorted by series then time.
     *
     * @param seriesIndex per row, its series
     * @param takenAt per row, its time
     * @param values per metric, per row
     */
    public record Sorted(int[] seriesIndex, long[] takenAt, long[][] values) {
    }

    private static void sortSegment(int from, int to, long[] times, int[] permutation) {
        boolean sorted = true;
        for (int k = from + 1; k < to && sorted; k++) {
            sorted = times[k - 1] <= times[k];
        }
        if (sorted) {
            return;
        }
        int length = to - from;
        int[] position = new int[length];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = from; k < to; k++) {
            min = Math.min(min, times[k]);
            max = Math.max(max, times[k]);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, length - 1));
        if (max - min >= 0 && (max - min) < (1L << (62 - indexBits))) {
            // One primitive sort of (time offset, position) packed in a long; equal times keep their order.
            long[] keys = new long[length];
            for (int k = 0; k < length; k++) {
                keys[k] = ((times[from + k] - min) << indexBits) | k;
            }
            Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            for (int k = 0; k < length; k++) {
                position[k] = (int) (keys[k] & mask);
            }
        } else {
            Integer[] boxed = new Integer[length];
            for (int k = 0; k < length; k++) {
                boxed[k] = k;
            }
            Arrays.sort(boxed, (a, b) -> {
                int byTime = Long.compare(times[from + a], times[from + b]);
                return byTime != 0 ? byTime : Integer.compare(a, b);
            });
            for (int k = 0; k < length; k++) {
                position[k] = boxed[k];
            }
        }
        long[] segmentTimes = Arrays.copyOfRange(times, from, to);
        int[] segmentRows = Arrays.copyOfRange(permutation, from, to);
        for (int k = 0; k < length; k++) {
            times[from + k] = segmentTimes[position[k]];
            permutation[from + k] = segmentRows[position[k]];
        }
    }

    /** Net changes per cell and metric. */
    public long[] delta() {
        return delta;
    }

    /** First readings of account series per cell and metric. */
    public long[] baseline() {
        return baseline;
    }

    /** Snapshots per cell, duplicates not counted. */
    public long[] snapshots() {
        return snapshots;
    }

    /** Post series whose first reading falls in the cell. */
    public long[] newPosts() {
        return newPosts;
    }

    /** Per series, a bit per metric it reported at least once. */
    public long[] exposedMask() {
        return exposedMask;
    }

    /** Per series, whether it had any reading before the end. */
    public boolean seen(int series) {
        return lastTime[series] != NEVER;
    }

    /** Rows whose time repeated their series' previous reading. */
    public long duplicates() {
        return duplicates;
    }
}
