package io.cmkit.moderation;

import java.util.Objects;
import java.util.Set;

/**
 * How the engine and the {@link Moderator} behave, in the Resilience4j way:
 * {@code ModerationConfig.custom().dryRun(true).build()}, {@link #ofDefaults()}, {@link #from}.
 *
 * @param dryRun decide and record, carry nothing out; every decision is marked
 * @param counterSpeechSafety downgrade HIDE, DELETE and BLOCK_AUTHOR to FLAG when the matched
 *     words are quoted, reported ("called me", "m'a traité de") or negated ("stop saying")
 * @param safetyExemptCategories rule categories the safety policy leaves alone (quoted spam is still spam)
 * @param degradation what to do when a platform lacks an operation
 */
public record ModerationConfig(boolean dryRun, boolean counterSpeechSafety, Set<String> safetyExemptCategories,
                               DegradationPolicy degradation) {

    public ModerationConfig {
        safetyExemptCategories = Set.copyOf(safetyExemptCategories);
        Objects.requireNonNull(degradation, "degradation");
    }

    /** Not a dry run, safety on (spam and scam exempt), the default degradation policy. */
    public static ModerationConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code other}. */
    public static Builder from(ModerationConfig other) {
        return new Builder().dryRun(other.dryRun).counterSpeechSafety(other.counterSpeechSafety)
                .safetyExemptCategories(other.safetyExemptCategories).degradation(other.degradation);
    }

    /** Builds a {@link ModerationConfig}. */
    public static final class Builder {
        private boolean dryRun;
        private boolean counterSpeechSafety = true;
        private Set<String> exempt = Set.of("spam", "scam");
        private DegradationPolicy degradation = DegradationPolicy.defaults();

        private Builder() {
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder counterSpeechSafety(boolean on) {
            this.counterSpeechSafety = on;
            return this;
        }

        public Builder safetyExemptCategories(Set<String> categories) {
            this.exempt = categories;
            return this;
        }

        public Builder degradation(DegradationPolicy policy) {
            this.degradation = policy;
            return this;
        }

        public ModerationConfig build() {
            return new ModerationConfig(dryRun, counterSpeechSafety, exempt, degradation);
        }
    }
}
