package io.cmkit.core.inbox.internal;

import io.cmkit.core.inbox.event.DeliveryAbandoned;
import io.cmkit.core.inbox.event.FeedFailed;
import io.cmkit.core.inbox.event.FeedRateLimited;
import io.cmkit.core.inbox.event.HandlerFailed;
import io.cmkit.core.inbox.event.InboxEvent;
import io.cmkit.core.inbox.event.InboxEventPublisher;
import io.cmkit.core.inbox.event.Polled;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the consumers of one inbox's events and hands each event to those of its kind. */
final class InboxEvents implements InboxEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(InboxEvents.class);

    private record Subscription<T extends InboxEvent>(Class<T> type, Consumer<T> consumer) {
        void offer(InboxEvent event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    private <T extends InboxEvent> InboxEventPublisher add(Class<T> type, Consumer<T> consumer) {
        subscriptions.add(new Subscription<>(type, Objects.requireNonNull(consumer, "consumer")));
        return this;
    }

    @Override
    public InboxEventPublisher onEvent(Consumer<InboxEvent> consumer) {
        return add(InboxEvent.class, consumer);
    }

    @Override
    public InboxEventPublisher onFeedFailed(Consumer<FeedFailed> consumer) {
        return add(FeedFailed.class, consumer);
    }

    @Override
    public InboxEventPublisher onFeedRateLimited(Consumer<FeedRateLimited> consumer) {
        return add(FeedRateLimited.class, consumer);
    }

    @Override
    public InboxEventPublisher onHandlerFailed(Consumer<HandlerFailed> consumer) {
        return add(HandlerFailed.class, consumer);
    }

    @Override
    public InboxEventPublisher onDeliveryAbandoned(Consumer<DeliveryAbandoned> consumer) {
        return add(DeliveryAbandoned.class, consumer);
    }

    @Override
    public InboxEventPublisher onPolled(Consumer<Polled> consumer) {
        return add(Polled.class, consumer);
    }

    void publish(InboxEvent event) {
        for (Subscription<?> s : subscriptions) {
            try {
                s.offer(event);
            } catch (RuntimeException e) {
                LOG.warn("an inbox event consumer failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
