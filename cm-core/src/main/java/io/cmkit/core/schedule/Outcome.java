package io.cmkit.core.schedule;

import io.cmkit.core.spi.PublishedPost;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a leased publication ended, as the scheduler reports it to
 * {@link ScheduleStore#complete(String, String, Outcome, Instant)}. {@link Publication#apply} gives
 * the exact record a store must keep for each.
 */
public sealed interface Outcome permits Outcome.Published, Outcome.Requeued, Outcome.Failed, Outcome.NeedsCheck {

    /** The platform has it (sent now, or found by reconciliation): status PUBLISHED. */
    record Published(PublishedPost post) implements Outcome {
        public Published {
            Objects.requireNonNull(post, "post");
        }
    }

    /**
     * Try again at {@code dueAt}: status PENDING with these attempts. A retry after a transient
     * failure counts one more attempt; a rate limit keeps the count and waits for the reset.
     */
    record Requeued(Instant dueAt, int attempts, Optional<String> reason) implements Outcome {
        public Requeued {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(reason, "reason");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
        }
    }

    /**
     * Failed for good: status FAILED with the reason (the platform's own words where it gave some).
     *
     * @param attempts the failed attempts to record when retries ran out; empty keeps the count
     */
    record Failed(String reason, OptionalInt attempts) implements Outcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(attempts, "attempts");
            if (attempts.isPresent() && attempts.getAsInt() < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
        }

        /** Failed for good, the attempt count unchanged. */
        public Failed(String reason) {
            this(reason, OptionalInt.empty());
        }
    }

    /** Its outcome is unknown and cannot be found out: status NEEDS_CHECK, for a person. */
    record NeedsCheck(String reason) implements Outcome {
        public NeedsCheck {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
