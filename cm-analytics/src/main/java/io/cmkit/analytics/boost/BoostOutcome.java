package io.cmkit.analytics.boost;

import io.cmkit.core.model.Money;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.PostRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one line of an allocation when it was applied.
 *
 * @param post the post
 * @param amount the budget asked for
 * @param idempotencyKey the key the boost was asked under
 * @param status what happened
 * @param boost the platform's boost, when there is one
 * @param message why, for people: the platform's own words on failure
 */
public record BoostOutcome(PostRef post, Money amount, String idempotencyKey, Status status, Optional<Boost> boost,
                           String message) {

    /** What happened. */
    public enum Status {
        /** The platform accepted the boost. */
        APPLIED,
        /** A boost under the same key was already recorded: nothing was asked or paid again. */
        ALREADY_APPLIED,
        /** Not asked: it would exceed the envelope, or the platform cannot promote posts. */
        SKIPPED,
        /** The platform refused or failed; nothing is committed. */
        FAILED
    }

    public BoostOutcome {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(boost, "boost");
        Objects.requireNonNull(message, "message");
    }
}
