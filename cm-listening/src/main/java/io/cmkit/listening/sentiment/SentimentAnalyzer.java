package io.cmkit.listening.sentiment;

import io.cmkit.listening.sentiment.internal.Lexicon;
import io.cmkit.listening.sentiment.internal.RuleWords;
import io.cmkit.listening.sentiment.internal.Scorer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lexicon- and rule-based sentiment for French and English, in the manner of VADER.
 *
 * <pre>{@code
 * SentimentAnalyzer analyzer = SentimentAnalyzer.defaults();
 * analyzer.analyze("Le café est bon, mais le service est VRAIMENT nul !");
 * // Sentiment[score=-0.770..., label=NEGATIVE, language=FRENCH, terms=[bon, nul]]
 * }</pre>
 *
 * <p>The default tables are the hand-written seed lexicons ({@code fr.txt}, {@code en.txt},
 * {@code emoji.txt}) and, for French, a lexicon derived from the UMSAB French training split
 * ({@code fr-derived.txt}, rebuilt by {@code io.cmkit.listening.tools.DeriveLexicon}); seed entries
 * win over derived ones, and a host's own words win over both. Immutable and thread-safe.
 */
public final class SentimentAnalyzer {

    private static volatile SentimentAnalyzer defaults;

    private final Scorer scorer;

    private SentimentAnalyzer(Scorer scorer) {
        this.scorer = scorer;
    }

    /** The analyser with the shipped lexicons and thresholds (built once, then shared). */
    public static SentimentAnalyzer defaults() {
        SentimentAnalyzer shared = defaults;
        if (shared == null) {
            shared = builder().build();
            defaults = shared;
        }
        return shared;
    }

    /** A builder starting from the shipped lexicons and thresholds. */
    public static Builder builder() {
        return new Builder();
    }

    /** The sentiment of a text whose language is guessed from its function words (French when in doubt). */
    public Sentiment analyze(String text) {
        return analyze(text, Optional.empty());
    }

    /**
     * The sentiment of a text in a known language; a language the analyser has no rules for is
     * treated like an unknown one (guessed between French and English).
     */
    public Sentiment analyze(String text, Optional<Locale> language) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        return scorer.score(text, language.flatMap(SentimentLanguage::of));
    }

    /** The sentiment of a text in one of the analyser's languages. */
    public Sentiment analyze(String text, SentimentLanguage language) {
        Objects.requireNonNull(text, "text");
        return scorer.score(text, Optional.of(language));
    }

    /** The thresholds that cut scores into labels for a language. */
    public LabelThresholds thresholds(SentimentLanguage language) {
        return scorer.language(language).thresholds();
    }

    /** Builds an analyser: which lexicons, extra words, and label thresholds. */
    public static final class Builder {
        private boolean derivedLexicon = true;
        private final Map<SentimentLanguage, LabelThresholds> thresholds = new EnumMap<>(SentimentLanguage.class);
        private final Map<SentimentLanguage, Map<String, Double>> extraWords = new EnumMap<>(SentimentLanguage.class);
        private Map<String, Double> derivedFrench;

        private Builder() {
        }

        /** Whether to use the French lexicon derived from the training split (default true). */
        public Builder derivedLexicon(boolean use) {
            this.derivedLexicon = use;
            return this;
        }

        /** Replaces the derived French lexicon by another one (normalised word to valence), as the derivation tool does while tuning. */
        public Builder derivedFrenchLexicon(Map<String, Double> valences) {
            this.derivedFrench = Map.copyOf(valences);
            this.derivedLexicon = true;
            return this;
        }

        /** The thresholds for a language (default: those tuned on the French training split, VADER's for English). */
        public Builder thresholds(SentimentLanguage language, LabelThresholds cut) {
            thresholds.put(Objects.requireNonNull(language, "language"), Objects.requireNonNull(cut, "thresholds"));
            return this;
        }

        /**
         * Adds or overrides a word for a language: a brand's own slang, a product name that reads as
         * negative in the general lexicon.
         *
         * @throws IllegalArgumentException naming the word when the valence is outside [-4, 4] or the word is blank
         */
        public Builder word(SentimentLanguage language, String word, double valence) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("sentiment word must not be blank");
            }
            if (!(valence >= -4 && valence <= 4)) {
                throw new IllegalArgumentException("valence of '" + word + "' must lie in [-4, 4], got " + valence);
            }
            extraWords.computeIfAbsent(language, l -> new HashMap<>()).put(Lexicon.normalise(word.strip()), valence);
            return this;
        }

        public SentimentAnalyzer build() {
            Lexicon derived = Lexicon.resource("fr-derived.txt");
            Map<SentimentLanguage, Scorer.Language> languages = new EnumMap<>(SentimentLanguage.class);
            for (SentimentLanguage language : SentimentLanguage.values()) {
                Map<String, Double> valences = new HashMap<>();
                if (language == SentimentLanguage.FRENCH && derivedLexicon) {
                    valences.putAll(derivedFrench != null ? derivedFrench : derived.valences());
                }
                valences.putAll(Lexicon.resource(language.code() + ".txt").valences());
                valences.putAll(extraWords.getOrDefault(language, Map.of()));
                LabelThresholds cut = thresholds.get(language);
                if (cut == null) {
                    cut = derived.thresholds(language.code())
                            .filter(pair -> derivedLexicon)
                            .map(pair -> new LabelThresholds(pair[0], pair[1]))
                            .orElse(LabelThresholds.VADER);
                }
                languages.put(language, new Scorer.Language(RuleWords.of(language), valences, cut));
            }
            Map<String, Double> emoji = Lexicon.resource("emoji.txt", false).valences();
            return new SentimentAnalyzer(new Scorer(languages, emoji));
        }
    }
}
