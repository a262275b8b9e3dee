package io.cmkit.connectors.sandbox.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * How the audience's attention to one post spreads over time: a quick burst and a slower tail
 * (two decaying exponentials), modulated by the activity of each local hour and weekday in the
 * brand's time zone. {@link #cumulative(long)} integrates it from publication, so a counter that
 * reaches {@code total} over the post's life stands at {@code total * cumulative(t)} at time t;
 * posting in the evening yields more than posting at night, because the burst meets more people.
 *
 * <p>Piecewise exact: the activity is constant over each local hour, and the decay integrates in
 * closed form within it.
 */
final class ReactionCurve {

    private static final long HOUR_MS = 3_600_000L;
    private static final long MAX_HORIZON_MS = 60L * 24 * HOUR_MS;

    private final long startMs;
    private final long endMs;
    private final double fastWeight;
    private final double slowWeight;
    private final double fastMs;
    private final double slowMs;
    private final double activityMax;
    private final long[] segmentStart;
    private final double[] activity;
    private final double[] cumulativeAtStart;
    private final double total;

    ReactionCurve(long startMs, PlatformTraits traits, ZoneId zone) {
        this.startMs = startMs;
        this.fastWeight = traits.fastWeight();
        this.slowWeight = 1.0 - traits.fastWeight();
        this.fastMs = traits.fastHours() * HOUR_MS;
        this.slowMs = traits.slowHours() * HOUR_MS;
        this.endMs = startMs + Math.min(MAX_HORIZON_MS, (long) (12 * Math.max(fastMs, slowMs)));
        this.activityMax = traits.maxActivity();
        int capacity = (int) ((endMs - startMs) / HOUR_MS) + 3;
        long[] starts = new long[capacity];
        double[] act = new double[capacity];
        double[] cum = new double[capacity];
        int n = 0;
        long s = startMs;
        double acc = 0;
        while (s < endMs) {
            ZonedDateTime local = Instant.ofEpochMilli(s).atZone(zone);
            long next = Math.min(endMs, local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant().toEpochMilli());
            if (next <= s) {
                next = s + HOUR_MS;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                act = Arrays.copyOf(act, n * 2);
                cum = Arrays.copyOf(cum, n * 2);
            }
            starts[n] = s;
            act[n] = traits.activity(local.getHour(), local.getDayOfWeek());
            cum[n] = acc;
            acc += act[n] * decayIntegral(s - startMs, next - startMs);
            n++;
            s = next;
        }
        this.segmentStart = Arrays.copyOf(starts, n);
        this.activity = Arrays.copyOf(act, n);
        this.cumulativeAtStart = Arrays.copyOf(cum, n);
        this.total = acc;
    }

    /** The share of the post's lifetime attention spent by time t (about 1 at the end; more in the evening). */
    double cumulative(long tMs) {
        if (tMs <= startMs || segmentStart.length == 0) {
            return 0;
        }
        if (tMs >= endMs) {
            return total;
        }
        int i = segment(tMs);
        return cumulativeAtStart[i] + activity[i] * decayIntegral(segmentStart[i] - startMs, tMs - startMs);
    }

    /** From this time on, {@link #cumulative} stays at its total. */
    long endMs() {
        return endMs;
    }

    /** The attention per second at time t. */
    double density(long tMs) {
        if (tMs < startMs || tMs >= endMs || segmentStart.length == 0) {
            return 0;
        }
        return activity[segment(tMs)] * decay(tMs - startMs);
    }

    /** A bound of {@link #density} valid at every time from {@code fromMs} on. */
    double densityBound(long fromMs) {
        if (fromMs >= endMs) {
            return 0;
        }
        return activityMax * decay(Math.max(0, fromMs - startMs));
    }

    private int segment(long tMs) {
        int i = Arrays.binarySearch(segmentStart, tMs);
        return i >= 0 ? i : -i - 2;
    }

    /** Decay density per second at this age. */
    private double decay(long ageMs) {
        return 1000.0 * (fastWeight / fastMs * Math.exp(-ageMs / fastMs) + slowWeight / slowMs * Math.exp(-ageMs / slowMs));
    }

    private double decayIntegral(long fromAgeMs, long toAgeMs) {
        return fastWeight * (Math.exp(-fromAgeMs / fastMs) - Math.exp(-toAgeMs / fastMs))
                + slowWeight * (Math.exp(-fromAgeMs / slowMs) - Math.exp(-toAgeMs / slowMs));
    }
}
