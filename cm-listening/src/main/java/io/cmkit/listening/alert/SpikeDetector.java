package io.cmkit.listening.alert;

import io.cmkit.listening.alert.internal.RobustStats;
import io.cmkit.listening.alert.internal.SeriesState;

import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts events into bucketed series and tells, on each update, whether the open bucket has just
 * become a spike against its baseline ({@link SpikeConfig} states the rule).
 *
 * <p>Buckets are fixed lengths of time aligned on the zone's standard offset, so a daylight-saving
 * change never merges or drops a bucket; the weekly slot of a bucket (day of week × time of day) is
 * read in the zone's local time, daylight saving included. A bucket alerts at most once, as soon as
 * its count crosses the threshold (not when it closes). Updates for a bucket older than the
 * series' open one are counted in {@link #lateUpdates()} and otherwise ignored. Buckets with no
 * update count as zero when a later update or {@link #advanceTo(Instant)} closes them.
 *
 * <p>Not thread-safe: one writer at a time (the {@code Listening} entry point synchronises).
 */
public final class SpikeDetector {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final Instant ALIGNMENT_REFERENCE = Instant.parse("2000-01-01T00:00:00Z");

    private final SpikeConfig config;
    private final long bucketMillis;
    private final long alignMillis;
    private final int bucketMinutes;
    private final int slots;
    private final int weeks;
    private final long cooldownBuckets;
    private final int perDay;
    private final int relativeErrorWindow;
    private final int rhoPeriod;
    private final ZoneRules rules;
    // A fixed-offset zone (UTC, +01:00) needs no look-up per bucket.
    private final boolean fixedOffset;
    private final long fixedOffsetMillis;
    private final Map<SeriesKey, Integer> index = new HashMap<>();
    private SeriesState[] states = new SeriesState[16];
    private int size;
    private final double[] scratch;
    private long lateUpdates;

    public SpikeDetector(SpikeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.bucketMillis = config.bucket().toMillis();
        this.rules = config.zone().getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetMillis = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
        // Aligned on one standard offset (the zone's in 2000), so bucket edges stay put all year and
        // never depend on when the detector was started.
        this.alignMillis = rules.getStandardOffset(ALIGNMENT_REFERENCE).getTotalSeconds() * 1000L;
        this.bucketMinutes = (int) (bucketMillis / 60_000);
        this.slots = config.bucketsPerWeek();
        this.weeks = config.historyWeeks();
        this.cooldownBuckets = Math.max(1, config.cooldownBuckets());
        this.perDay = config.bucketsPerDay();
        this.relativeErrorWindow = Math.max(24, Math.min(slots, 672));
        this.rhoPeriod = Math.max(1, Math.min(perDay, 96));
        this.scratch = new double[Math.max(weeks, relativeErrorWindow) + 8];
    }

    public SpikeConfig config() {
        return config;
    }

    /** The index of a series, registering it on first use. Indexes are dense, from 0, in order of first use. */
    public int series(SeriesKey key) {
        Integer known = index.get(Objects.requireNonNull(key, "key"));
        if (known != null) {
            return known;
        }
        if (size == states.length) {
            states = Arrays.copyOf(states, size * 2);
        }
        states[size] = new SeriesState(key, relativeErrorWindow);
        index.put(key, size);
        return size++;
    }

    /** The key of a registered series. */
    public SeriesKey key(int series) {
        return state(series).key;
    }

    /** How many series are registered. */
    public int seriesCount() {
        return size;
    }

    /** Updates for buckets older than their series' open bucket, ignored so far. */
    public long lateUpdates() {
        return lateUpdates;
    }

    /** The index of the bucket holding an instant. */
    public long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() + alignMillis, bucketMillis);
    }

    /** When a bucket begins. */
    public Instant bucketStart(long bucket) {
        return Instant.ofEpochMilli(bucket * bucketMillis - alignMillis);
    }

    /** Adds to a series by key (registering it on first use). */
    public Optional<Spike> add(SeriesKey key, Instant at, long amount) {
        return add(series(key), at.toEpochMilli(), amount);
    }

    /**
     * Adds {@code amount} events at {@code epochMilli} to a series.
     *
     * @return the spike when this update made the open bucket cross its threshold, else empty
     * @throws IllegalArgumentException when the amount is negative or the series unknown
     */
    public Optional<Spike> add(int series, long epochMilli, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount added to a series must not be negative, got " + amount);
        }
        SeriesState state = state(series);
        long bucket = Math.floorDiv(epochMilli + alignMillis, bucketMillis);
        if (bucket != state.bucket) {
            if (bucket < state.bucket) {
                lateUpdates++;
                return Optional.empty();
            }
            roll(state, bucket);
        }
        long count = state.count += amount;
        if (count < state.alarmLevel) {
            return Optional.empty();
        }
        state.alarmLevel = Long.MAX_VALUE;
        state.silentUntil = bucket + cooldownBuckets;
        return Optional.of(new Spike(state.key, bucketStart(bucket), count, state.median, state.scale, state.threshold,
                state.seasonal ? Spike.BaselineKind.SEASONAL : Spike.BaselineKind.TIME_OF_DAY));
    }

    /** Closes, in every series, the buckets that end at or before {@code now}, counting those without updates as zero. */
    public void advanceTo(Instant now) {
        long bucket = bucketOf(now);
        for (int i = 0; i < size; i++) {
            SeriesState state = states[i];
            if (state.bucket != SeriesState.NO_BUCKET && state.bucket < bucket) {
                roll(state, bucket);
            }
        }
    }

    /** The open bucket's count of a series, or empty before its first update. */
    public Optional<Long> openCount(int series) {
        SeriesState state = state(series);
        return state.bucket == SeriesState.NO_BUCKET ? Optional.empty() : Optional.of(state.count);
    }

    /** The open bucket's baseline median of a series, or empty while it has none. */
    public Optional<Double> openBaseline(int series) {
        SeriesState state = state(series);
        return state.hasBaseline ? Optional.of(state.median) : Optional.empty();
    }

    private SeriesState state(int series) {
        if (series < 0 || series >= size) {
            throw new IllegalArgumentException("no series with index " + series + " (" + size + " registered)");
        }
        return states[series];
    }

    private void roll(SeriesState state, long bucket) {
        if (state.bucket != SeriesState.NO_BUCKET) {
            close(state, state.bucket, state.count);
            long gap = bucket - state.bucket - 1;
            if (gap >= (long) slots * weeks) {
                fillWithZeros(state);
            } else {
                for (long empty = state.bucket + 1; empty < bucket; empty++) {
                    open(state, empty);
                    close(state, empty, 0);
                }
            }
        }
        state.bucket = bucket;
        state.count = 0;
        open(state, bucket);
    }

    private int slotOf(long bucket) {
        long start = bucket * bucketMillis - alignMillis;
        long offset = fixedOffset ? fixedOffsetMillis
                : rules.getOffset(Instant.ofEpochMilli(start)).getTotalSeconds() * 1000L;
        long local = start + offset;
        long day = Math.floorDiv(local, DAY_MILLIS);
        int mondayBased = (int) Math.floorMod(day + 3, 7);   // 1970-01-01 was a Thursday
        int minuteOfDay = (int) (Math.floorMod(local, DAY_MILLIS) / 60_000);
        return (mondayBased * 1440 + minuteOfDay) / bucketMinutes;
    }

    // Records a closed bucket: in its weekly slot, in the last week, and its relative error against
    // the baseline it was opened with.
    private void close(SeriesState state, long bucket, long count) {
        int value = (int) Math.min(Integer.MAX_VALUE, count);
        if (state.history == null) {
            state.history = new int[slots * weeks];
            state.historyFill = new byte[slots];
            state.historyNext = new byte[slots];
            state.lastWeek = new int[slots];
        }
        int slot = slotOf(bucket);
        int next = state.historyNext[slot];
        state.history[slot * weeks + next] = value;
        state.historyNext[slot] = (byte) ((next + 1) % weeks);
        if (state.historyFill[slot] < weeks) {
            state.historyFill[slot]++;
        }
        state.lastWeek[state.lastWeekNext] = value;
        state.lastWeekNext = (state.lastWeekNext + 1) % slots;
        if (state.lastWeekFill < slots) {
            state.lastWeekFill++;
        }
        if (state.hasBaseline && state.median >= 1) {
            double[] errors = state.relativeErrors;
            errors[state.relativeErrorNext] = Math.abs(value - state.median) / state.median;
            state.poissonErrors[state.relativeErrorNext] = Math.abs(value - state.median) / Math.sqrt(state.median);
            state.relativeErrorNext = (state.relativeErrorNext + 1) % errors.length;
            if (state.relativeErrorFill < errors.length) {
                state.relativeErrorFill++;
            }
            // Re-estimated once a day of buckets (and while the window fills), not at every bucket.
            if (++state.closedSinceRho >= rhoPeriod || state.relativeErrorFill < errors.length) {
                state.closedSinceRho = 0;
                System.arraycopy(errors, 0, scratch, 0, state.relativeErrorFill);
                state.rho = RobustStats.MAD_TO_SIGMA * RobustStats.median(scratch, state.relativeErrorFill);
                System.arraycopy(state.poissonErrors, 0, scratch, 0, state.relativeErrorFill);
                state.dispersion = Math.max(1, RobustStats.MAD_TO_SIGMA * RobustStats.median(scratch, state.relativeErrorFill));
            }
        }
    }

    private void fillWithZeros(SeriesState state) {
        Arrays.fill(state.history, 0);
        Arrays.fill(state.historyFill, (byte) weeks);
        Arrays.fill(state.lastWeek, 0);
        state.lastWeekFill = slots;
    }

    private void open(SeriesState state, long bucket) {
        int n = 0;
        boolean seasonal = false;
        if (state.history != null) {
            int slot = slotOf(bucket);
            int fill = state.historyFill[slot];
            if (fill >= config.minimumHistory()) {
                for (int i = 0; i < fill; i++) {
                    scratch[i] = state.history[slot * weeks + i];
                }
                n = fill;
                seasonal = true;
            } else {
                // The same time of day on each of the last days (at most seven) held in the last week.
                for (int day = 1; day <= 7 && (long) day * perDay <= state.lastWeekFill; day++) {
                    scratch[n++] = state.lastWeek[Math.floorMod(state.lastWeekNext - day * perDay, slots)];
                }
                if (n < config.minimumDays()) {
                    n = 0;
                }
            }
        }
        if (n == 0) {
            state.hasBaseline = false;
            state.alarmLevel = Long.MAX_VALUE;
            return;
        }
        double median = RobustStats.median(scratch, n);
        double mad = RobustStats.mad(scratch, n, median);
        double scale = Math.max(Math.max(RobustStats.MAD_TO_SIGMA * mad, state.dispersion * Math.sqrt(median)),
                Math.max(state.rho * median, config.minimumScale()));
        double threshold = median + config.thresholdScales() * scale;
        state.hasBaseline = true;
        state.seasonal = seasonal;
        state.median = median;
        state.scale = scale;
        state.threshold = threshold;
        long level = Math.max(config.minimumVolume(), (long) Math.floor(threshold) + 1);
        state.alarmLevel = bucket < state.silentUntil ? Long.MAX_VALUE : level;
    }
}
