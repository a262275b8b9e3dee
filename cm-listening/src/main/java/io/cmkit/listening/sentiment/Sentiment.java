package io.cmkit.listening.sentiment;

import java.util.List;

/**
 * The sentiment of one text.
 *
 * @param score VADER's normalised compound score, in [-1, 1]: 0 when no sentiment word was found
 * @param label the score cut by the language's {@link LabelThresholds}
 * @param language the rules and lexicon used first (given, or guessed from function words)
 * @param terms the words, emoji and emoticons that carried a valence, normalised, in text order
 */
public record Sentiment(double score, SentimentLabel label, SentimentLanguage language, List<String> terms) {

    public Sentiment {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("Sentiment: score must lie in [-1, 1], got " + score);
        }
        if (label == null || language == null || terms == null) {
            throw new IllegalArgumentException("Sentiment: label, language and terms must be present");
        }
        terms = List.copyOf(terms);
    }
}
