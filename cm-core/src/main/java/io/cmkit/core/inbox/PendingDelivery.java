package io.cmkit.core.inbox;

import io.cmkit.core.model.Interaction;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An interaction some handlers failed to take: kept in the {@link InboxStore} and given to them
 * again at the next polls, until they take it or the attempts run out ({@link #abandoned()}).
 *
 * @param deliveryKey the interaction's de-duplication key ({@link InboxStore#deliveryKey})
 * @param feed the feed it came from
 * @param interaction the interaction
 * @param handlers the names of the handlers that still owe it
 * @param attempts how many times they were given it
 * @param lastError the last failure, as a sentence
 * @param firstFailedAt when the first delivery failed
 * @param abandoned whether the attempts ran out: it stays in the store for a person, and is not retried
 */
public record PendingDelivery(String deliveryKey, FeedKey feed, Interaction interaction, Set<String> handlers,
                              int attempts, String lastError, Instant firstFailedAt, boolean abandoned) {

    public PendingDelivery {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(interaction, "interaction");
        handlers = Set.copyOf(handlers);
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("PendingDelivery.attempts must be at least 1, got " + attempts);
        }
    }
}
