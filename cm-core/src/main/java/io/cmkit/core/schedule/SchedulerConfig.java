package io.cmkit.core.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a {@link Scheduler} claims, retries and waits. Immutable; build with {@link #custom()},
 * start from {@link #ofDefaults()}, or copy with {@link #from(SchedulerConfig)}.
 *
 * <p>The delay before retry {@code n} (1 for the first retry) is
 * {@code min(maxBackoff, initialBackoff * backoffMultiplier^(n-1))}, then spread by
 * {@code ± randomizationFactor} of itself so that instances do not retry in step.
 */
public final class SchedulerConfig {

    private final Duration leaseDuration;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double backoffMultiplier;
    private final Duration maxBackoff;
    private final double randomizationFactor;
    private final OptionalLong randomSeed;
    private final Duration pollInterval;
    private final Duration parentWait;
    private final int dispatchConcurrency;

    private SchedulerConfig(Builder b) {
        this.leaseDuration = b.leaseDuration;
        this.batchSize = b.batchSize;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.backoffMultiplier = b.backoffMultiplier;
        this.maxBackoff = b.maxBackoff;
        this.randomizationFactor = b.randomizationFactor;
        this.randomSeed = b.randomSeed;
        this.pollInterval = b.pollInterval;
        this.parentWait = b.parentWait;
        this.dispatchConcurrency = b.dispatchConcurrency;
    }

    /**
     * Leases of 5 minutes, batches of 50, 5 attempts, backoff 30 s doubling up to 1 h with ±50 % jitter, a poll every
     * 5 s, a reply waiting 1 s at a time for its parent, up to 8 publications of a batch sent at once.
     */
    public static SchedulerConfig ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from another configuration. */
    public static Builder from(SchedulerConfig other) {
        return new Builder(other);
    }

    /** How long a claim lasts before another instance may take the publication over; longer than any connector call. */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /** How many publications one {@link Scheduler#runOnce()} claims at most. */
    public int batchSize() {
        return batchSize;
    }

    /** How many send attempts a publication gets, the first included, before transient failures make it FAILED. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The jitter: each delay is spread uniformly over ± this fraction of itself; 0 for none. */
    public double randomizationFactor() {
        return randomizationFactor;
    }

    /** The seed of the jitter's random numbers, for reproducible tests; empty for an unseeded source. */
    public OptionalLong randomSeed() {
        return randomSeed;
    }

    /** How often a {@link Scheduler#start() started} scheduler looks for due work. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * How long a reply whose parent publication is still open (pending, publishing or waiting for a
     * check) waits before it is looked at again; the wait uses no attempt. A parent pending until a
     * later time is waited for until then.
     */
    public Duration parentWait() {
        return parentWait;
    }

    /**
     * How many publications of a claimed batch are sent at the same time; 1 sends them one after the
     * other on the thread that runs the batch. Publications of one thread (replies whose parent is in
     * the same batch) are always sent in order, one at a time; a rate limit on an account defers that
     * account's remaining publications of the batch until its reset. Platforms answer in 100 to 500 ms,
     * so this, not the database, bounds how many posts one instance publishes per second.
     */
    public int dispatchConcurrency() {
        return dispatchConcurrency;
    }

    /**
     * The delay before retry {@code retry} (1-based), before jitter.
     */
    public Duration baseBackoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based, got " + retry);
        }
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, retry - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    @Override
    public String toString() {
        return "SchedulerConfig[lease " + leaseDuration + ", batch " + batchSize + ", maxAttempts " + maxAttempts
                + ", backoff " + initialBackoff + " x" + backoffMultiplier + " up to " + maxBackoff + " ±"
                + randomizationFactor + ", poll " + pollInterval + ", parentWait " + parentWait + ", dispatchConcurrency " + dispatchConcurrency + "]";
    }

    /** Builds a {@link SchedulerConfig}; each setter checks its value. */
    public static final class Builder {
        private Duration leaseDuration = Duration.ofMinutes(5);
        private int batchSize = 50;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofSeconds(30);
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = Duration.ofHours(1);
        private double randomizationFactor = 0.5;
        private OptionalLong randomSeed = OptionalLong.empty();
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration parentWait = Duration.ofSeconds(1);
        private int dispatchConcurrency = 8;

        private Builder() {
        }

        private Builder(SchedulerConfig other) {
            this.leaseDuration = other.leaseDuration;
            this.batchSize = other.batchSize;
            this.maxAttempts = other.maxAttempts;
            this.initialBackoff = other.initialBackoff;
            this.backoffMultiplier = other.backoffMultiplier;
            this.maxBackoff = other.maxBackoff;
            this.randomizationFactor = other.randomizationFactor;
            this.randomSeed = other.randomSeed;
            this.pollInterval = other.pollInterval;
            this.parentWait = other.parentWait;
            this.dispatchConcurrency = other.dispatchConcurrency;
        }

        public Builder leaseDuration(Duration value) {
            this.leaseDuration = positive("leaseDuration", value);
            return this;
        }

        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("SchedulerConfig.batchSize must be at least 1, got " + value);
            }
            this.batchSize = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("SchedulerConfig.maxAttempts must be at least 1, got " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        public Builder initialBackoff(Duration value) {
            this.initialBackoff = positive("initialBackoff", value);
            return this;
        }

        public Builder backoffMultiplier(double value) {
            if (!(value >= 1.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("SchedulerConfig.backoffMultiplier must be at least 1, got " + value);
            }
            this.backoffMultiplier = value;
            return this;
        }

        public Builder maxBackoff(Duration value) {
            this.maxBackoff = positive("maxBackoff", value);
            return this;
        }

        public Builder randomizationFactor(double value) {
            if (!(value >= 0.0 && value < 1.0)) {
                throw new IllegalArgumentException("SchedulerConfig.randomizationFactor must be in [0, 1), got " + value);
            }
            this.randomizationFactor = value;
            return this;
        }

        public Builder randomSeed(long seed) {
            this.randomSeed = OptionalLong.of(seed);
            return this;
        }

        public Builder pollInterval(Duration value) {
            this.pollInterval = positive("pollInterval", value);
            return this;
        }

        public Builder parentWait(Duration value) {
            this.parentWait = positive("parentWait", value);
            return this;
        }

        /** At least 1; 1 sends a batch's publications one after the other. */
        public Builder dispatchConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("SchedulerConfig.dispatchConcurrency must be at least 1, got " + value);
            }
            this.dispatchConcurrency = value;
            return this;
        }

        public SchedulerConfig build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("SchedulerConfig.maxBackoff (" + maxBackoff
                        + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
            }
            return new SchedulerConfig(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, "SchedulerConfig." + name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("SchedulerConfig." + name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
