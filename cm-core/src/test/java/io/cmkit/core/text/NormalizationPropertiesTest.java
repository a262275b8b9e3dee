package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Normalisation and matching on random text (seeded)")
class NormalizationPropertiesTest {

    /** Pieces that exercise every step: surrogates, marks, ligatures, leet, separators, look-alikes. */
    private static final String[] PIECES = {
            "a", "b", "c", "o", "n", "k", "i", "l", "s", "t", "e", "A", "Z", " ", "  ", "\n", "\t", ".", "-", "_", "*",
            "'", "’", "0", "1", "3", "4", "5", "7", "@", "$", "é", "e\u0301", "\u0301", "İ", "ß", "ﬁ", "œ", "Ⓕ", "⒡",
            "𝐟", "𝓾", "с", "ο", "ᴄ", "\u200B", "\u00AD", "😡", "👍🏽", "🇫🇷", "\uD83D", "\uDE21", "ＡＢ", "ǅ", "ﷺ",
            "ooo", "xxxx", "f u c k", "#tag", "@user", "http://a.fr/b", "2024", "\u0130\u0307", "Ⅻ", "㎏"
    };

    private static final List<NormalizationOptions> OPTIONS = List.of(
            NormalizationOptions.STRICT_MATCHING, NormalizationOptions.TEXT_SEARCH, NormalizationOptions.NONE,
            NormalizationOptions.STRICT_MATCHING.withStripDiacritics(false),
            NormalizationOptions.STRICT_MATCHING.withNfkc(false).withCaseFold(false));

    private static String randomText(Random r) {
        StringBuilder b = new StringBuilder();
        int pieces = r.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static boolean splitsPair(String s, int index) {
        return index > 0 && index < s.length()
                && Character.isHighSurrogate(s.charAt(index - 1)) && Character.isLowSurrogate(s.charAt(index));
    }

    @Test
    @DisplayName("every normalised character maps inside the original, in order, never splitting a surrogate pair")
    void offsetsInBoundsAndMonotonic() {
        Random r = new Random(20261126L);
        for (NormalizationOptions options : OPTIONS) {
            TextNormalizer normalizer = TextNormalizer.of(options);
            for (int round = 0; round < 3000; round++) {
                String text = randomText(r);
                NormalizedText n = normalizer.normalize(text);
                int previousStart = 0;
                int previousEnd = 0;
                for (int i = 0; i < n.length(); i++) {
                    Span span = n.toOriginal(i, i + 1);
                    assertThat(span.start()).as("start of %d in %s", i, text).isBetween(0, text.length() - 1);
                    assertThat(span.end()).as("end of %d in %s", i, text).isBetween(span.start() + 1, text.length());
                    assertThat(span.start()).as("starts in order in %s", text).isGreaterThanOrEqualTo(previousStart);
                    assertThat(span.end()).as("ends in order in %s", text).isGreaterThanOrEqualTo(previousEnd);
                    assertThat(splitsPair(text, span.start()) || splitsPair(text, span.end()))
                            .as("span %s of %s splits a surrogate pair", span, text).isFalse();
                    previousStart = span.start();
                    previousEnd = span.end();
                }
                int a = n.length() == 0 ? 0 : r.nextInt(n.length());
                int b = a + (n.length() == a ? 0 : r.nextInt(n.length() - a + 1));
                Span whole = n.toOriginal(a, b);
                assertThat(whole.end()).isBetween(whole.start(), text.length());
            }
        }
    }

    @Test
    @DisplayName("every match reports the original substring at its offsets, and patterns cut from the text are found")
    void matchesMapBack() {
        Random r = new Random(42L);
        for (NormalizationOptions options : OPTIONS) {
            for (int round = 0; round < 300; round++) {
                PatternMatcher.Builder<Integer> builder = PatternMatcher.<Integer>builder().normalization(options);
                String text = randomText(r) + " konnard " + randomText(r);
                builder.add("konnard", MatchMode.ANYWHERE, -1);
                for (int k = 0; k < 5; k++) {
                    String p = randomText(r);
                    if (!p.isBlank() && !TextNormalizer.of(options).normalize(p).text().isBlank()) {
                        builder.add(p, MatchMode.values()[r.nextInt(4)], k);
                    }
                }
                List<Match<Integer>> matches = builder.build().findAll(text);
                assertThat(matches).extracting(Match::payload).as(text).contains(-1);
                for (Match<Integer> m : matches) {
                    assertThat(m.end()).isBetween(m.start(), text.length());
                    assertThat(m.text()).isEqualTo(text.substring(m.start(), m.end()));
                    assertThat(splitsPair(text, m.start()) || splitsPair(text, m.end())).isFalse();
                }
            }
        }
    }

    @Test
    @DisplayName("with every step off, text without whitespace comes back unchanged with one-to-one offsets (a surrogate pair maps to itself)")
    void identity() {
        Random r = new Random(7L);
        TextNormalizer none = TextNormalizer.of(NormalizationOptions.NONE);
        for (int round = 0; round < 1000; round++) {
            String text = randomText(r).replaceAll("\\s", "");
            NormalizedText n = none.normalize(text);
            assertThat(n.text()).isEqualTo(text);
            for (int i = 0; i < n.length(); i++) {
                Span span = n.toOriginal(i, i + 1);
                // One-to-one, except that both halves of a surrogate pair map to the pair.
                assertThat(span.start()).isBetween(i - 1, i);
                assertThat(span.end()).isBetween(i + 1, i + 2);
                boolean inPair = (i + 1 < text.length() && Character.isHighSurrogate(text.charAt(i))
                        && Character.isLowSurrogate(text.charAt(i + 1)))
                        || (i > 0 && Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1)));
                assertThat(span.length() == 2).isEqualTo(inPair);
            }
        }
    }
}
