package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import java.time.Instant;

/**
 * A publication failed for good: the platform rejected it (its reason), refused the credentials,
 * or transient failures used up the attempts.
 *
 * @param reason why, with the platform's own words where it gave some
 * @param attempts failed attempts counted against the retry budget
 */
public record PublicationFailed(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                                String reason, int attempts) implements SchedulerEvent {
}
