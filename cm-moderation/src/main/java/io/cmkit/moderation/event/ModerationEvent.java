package io.cmkit.moderation.event;

import io.cmkit.core.model.Interaction;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Adjustment;
import io.cmkit.moderation.Decision;

import java.time.Instant;

/**
 * Something moderation did. Each event carries the interaction and the decision behind it, whose
 * actions are always in the decision's order (a degraded action's replacement in its place). The
 * events published while a decision is carried out carry the plan ({@link Decision#actions()} once
 * degraded); {@link Flagged}, published last, carries the outcome: the same order, without the
 * actions that failed, and with FLAG last when only a failure sent the comment to review.
 */
public sealed interface ModerationEvent {

    Interaction interaction();

    Decision decision();

    Instant at();

    /** The engine decided (every interaction, matched or not). */
    record DecisionMade(Interaction interaction, Decision decision, Instant at) implements ModerationEvent {
    }

    /** The comment was hidden on its platform. */
    record Hidden(Interaction interaction, Decision decision, Instant at) implements ModerationEvent {
    }

    /** The comment was deleted on its platform. */
    record Deleted(Interaction interaction, Decision decision, Instant at) implements ModerationEvent {
    }

    /** The brand replied with a saved reply. */
    record Replied(Interaction interaction, Decision decision, String text, Instant at) implements ModerationEvent {
    }

    /** The author was blocked. */
    record Blocked(Interaction interaction, Decision decision, Instant at) implements ModerationEvent {
    }

    /** The comment went to the review queue. */
    record Flagged(Interaction interaction, Decision decision, String reviewItemId, Instant at) implements ModerationEvent {
    }

    /** An alert went to the alert sink. */
    record Escalated(Interaction interaction, Decision decision, Instant at) implements ModerationEvent {
    }

    /** An action the platform cannot do was replaced. */
    record Degraded(Interaction interaction, Decision decision, Adjustment adjustment, Instant at) implements ModerationEvent {
    }

    /** An action failed; the comment went to review. */
    record ActionFailed(Interaction interaction, Decision decision, Action action, String error, Instant at)
            implements ModerationEvent {
    }
}
