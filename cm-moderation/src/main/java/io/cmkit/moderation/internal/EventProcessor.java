package io.cmkit.moderation.internal;

import io.cmkit.moderation.event.ModerationEvent;
import io.cmkit.moderation.event.ModerationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Dispatches events to the consumers registered for their type; a failing consumer is logged and skipped. */
public final class EventProcessor implements ModerationEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

    private record Registration<E extends ModerationEvent>(Class<E> type, Consumer<? super E> consumer) {
        void offer(ModerationEvent e) {
            if (type.isInstance(e)) {
                consumer.accept(type.cast(e));
            }
        }
    }

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    private <E extends ModerationEvent> ModerationEventPublisher on(Class<E> type, Consumer<? super E> consumer) {
        registrations.add(new Registration<>(type, java.util.Objects.requireNonNull(consumer, "consumer")));
        return this;
    }

    /** Sends {@code event} to its consumers. */
    public void publish(ModerationEvent event) {
        for (Registration<?> r : registrations) {
            try {
                r.offer(event);
            } catch (RuntimeException e) {
                LOG.warn("a moderation event consumer failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public ModerationEventPublisher onDecision(Consumer<ModerationEvent.DecisionMade> consumer) {
        return on(ModerationEvent.DecisionMade.class, consumer);
    }

    @Override
    public ModerationEventPublisher onHidden(Consumer<ModerationEvent.Hidden> consumer) {
        return on(ModerationEvent.Hidden.class, consumer);
    }

    @Override
    public ModerationEventPublisher onDeleted(Consumer<ModerationEvent.Deleted> consumer) {
        return on(ModerationEvent.Deleted.class, consumer);
    }

    @Override
    public ModerationEventPublisher onReplied(Consumer<ModerationEvent.Replied> consumer) {
        return on(ModerationEvent.Replied.class, consumer);
    }

    @Override
    public ModerationEventPublisher onBlocked(Consumer<ModerationEvent.Blocked> consumer) {
        return on(ModerationEvent.Blocked.class, consumer);
    }

    @Override
    public ModerationEventPublisher onFlagged(Consumer<ModerationEvent.Flagged> consumer) {
        return on(ModerationEvent.Flagged.class, consumer);
    }

    @Override
    public ModerationEventPublisher onEscalated(Consumer<ModerationEvent.Escalated> consumer) {
        return on(ModerationEvent.Escalated.class, consumer);
    }

    @Override
    public ModerationEventPublisher onDegraded(Consumer<ModerationEvent.Degraded> consumer) {
        return on(ModerationEvent.Degraded.class, consumer);
    }

    @Override
    public ModerationEventPublisher onActionFailed(Consumer<ModerationEvent.ActionFailed> consumer) {
        return on(ModerationEvent.ActionFailed.class, consumer);
    }

    @Override
    public ModerationEventPublisher onEvent(Consumer<ModerationEvent> consumer) {
        return on(ModerationEvent.class, consumer);
    }
}
