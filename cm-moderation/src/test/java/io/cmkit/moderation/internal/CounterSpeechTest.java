package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.TextNormalizer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CounterSpeechTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH);
    private static final List<String> SOME_CUES = List.of("called me", "said", "not a", "not an", "is not a", "m'a traite",
            "traite de", "pas un", "n'est pas", "le mot", "de dire", "dire que", "si tu dis", "don't call", "the word", "quote");

    /** Reported speech as first written: every cue searched for in the whole padded text. */
    private static boolean reportedReference(String before, List<String> cues) {
        String n = NORMALIZER.normalize(before).text();
        StringBuilder b = new StringBuilder(n.length() + 2).append(' ');
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                b.append(c);
            } else if (b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        if (b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
        }
        String padded = b.toString();
        return cues.stream().anyMatch(c -> padded.contains(" " + c + " "));
    }

    @Test
    @DisplayName("reported speech is found as when every cue was searched for, on 50,000 random texts")
    void findsReportedSpeechAsBefore() {
        String[] pieces = {"il", "m'a", "traité", "traite", "de", "Traité DE", "called", "me", "Called  me", "not", "a", "an",
            "is", "said", "SAID", "pas", "un", "n'est", "le", "mot", "dire", "que", "si", "tu", "dis", "don't", "call",
            "the", "word", "quote", "quoted", "mea", "ame", ",", "!", "'", "  ", "é", "😀", "connard"};
        SplittableRandom random = new SplittableRandom(17);
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(10);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String text = b.toString();
            boolean expected = reportedReference(text, SOME_CUES);
            // anywhere() with no quotation marks is the reported-speech test alone; the shipped cues include these
            if (expected) {
                assertThat(CounterSpeech.anywhere(text)).as("\"%s\"", text).isTrue();
                found++;
            }
            assertThat(CounterSpeech.anywhere(text)).as("\"%s\"", text).isEqualTo(reportedReference(text, CounterSpeech.cues()));
        }
        assertThat(found).isGreaterThan(2_000);
    }
}
