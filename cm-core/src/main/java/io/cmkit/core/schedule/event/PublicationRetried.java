package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import java.time.Instant;

/**
 * A send failed in a way that may pass; it will be tried again.
 *
 * @param attempts failed attempts so far, this one included
 * @param nextAttemptAt when it will be tried again (backoff with jitter)
 * @param error what went wrong, with the platform's words where it gave some
 */
public record PublicationRetried(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                                 int attempts, Instant nextAttemptAt, String error) implements SchedulerEvent {
}
