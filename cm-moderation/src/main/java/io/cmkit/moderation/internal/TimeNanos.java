package io.cmkit.moderation.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as {@code long} nanoseconds, for windows compared on every comment.
 * Epoch nanoseconds cover the years 1677 to 2262; instants and durations beyond saturate to
 * {@link Long#MIN_VALUE} or {@link Long#MAX_VALUE} instead of overflowing.
 */
final class TimeNanos {

    private static final long NANOS = 1_000_000_000L;
    /** Whole seconds that still fit in a long of nanoseconds with any nano adjustment. */
    private static final long SAFE_SECONDS = Long.MAX_VALUE / NANOS - 1;

    private TimeNanos() {
    }

    /** Epoch nanoseconds of {@code at}, saturated. */
    static long of(Instant at) {
        return of(at.getEpochSecond(), at.getNano());
    }

    /** Nanoseconds of {@code d}, saturated. */
    static long of(Duration d) {
        return of(d.getSeconds(), d.getNano());
    }

    private static long of(long seconds, int nanos) {
        if (seconds > SAFE_SECONDS) {
            return Long.MAX_VALUE;
        }
        if (seconds < -SAFE_SECONDS) {
            return Long.MIN_VALUE;
        }
        return seconds * NANOS + nanos;
    }

    /** {@code a - b} for {@code b >= 0}, saturated at {@link Long#MIN_VALUE}. */
    static long minus(long a, long b) {
        long r = a - b;
        return r > a ? Long.MIN_VALUE : r;
    }
}
