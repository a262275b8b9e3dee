package io.cmkit.core.inbox.event;

import io.cmkit.core.model.Interaction;
import java.time.Instant;
import java.util.Objects;

/**
 * A handler threw while taking an interaction; it will be given it again (until the attempts run out).
 *
 * @param handler the handler's name
 * @param interaction the interaction
 * @param attempt which attempt failed, from 1
 * @param error what it threw
 * @param at when
 */
public record HandlerFailed(String handler, Interaction interaction, int attempt, Exception error, Instant at)
        implements InboxEvent {
    public HandlerFailed {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
    }
}
