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
                int i = slot(w, false, 0, w.length());
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

    /** {@code c} lower-cased when {@code lowerIt}, else as it is (the text was lower-cased whole). */
    private static char lower(char c, boolean lowerIt) {
        if (!lowerIt) {
            return c;
        }
        if (c < 0x80) { // ASCII without Character's tables: the same answer
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /** {@link Character#isLetter(char)}, ASCII without the tables. */
    private static boolean isLetter(char c) {
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return Character.isLetter(c);
    }

    private static int slot(String s, boolean lowerIt, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + lower(s.charAt(i), lowerIt);
        }
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) & (WORDS.length - 1);
    }

    /** Bit 1 if {@code s[start, end)} (lower-cased when {@code lowerIt}) is a French stopword, bit 2 if an English one. */
    private static int languages(String s, boolean lowerIt, int start, int end) {
        int length = end - start;
        if (length > LONGEST) {
            return 0;
        }
        for (int i = slot(s, lowerIt, start, end); WORDS[i] != null; i = (i + 1) & (WORDS.length - 1)) {
            String w = WORDS[i];
            if (w.length() == length && same(s, lowerIt, start, w)) {
                return LANGUAGES[i];
            }
        }
        return 0;
    }

    private static boolean same(String s, boolean lowerIt, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (lower(s.charAt(start + k), lowerIt) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether lower-casing {@code text} char by char could differ from {@link String#toLowerCase}
     * with {@link Locale#ROOT}: only at İ (two chars), Σ (final sigma) and surrogate pairs.
     */
    private static boolean needsWholeLowering(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** French or English, when the stopwords say. */
    public static Optional<Locale> guess(String text) {
        int fr = 0;
        int en = 0;
        int start = -1;
        // Most texts are lower-cased char by char as they are read, without a lower-cased copy.
        boolean whole = needsWholeLowering(text);
        String s = whole ? text.toLowerCase(Locale.ROOT) : text;
        boolean lowerIt = !whole;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? lower(s.charAt(i), lowerIt) : ' ';
            boolean word = isLetter(c) || c == '-';
            if (c == '\'' || c == '’') {
                if (start >= 0 && (languages(s, lowerIt, start, i) & 1) != 0) {
                    fr++; // an elided French word: l', qu', c'
                }
                start = -1;
                continue;
            }
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                int l = languages(s, lowerIt, start, i);
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
