package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import java.time.Instant;

/**
 * The platform's rate limit is spent: the publication waits until the limit resets. This uses no
 * attempt.
 *
 * @param until the rate limit's reset time, when it will be tried again
 * @param reason what the platform said
 */
public record PublicationDeferred(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                                  Instant until, String reason) implements SchedulerEvent {
}
