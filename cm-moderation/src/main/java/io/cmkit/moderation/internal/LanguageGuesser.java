package io.cmkit.moderation.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny French/English guesser for comments whose platform gives no language: counts common
 * stopwords of each; the language with more wins, nothing on a tie. Good enough to choose a saved
 * reply's language, not a general detector.
 */
public final class LanguageGuesser {

    private static final Set<String> FR = Set.of("le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "je",
            "tu", "il", "elle", "nous", "vous", "ils", "pas", "ne", "que", "qui", "pour", "dans", "sur", "avec", "mais",
            "c'est", "ce", "cette", "au", "aux", "mon", "ma", "mes", "votre", "vos", "merci", "tres", "très", "trop",
            "bonjour", "oui", "non", "est-ce", "suis", "êtes", "etes", "sont", "j'ai", "c", "j", "l", "d", "qu", "n", "m", "t");
    private static final Set<String> EN = Set.of("the", "a", "an", "and", "is", "are", "i", "you", "he", "she", "we",
            "they", "not", "that", "who", "for", "in", "on", "with", "but", "it's", "this", "my", "your", "thanks",
            "very", "too", "hello", "yes", "no", "am", "was", "were", "be", "of", "to", "it", "do", "don't", "have",
            "has", "what", "so", "just");

    private LanguageGuesser() {
    }

    /** French or English, when the stopwords say. */
    public static Optional<Locale> guess(String text) {
        int fr = 0;
        int en = 0;
        int start = -1;
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean word = Character.isLetter(c) || c == '-';
            if (c == '\'' || c == '’') {
                if (start >= 0) {
                    String w = lower.substring(start, i);
                    if (FR.contains(w)) {
                        fr++;
                    }
                }
                start = -1;
                continue;
            }
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String w = lower.substring(start, i);
                if (FR.contains(w)) {
                    fr++;
                }
                if (EN.contains(w)) {
                    en++;
                }
                start = -1;
            }
        }
        if (fr > en) {
            return Optional.of(Locale.FRENCH);
        }
        if (en > fr) {
            return Optional.of(Locale.ENGLISH);
        }
        return Optional.empty();
    }
}
