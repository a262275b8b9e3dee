package io.cmkit.core.schedule.internal;

import io.cmkit.core.schedule.event.EventConsumer;
import io.cmkit.core.schedule.event.PostPublished;
import io.cmkit.core.schedule.event.PublicationDeferred;
import io.cmkit.core.schedule.event.PublicationFailed;
import io.cmkit.core.schedule.event.PublicationNeedsCheck;
import io.cmkit.core.schedule.event.PublicationRetried;
import io.cmkit.core.schedule.event.SchedulerEvent;
import io.cmkit.core.schedule.event.SchedulerEventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the consumers of one scheduler's events and hands each event to those of its kind. */
final class SchedulerEvents implements SchedulerEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerEvents.class);

    private record Subscription<T extends SchedulerEvent>(Class<T> type, EventConsumer<T> consumer) {
        void offer(SchedulerEvent event) {
            if (type.isInstance(event)) {
                consumer.consumeEvent(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    private <T extends SchedulerEvent> SchedulerEventPublisher add(Class<T> type, EventConsumer<T> consumer) {
        subscriptions.add(new Subscription<>(type, Objects.requireNonNull(consumer, "consumer")));
        return this;
    }

    @Override
    public SchedulerEventPublisher onEvent(EventConsumer<SchedulerEvent> consumer) {
        return add(SchedulerEvent.class, consumer);
    }

    @Override
    public SchedulerEventPublisher onPublished(EventConsumer<PostPublished> consumer) {
        return add(PostPublished.class, consumer);
    }

    @Override
    public SchedulerEventPublisher onRetry(EventConsumer<PublicationRetried> consumer) {
        return add(PublicationRetried.class, consumer);
    }

    @Override
    public SchedulerEventPublisher onDeferred(EventConsumer<PublicationDeferred> consumer) {
        return add(PublicationDeferred.class, consumer);
    }

    @Override
    public SchedulerEventPublisher onFailed(EventConsumer<PublicationFailed> consumer) {
        return add(PublicationFailed.class, consumer);
    }

    @Override
    public SchedulerEventPublisher onNeedsCheck(EventConsumer<PublicationNeedsCheck> consumer) {
        return add(PublicationNeedsCheck.class, consumer);
    }

    void publish(SchedulerEvent event) {
        for (Subscription<?> s : subscriptions) {
            try {
                s.offer(event);
            } catch (RuntimeException e) {
                LOG.warn("a scheduler event consumer failed on {}", event, e);
            }
        }
    }
}
