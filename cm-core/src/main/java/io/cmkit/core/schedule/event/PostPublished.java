package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.spi.PublishedPost;
import java.time.Instant;

/**
 * A publication is on the platform.
 *
 * @param published what the platform returned
 * @param reconciled true when it was found already published ({@code findPublished}) after an
 *                   earlier attempt's outcome was unknown, rather than sent by this instance
 */
public record PostPublished(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                            PublishedPost published, boolean reconciled) implements SchedulerEvent {
}
