package io.cmkit.moderation.internal;

import java.util.List;
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

    /** The stopwords in one open-addressing table read in place (no substring per word): bit 1 French, bit 2 English. */
    private static final String[] WORDS = new String[256];
    private static final byte[] LANGUAGES = new byte[256];
    private static final int LONGEST;

    static {
        int longest = 0;
        for (Set<String> set : List.of(FR, EN)) {
            for (String w : set) {
                int i = slot(w, 0, w.length());
                while (WORDS[i] != null && !WORDS[i].equals(w)) {
                    i = (i + 1) & (WORDS.length - 1);
                }
                WORDS[i] = w;
                LANGUAGES[i] |= (byte) (set == FR ? 1 : 2);
                longest = Math.max(longest, w.length());
            }
        }
        LONGEST = longest;
    }

    private LanguageGuesser() {
    }

    private static int slot(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) & (WORDS.length - 1);
    }

    /** Bit 1 if {@code s[start, end)} is a French stopword, bit 2 if an English one. */
    private static int languages(String s, int start, int end) {
        int length = end - start;
        if (length > LONGEST) {
            return 0;
        }
        for (int i = slot(s, start, end); WORDS[i] != null; i = (i + 1) & (WORDS.length - 1)) {
            String w = WORDS[i];
            if (w.length() == length && s.regionMatches(start, w, 0, length)) {
                return LANGUAGES[i];
            }
        }
        return 0;
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
                if (start >= 0 && (languages(lower, start, i) & 1) != 0) {
                    fr++; // an elided French word: l', qu', c'
                }
                start = -1;
                continue;
            }
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                int l = languages(lower, start, i);
                fr += l & 1;
                en += l >> 1;
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
