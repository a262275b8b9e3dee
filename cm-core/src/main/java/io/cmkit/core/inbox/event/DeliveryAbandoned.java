package io.cmkit.core.inbox.event;

import io.cmkit.core.inbox.PendingDelivery;
import java.time.Instant;
import java.util.Objects;

/**
 * Handlers failed an interaction as many times as allowed: it is no longer retried, but kept in the
 * store ({@link io.cmkit.core.inbox.InboxStore#abandoned(int)}) for a person to look at.
 *
 * @param delivery the abandoned delivery, with the handlers that never took it and the last error
 * @param at when
 */
public record DeliveryAbandoned(PendingDelivery delivery, Instant at) implements InboxEvent {
    public DeliveryAbandoned {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(at, "at");
    }
}
