package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import java.time.Instant;

/**
 * A publication may or may not be on the platform, and the platform cannot tell (idempotency
 * {@code NONE}): rather than risk a double post it waits for a person
 * ({@link io.cmkit.core.schedule.PostWorkflow#resolvePublished},
 * {@link io.cmkit.core.schedule.PostWorkflow#resolveNotPublished}).
 *
 * @param reason why the outcome is unknown
 */
public record PublicationNeedsCheck(String instanceId, Instant at, PostKey post, Account account,
                                    String idempotencyKey, String reason) implements SchedulerEvent {
}
