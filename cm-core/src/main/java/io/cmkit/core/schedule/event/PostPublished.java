package io.cmkit.core.schedule.event;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A publication is on the platform.
 *
 * @param published what the platform returned
 * @param reconciled true when it was found already published ({@code findPublished}) after an
 *                   earlier attempt's outcome was unknown, rather than sent by this instance
 * @param inReplyTo the post it was sent as a reply to, if it was sent as a reply (empty when
 *                  reconciled: the earlier attempt's request is not known)
 */
public record PostPublished(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                            PublishedPost published, boolean reconciled, Optional<PostRef> inReplyTo)
        implements SchedulerEvent {

    public PostPublished {
        Objects.requireNonNull(inReplyTo, "inReplyTo");
    }

    /** A publication that was not sent as a reply. */
    public PostPublished(String instanceId, Instant at, PostKey post, Account account, String idempotencyKey,
                         PublishedPost published, boolean reconciled) {
        this(instanceId, at, post, account, idempotencyKey, published, reconciled, Optional.empty());
    }
}
