package io.cmkit.core.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link Inbox}: immutable, built with {@link #custom()}, {@link #ofDefaults()} or
 * {@link #from(InboxOptions)}.
 */
public final class InboxOptions {

    private final Duration watchCommentsFor;
    private final int maxPagesPerFeed;
    private final int maxDeliveryAttempts;
    private final int retryBatch;
    private final Duration seenRetention;

    private InboxOptions(Builder b) {
        this.watchCommentsFor = b.watchCommentsFor;
        this.maxPagesPerFeed = b.maxPagesPerFeed;
        this.maxDeliveryAttempts = b.maxDeliveryAttempts;
        this.retryBatch = b.retryBatch;
        this.seenRetention = b.seenRetention;
        if (seenRetention.compareTo(watchCommentsFor) < 0) {
            throw new IllegalArgumentException("seenRetention (" + seenRetention + ") must be at least watchCommentsFor ("
                    + watchCommentsFor + "), or a comment could be forgotten while its post is still read");
        }
    }

    /** Comments read for 7 days after a post; 20 pages per feed and poll; 5 attempts per handler; 200 retries a poll; 30 days of de-duplication. */
    public static InboxOptions ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(InboxOptions o) {
        return custom().watchCommentsFor(o.watchCommentsFor).maxPagesPerFeed(o.maxPagesPerFeed)
                .maxDeliveryAttempts(o.maxDeliveryAttempts).retryBatch(o.retryBatch).seenRetention(o.seenRetention);
    }

    /** How long after its publication a post's comments are read. */
    public Duration watchCommentsFor() {
        return watchCommentsFor;
    }

    /** At most this many pages are read from one feed in one poll; the rest waits for the next poll. */
    public int maxPagesPerFeed() {
        return maxPagesPerFeed;
    }

    /** How many times a handler is given an interaction before it is abandoned (kept and reported). */
    public int maxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    /** How many failed deliveries are retried at the start of one poll. */
    public int retryBatch() {
        return retryBatch;
    }

    /**
     * How long an interaction's id is remembered for de-duplication; at least {@link #watchCommentsFor()}.
     * Older ids are forgotten at each poll, so the store does not grow without end.
     */
    public Duration seenRetention() {
        return seenRetention;
    }

    @Override
    public String toString() {
        return "InboxOptions[watchCommentsFor=" + watchCommentsFor + ", maxPagesPerFeed=" + maxPagesPerFeed
                + ", maxDeliveryAttempts=" + maxDeliveryAttempts + ", retryBatch=" + retryBatch
                + ", seenRetention=" + seenRetention + "]";
    }

    /** Builds {@link InboxOptions}. */
    public static final class Builder {
        private Duration watchCommentsFor = Duration.ofDays(7);
        private int maxPagesPerFeed = 20;
        private int maxDeliveryAttempts = 5;
        private int retryBatch = 200;
        private Duration seenRetention = Duration.ofDays(30);

        private Builder() {
        }

        public Builder watchCommentsFor(Duration value) {
            this.watchCommentsFor = positive("watchCommentsFor", value);
            return this;
        }

        public Builder maxPagesPerFeed(int value) {
            this.maxPagesPerFeed = atLeastOne("maxPagesPerFeed", value);
            return this;
        }

        public Builder maxDeliveryAttempts(int value) {
            this.maxDeliveryAttempts = atLeastOne("maxDeliveryAttempts", value);
            return this;
        }

        public Builder retryBatch(int value) {
            this.retryBatch = atLeastOne("retryBatch", value);
            return this;
        }

        public Builder seenRetention(Duration value) {
            this.seenRetention = positive("seenRetention", value);
            return this;
        }

        public InboxOptions build() {
            return new InboxOptions(this);
        }

        private static Duration positive(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, got " + value);
            }
            return value;
        }

        private static int atLeastOne(String field, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(field + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
