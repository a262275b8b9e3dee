package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    private static final Set<String> FR = Set.of("le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "je",
            "tu", "il", "elle", "nous", "vous", "ils", "pas", "ne", "que", "qui", "pour", "dans", "sur", "avec", "mais",
            "c'est", "ce", "cette", "au", "aux", "mon", "ma", "mes", "votre", "vos", "merci", "tres", "très", "trop",
            "bonjour", "oui", "non", "est-ce", "suis", "êtes", "etes", "sont", "j'ai", "c", "j", "l", "d", "qu", "n", "m", "t");
    private static final Set<String> EN = Set.of("the", "a", "an", "and", "is", "are", "i", "you", "he", "she", "we",
            "they", "not", "that", "who", "for", "in", "on", "with", "but", "it's", "this", "my", "your", "thanks",
            "very", "too", "hello", "yes", "no", "am", "was", "were", "be", "of", "to", "it", "do", "don't", "have",
            "has", "what", "so", "just");

    /** The guesser as first written (a substring and two set lookups per word): the reference. */
    private static Optional<Locale> reference(String text) {
        int fr = 0;
        int en = 0;
        int start = -1;
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean word = Character.isLetter(c) || c == '-';
            if (c == '\'' || c == '’') {
                if (start >= 0 && FR.contains(lower.substring(start, i))) {
                    fr++;
                }
                start = -1;
                continue;
            }
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String w = lower.substring(start, i);
                fr += FR.contains(w) ? 1 : 0;
                en += EN.contains(w) ? 1 : 0;
                start = -1;
            }
        }
        return fr > en ? Optional.of(Locale.FRENCH) : en > fr ? Optional.of(Locale.ENGLISH) : Optional.empty();
    }

    @Test
    @DisplayName("guesses as the first version did, on 100,000 random texts of stopwords, other words and punctuation")
    void sameGuessesAsTheReference() {
        String[] pieces = {"Le", "la", "LES", "un", "est-ce", "c'est", "j’ai", "qu'il", "L'arnaque", "très", "ÊTES", "the",
            "The", "it's", "don't", "I", "İ", "a", "no", "non", "thanks", "merci", "bonjour", "hello", "café", "livraison",
            "order", "ΣΑΣ", "Σ", "𐐀", "LA", "Très", "NON", "-", "--", "'", "’", ",", "!", "😀", "1", "ß", "x-y", "  ", "\n"};
        SplittableRandom random = new SplittableRandom(11);
        int french = 0;
        int english = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(16);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    b.append(' ');
                }
            }
            String text = b.toString();
            Optional<Locale> expected = reference(text);
            assertThat(LanguageGuesser.guess(text)).as("\"%s\"", text).isEqualTo(expected);
            french += expected.equals(Optional.of(Locale.FRENCH)) ? 1 : 0;
            english += expected.equals(Optional.of(Locale.ENGLISH)) ? 1 : 0;
        }
        assertThat(french).isGreaterThan(10_000);
        assertThat(english).isGreaterThan(10_000);
    }
}
