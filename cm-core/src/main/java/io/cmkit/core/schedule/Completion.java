package io.cmkit.core.schedule;

import java.util.Objects;

/**
 * One outcome a scheduler records under its lease, as {@link ScheduleStore#completeAll} takes
 * them: the same three things {@link ScheduleStore#complete} takes one by one.
 *
 * @param idempotencyKey the publication
 * @param token the lease's token, as the claim gave it
 * @param outcome how it ended
 */
public record Completion(String idempotencyKey, String token, Outcome outcome) {

    public Completion {
        Objects.requireNonNull(idempotencyKey, "Completion.idempotencyKey");
        Objects.requireNonNull(token, "Completion.token");
        Objects.requireNonNull(outcome, "Completion.outcome");
    }
}
