package io.cmkit.moderation.event;

import java.util.function.Consumer;

/** Registers consumers for a moderator's events. Consumers run on the moderating thread; keep them quick. */
public interface ModerationEventPublisher {

    ModerationEventPublisher onDecision(Consumer<ModerationEvent.DecisionMade> consumer);

    ModerationEventPublisher onHidden(Consumer<ModerationEvent.Hidden> consumer);

    ModerationEventPublisher onDeleted(Consumer<ModerationEvent.Deleted> consumer);

    ModerationEventPublisher onReplied(Consumer<ModerationEvent.Replied> consumer);

    ModerationEventPublisher onBlocked(Consumer<ModerationEvent.Blocked> consumer);

    ModerationEventPublisher onFlagged(Consumer<ModerationEvent.Flagged> consumer);

    ModerationEventPublisher onEscalated(Consumer<ModerationEvent.Escalated> consumer);

    ModerationEventPublisher onDegraded(Consumer<ModerationEvent.Degraded> consumer);

    ModerationEventPublisher onActionFailed(Consumer<ModerationEvent.ActionFailed> consumer);

    /** Every event. */
    ModerationEventPublisher onEvent(Consumer<ModerationEvent> consumer);
}
