package io.cmkit.core.inbox;

import io.cmkit.core.model.Interaction;

/**
 * Takes the interactions the {@link Inbox} collects: moderation, listening, the host's own code.
 *
 * <p><b>Delivery.</b> At least once: each new interaction reaches each handler once, in the order
 * the feed gives them. A handler that throws does not stop the others; the interaction is given
 * to it again on the next polls, up to {@link InboxOptions#maxDeliveryAttempts()} times, then kept
 * as abandoned and reported ({@link io.cmkit.core.inbox.event.DeliveryAbandoned}). A crash between
 * a handler's return and the store's record of the page may give a handler an interaction again
 * after the restart, so a handler should be idempotent (by {@link Interaction#key()}).
 *
 * <p>Handlers run on the thread that calls {@link Inbox#poll()}, one at a time.
 */
public interface InteractionHandler {

    /**
     * A stable name, unique among the inbox's handlers: the store remembers by this name which
     * handler still owes a delivery, across restarts.
     */
    String name();

    /**
     * Handles one interaction.
     *
     * @param interaction what arrived
     * @param delivery the connector of the interaction's account, the feed it came from, the attempt
     * @throws Exception anything: the interaction is given to this handler again later
     */
    void handle(Interaction interaction, Delivery delivery) throws Exception;
}
