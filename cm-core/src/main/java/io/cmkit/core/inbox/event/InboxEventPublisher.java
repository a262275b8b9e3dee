package io.cmkit.core.inbox.event;

import java.util.function.Consumer;

/**
 * Where an inbox's events are subscribed to, one kind at a time or all at once:
 *
 * <pre>{@code
 * inbox.getEventPublisher()
 *         .onFeedFailed(e -> alert(e.feed() + ": " + e.error().getMessage()))
 *         .onDeliveryAbandoned(e -> page(e.delivery()));
 * }</pre>
 *
 * Consumers run on the polling thread, after the store recorded what they report, in the order
 * they were registered. An exception a consumer throws is logged and does not stop the poll.
 */
public interface InboxEventPublisher {

    InboxEventPublisher onEvent(Consumer<InboxEvent> consumer);

    InboxEventPublisher onFeedFailed(Consumer<FeedFailed> consumer);

    InboxEventPublisher onFeedRateLimited(Consumer<FeedRateLimited> consumer);

    InboxEventPublisher onHandlerFailed(Consumer<HandlerFailed> consumer);

    InboxEventPublisher onDeliveryAbandoned(Consumer<DeliveryAbandoned> consumer);

    InboxEventPublisher onPolled(Consumer<Polled> consumer);
}
