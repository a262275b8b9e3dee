package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import java.time.Instant;

/**
 * Something that happened to a publication in a {@link io.cmkit.core.schedule.Scheduler}. Each
 * event is published after the store recorded it, by the instance that did it.
 */
public sealed interface SchedulerEvent
        permits PostPublished, PublicationRetried, PublicationDeferred, PublicationFailed, PublicationNeedsCheck {

    /** The scheduler instance that published the event. */
    String instanceId();

    /** When it happened, by the scheduler's clock. */
    Instant at();

    /** The post. */
    PostKey post();

    /** The account the publication goes to. */
    Account account();

    /** The publication's idempotency key. */
    String idempotencyKey();
}
