package io.cmkit.moderation;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to what a rule asked: a safety downgrade, a degradation because the platform lacks an
 * operation, or a failure. Nothing is ever dropped silently; each change is one of these.
 *
 * @param kind why it changed
 * @param requested what the rule asked for
 * @param replacement what was done instead, if anything
 * @param reason a sentence for people
 */
public record Adjustment(Kind kind, Action requested, Optional<Action> replacement, String reason) {

    /** Why an action changed. */
    public enum Kind {
        /** The counter-speech and quotation safety policy downgraded a removal to review. */
        SAFETY,
        /** The platform cannot do it; the degradation policy chose a replacement. */
        DEGRADED,
        /** The platform call failed; the comment went to review. */
        FAILED
    }

    public Adjustment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(reason, "reason");
    }
}
