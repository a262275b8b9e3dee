package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A publication waits, without using an attempt: the platform's rate limit is spent, or it is a
 * reply whose parent publication is not published yet.
 *
 * @param until when it will be tried again
 * @param reason what the platform said, or which parent it waits for and where that one stands
 * @param cause why it waits
 */
public record PublicationDeferred(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                                  Instant until, String reason, Cause cause) implements SchedulerEvent {

    /** Why a publication waits. */
    public enum Cause {
        /** The platform's rate limit is spent; it waits for the reset. */
        RATE_LIMITED,
        /** It replies to a publication that is still pending, publishing or waiting for a check. */
        WAITING_FOR_PARENT
    }

    public PublicationDeferred {
        Objects.requireNonNull(cause, "cause");
    }

    /** A deferral for a spent rate limit. */
    public PublicationDeferred(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                               Instant until, String reason) {
        this(instanceId, at, post, account, idempotencyKey, until, reason, Cause.RATE_LIMITED);
    }
}
