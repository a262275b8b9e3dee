package io.cmkit.moderation.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log.
 *
 * @param sequence its place in the log, from 1, given by the log on append (0 before)
 * @param at when
 * @param actor who: {@code cmkit} for the engine, a moderator's name for a review
 * @param interactionKey the interaction's {@code platform:id}
 * @param rule the rule involved
 * @param action what: {@code DECIDE}, an action's name, {@code REVIEW}
 * @param result how it went
 * @param detail the explanation, the platform's error, the degradation...
 */
public record AuditEntry(long sequence, Instant at, String actor, String interactionKey, Optional<String> rule,
                         String action, Result result, String detail) {

    /** How it went. */
    public enum Result { DECIDED, DONE, DRY_RUN, DEGRADED, FAILED, RESOLVED }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(interactionKey, "interactionKey");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    /** An entry before the log numbers it. */
    public static AuditEntry of(Instant at, String actor, String interactionKey, Optional<String> rule, String action,
                                Result result, String detail) {
        return new AuditEntry(0, at, actor, interactionKey, rule, action, result, detail);
    }

    /** A copy numbered {@code sequence}. */
    public AuditEntry numbered(long sequence) {
        return new AuditEntry(sequence, at, actor, interactionKey, rule, action, result, detail);
    }
}
