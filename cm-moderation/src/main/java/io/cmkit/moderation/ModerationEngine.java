package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.internal.DefaultModerationEngine;
import io.cmkit.moderation.lexicon.Lexicon;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what to do with each interaction; carries nothing out (a {@link Moderator} does).
 * Built once from rules, a lexicon, named classifiers and a clock; immutable configuration,
 * thread-safe. It keeps the traffic windows that flooding and duplicate conditions look at, and
 * counts strikes.
 * <pre>{@code
 * ModerationEngine engine = ModerationEngine.builder()
 *         .rules(RuleSet.defaults()).lexicon(lexicon).classifier("toxic", model).build();
 * Decision d = engine.decide(comment);
 * d.explain(Locale.FRENCH);
 * }</pre>
 */
public interface ModerationEngine {

    /** Decides about one interaction. Counts it for flooding and duplicates. */
    Decision decide(Interaction interaction);

    /** The rules it applies. */
    RuleSet rules();

    /** Its configuration. */
    ModerationConfig config();

    /** The strike counter it keeps. */
    StrikeCounter strikes();

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ModerationEngine}; compiles every word list and regex once. */
    final class Builder {
        private RuleSet rules;
        private Lexicon lexicon;
        private final Map<String, Classifier> classifiers = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private ModerationConfig config = ModerationConfig.ofDefaults();
        private StrikeCounter strikes;
        private String brandName;

        private Builder() {
        }

        public Builder rules(RuleSet rules) {
            this.rules = rules;
            return this;
        }

        /** The lexicon whose categories rules name; required when a rule names a category. */
        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = lexicon;
            return this;
        }

        public Builder classifier(String name, Classifier classifier) {
            classifiers.put(name, Objects.requireNonNull(classifier, "classifier"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder config(ModerationConfig config) {
            this.config = config;
            return this;
        }

        public Builder strikes(StrikeCounter strikes) {
            this.strikes = strikes;
            return this;
        }

        /** The brand's name for the {@code {brand}} placeholder (the account's handle otherwise). */
        public Builder brandName(String brandName) {
            this.brandName = brandName;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a rule names a category the lexicon lacks, a classifier
         *     not given, or a regex RE2J refuses
         */
        public ModerationEngine build() {
            return new DefaultModerationEngine(Objects.requireNonNull(rules, "rules"), Optional.ofNullable(lexicon),
                    Map.copyOf(classifiers), Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(config, "config"),
                    strikes == null ? StrikeCounter.inMemory() : strikes, Optional.ofNullable(brandName));
        }
    }
}
