package io.cmkit.core.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a post's history: who did what, when, and the state before and after.
 *
 * @param action what was done
 * @param from the state before; empty for {@link PostAction#CREATE}
 * @param to the state after (equal to {@code from} for an edit that keeps the state)
 * @param actor who did it: a person's id, or a scheduler instance's id for dispatch and completion
 * @param at when, from the clock of the component that recorded it
 * @param comment why, when given; always present for {@link PostAction#REJECT}
 */
public record Transition(PostAction action, Optional<PostState> from, PostState to, String actor, Instant at,
                         Optional<String> comment) {

    public Transition {
        Objects.requireNonNull(action, "Transition.action");
        Objects.requireNonNull(from, "Transition.from");
        Objects.requireNonNull(to, "Transition.to");
        Objects.requireNonNull(actor, "Transition.actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("Transition.actor must not be blank");
        }
        Objects.requireNonNull(at, "Transition.at");
        comment = Objects.requireNonNull(comment, "Transition.comment").map(String::strip).filter(s -> !s.isEmpty());
        if (action == PostAction.REJECT && comment.isEmpty()) {
            throw new IllegalArgumentException("Transition.comment is required for a rejection");
        }
    }

    @Override
    public String toString() {
        return at + " " + actor + " " + action + " " + from.map(PostState::name).orElse("-") + " -> " + to
                + comment.map(c -> " (" + c + ")").orElse("");
    }
}
