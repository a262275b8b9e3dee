package io.cmkit.core.inbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one poll did with one feed.
 *
 * @param feed the feed
 * @param outcome how it went
 * @param pages pages read
 * @param fetched interactions read
 * @param fresh interactions never seen before, handed to the handlers
 * @param duplicates interactions already handed over (or twice in the read), skipped
 * @param handlerFailures deliveries of fresh interactions that a handler failed (kept for retry)
 * @param waitUntil for {@link Outcome#RATE_LIMITED} and {@link Outcome#WAITING}: the reset
 * @param error the failure, as the connector worded it (without secrets)
 */
public record FeedReport(FeedKey feed, Outcome outcome, int pages, int fetched, int fresh, int duplicates,
                         int handlerFailures, Optional<Instant> waitUntil, Optional<String> error) {

    /** How a feed's poll went. */
    public enum Outcome {
        /** Read up to its newest item (or {@link InboxOptions#maxPagesPerFeed()} pages). */
        POLLED,
        /** Not read: an earlier rate limit has not reset yet. */
        WAITING,
        /** The platform's rate limit was hit; the feed waits until {@link #waitUntil()}. */
        RATE_LIMITED,
        /** A failure that may pass; the cursor stayed where it was, the next poll tries again. */
        TRANSIENT_FAILURE,
        /** The account's credentials were refused; a person must renew them. */
        AUTHENTICATION_FAILED,
        /** The platform refused the read for good (a deleted post...). */
        REJECTED,
        /** Any other failure of the connector. */
        FAILED
    }

    public FeedReport {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(waitUntil, "waitUntil");
        Objects.requireNonNull(error, "error");
    }

    /** Whether the feed was read without a failure. */
    public boolean ok() {
        return outcome == Outcome.POLLED;
    }
}
