package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.text.internal.Buffer;
import io.cmkit.core.text.internal.NormalizerEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the normaliser and the matcher against the code as first written, on texts
 * full of every trick the normaliser undoes: runs of letters take a loop of their own in the
 * per-code-point pass and the word passes start where that pass first saw something for them
 * instead of at the start ({@link NormalizerEngine#normalize(
 * CharSequence, NormalizerEngine.Workspace, boolean)}), a text without second readings walks the
 * trie in a loop instead of the recursion ({@link PatternMatcher#findAllReference}), and
 * {@link PatternMatcher#forEachMatch} hands over exactly the matches {@link PatternMatcher#findAll}
 * returns (payload, start, end, order).
 */
@DisplayName("The normaliser's and matcher's shortcuts give exactly the reference results (seeded differential test)")
class MatcherShortcutsTest {

    /** Real insults and frames, so texts hit patterns and phrases often. */
    private static final String[] INSULTS = {
        "connard", "connasse", "salope", "enculé", "bâtard", "sous-merde", "lèche-botte", "casse-toi", "trou du cul",
        "ta gueule", "fils de pute", "idiot", "moron", "asshole", "bitch", "shit", "kill", "piece of shit", "fuck you",
        "sale con", "con", "ass", "gay", "hate", "i hate", "t'es nul", "c++", "covid19", "2024", "istanbul", "straße",
        "straße strasse", "ﬁnance", "pay pal", "a b", "k1ll", "sh1t", "@rnaque", "$cam", "fuuuck", "coool",
    };

    /** Pieces of texts: every trick the normaliser undoes, and what sits next to words in comments. */
    private static final String[] PIECES = {
        " ", " ", " ", "  ", "\n", "\t", ".", ",", "!", "?", "-", "_", "*", "'", "’", "...", "!!!", " . ", " - ",
        "0", "1", "3", "4", "5", "7", "@", "$", "42", "2024", "1000", "é", "e\u0301", "\u0301", "İ", "ı", "ß", "ẞ",
        "ﬁ", "œ", "Ⓕ", "⒡", "𝐟𝐮𝐜𝐤", "𝓾", "с", "ο", "а", "ᴄᴏɴ", "\u200B", "\u00AD", "😡", "👍🏽", "🇫🇷", "❤️",
        "\uD83D", "\uDE21", "ＡＢ", "ǅ", "ﷺ", "ooo", "xxxx", "f u c k", "f.u.c.k", "c o n", "a s s", "i h a t e",
        "y a", "I a m", "#tag", "@user", "@marque", "http://a.fr/b1", "www.x.fr", "\u0130\u0307", "Ⅻ", "㎏",
    };

    private static final List<NormalizationOptions> OPTIONS = List.of(
            NormalizationOptions.STRICT_MATCHING, NormalizationOptions.TEXT_SEARCH, NormalizationOptions.NONE,
            NormalizationOptions.STRICT_MATCHING.withStripDiacritics(false),
            NormalizationOptions.STRICT_MATCHING.withNfkc(false).withCaseFold(false),
            NormalizationOptions.STRICT_MATCHING.withLeetspeak(false),
            NormalizationOptions.STRICT_MATCHING.withCollapseRepeats(false),
            NormalizationOptions.STRICT_MATCHING.withJoinSpacedLetters(false));

    private static String disguise(String term, Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> term.toUpperCase(Locale.ROOT);
            case 1 -> term.replace('o', '0').replace('a', '4').replace('e', '3').replace('s', '5');
            case 2 -> term.replace('i', '1').replace('a', '@');
            case 3 -> String.join(" ", term.split(""));
            case 4 -> String.join(".", term.split(""));
            case 5 -> term.replaceFirst("([aeiou])", "$1$1$1$1");
            case 6 -> term.replace('o', 'о').replace('a', 'а').replace('c', 'с');
            case 7 -> term.replace(" ", "  \n ");
            default -> term;
        };
    }

    private static String randomText(Random r, List<String> terms) {
        StringBuilder b = new StringBuilder();
        int pieces = r.nextInt(30);
        for (int i = 0; i < pieces; i++) {
            int k = r.nextInt(10);
            if (k < 3) {
                b.append(disguise(terms.get(r.nextInt(terms.size())), r));
            } else if (k < 5) {
                b.append(SyntheticLexicon.word(r));
            } else {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
        }
        return b.toString();
    }

    private static List<String> terms(Random r) {
        List<String> terms = new ArrayList<>(List.of(INSULTS));
        terms.addAll(SyntheticLexicon.terms(300, r.nextLong()));
        return terms;
    }

    private record Seen(Integer payload, int start, int end) {
    }

    @Test
    @DisplayName("whole-word lexicons under every option and both overlap policies: 4,000 comments and 12,000 "
            + "random texts each, the same normalised text, offsets and readings, and the same matches in the same order")
    void sameAsReference() {
        Random r = new Random(20261126L);
        List<String> terms = terms(r);
        List<String> comments = SyntheticLexicon.comments(4000, 150, terms, 7L);
        long compared = 0;
        long matched = 0;
        for (NormalizationOptions options : OPTIONS) {
            for (OverlapPolicy policy : OverlapPolicy.values()) {
                PatternMatcher.Builder<Integer> b = PatternMatcher.<Integer>builder().normalization(options).overlap(policy);
                for (int i = 0; i < terms.size(); i++) {
                    b.add(terms.get(i), MatchMode.WHOLE_WORD, i);
                }
                b.add("connard", MatchMode.WHOLE_WORD, -1); // the same pattern twice: both payloads reported
                PatternMatcher<Integer> m = b.build();
                List<String> texts = new ArrayList<>(comments);
                for (int i = 0; i < 12_000; i++) {
                    texts.add(randomText(r, terms));
                }
                for (String text : texts) {
                    assertSameNormalisation(options, text);
                    List<Match<Integer>> expected = m.findAllReference(text);
                    assertThat(m.findAll(text)).as("%s %s \"%s\"", options, policy, text).isEqualTo(expected);
                    List<Seen> handed = new ArrayList<>();
                    int count = m.forEachMatch(text, (payload, start, end) -> handed.add(new Seen(payload, start, end)));
                    assertThat(handed).as("forEachMatch, %s %s \"%s\"", options, policy, text)
                            .isEqualTo(expected.stream().map(x -> new Seen(x.payload(), x.start(), x.end())).toList());
                    assertThat(count).isEqualTo(expected.size());
                    compared++;
                    matched += expected.size();
                }
            }
        }
        assertThat(compared).isEqualTo(OPTIONS.size() * 2L * 16_000);
        assertThat(matched).as("the texts must hit patterns for the comparison to mean something").isGreaterThan(100_000);
    }

    @Test
    @DisplayName("mixed modes (whole word beside prefix, suffix and anywhere patterns, widened to their word): "
            + "the same matches")
    void mixedModes() {
        Random r = new Random(11L);
        List<String> terms = terms(r);
        PatternMatcher.Builder<Integer> b = PatternMatcher.<Integer>builder();
        for (int i = 0; i < terms.size(); i++) {
            MatchMode mode = i % 3 == 0 ? MatchMode.values()[r.nextInt(MatchMode.values().length)] : MatchMode.WHOLE_WORD;
            b.add(terms.get(i), mode, i);
        }
        PatternMatcher<Integer> m = b.build();
        long matched = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(r, terms);
            assertThat(m.findAll(text)).as("\"%s\"", text).isEqualTo(m.findAllReference(text));
            List<Seen> expected = m.findAll(text).stream().map(x -> new Seen(x.payload(), x.start(), x.end())).toList();
            List<Seen> handed = new ArrayList<>();
            m.forEachMatch(text, (payload, start, end) -> handed.add(new Seen(payload, start, end)));
            assertThat(handed).as("\"%s\"", text).isEqualTo(expected);
            matched += expected.size();
        }
        assertThat(matched).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("a few patterns that need no word start (as a lexicon's \".com\" and emoji), with whole words: the scan "
            + "that passes over the characters no pattern starts with finds the same matches, in texts and their pieces")
    void fewFloatingPatterns() {
        Random r = new Random(17L);
        List<String> terms = terms(r);
        PatternMatcher.Builder<Integer> b = PatternMatcher.<Integer>builder();
        for (int i = 0; i < terms.size(); i++) {
            b.add(terms.get(i), MatchMode.WHOLE_WORD, i);
        }
        b.add(".com", MatchMode.ANYWHERE, -1);
        b.add("\uD83D\uDD95", MatchMode.WHOLE_WORD, -2); // 🖕
        b.add("ard", MatchMode.SUFFIX, -3);
        b.add("-x", MatchMode.WHOLE_WORD, -4);
        b.add("lol", MatchMode.ANYWHERE, -5); // a leet 1 reads i first, l second: only the second reading starts it
        PatternMatcher<Integer> m = b.build();
        String[] floating = {".com", ".c0m", "..com", ". com", "\uD83D\uDD95", "\uD83D\uDD95\uD83D\uDD95", "connard", "c0nn4rd",
            "-x", "--x", "www.exemple.com/a", "a.coom", "\uD83D\uDE00", "bat.com.", "ard", "aaard",
            "1o1", "x1olx", "l0000l", "lol", "c.c0000m", "4rd"};
        long matched = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(randomText(r, terms));
            for (int k = r.nextInt(4); k > 0; k--) {
                text.insert(r.nextInt(text.length() + 1), floating[r.nextInt(floating.length)]);
            }
            List<Match<Integer>> expected = m.findAllReference(text);
            assertThat(m.findAll(text)).as("\"%s\"", text).isEqualTo(expected);
            matched += expected.stream().filter(x -> x.payload() < 0).count();
        }
        assertThat(matched).as("matches of the patterns that need no word start").isGreaterThan(10_000);
    }

    private static void assertSameNormalisation(NormalizationOptions options, String text) {
        NormalizerEngine engine = TextNormalizer.of(options).engine();
        NormalizerEngine.Workspace ws = NormalizerEngine.workspace();
        String expected = describe(engine.normalize(text, ws, true));
        String actual = describe(engine.normalize(text, ws, false));
        assertThat(actual).as("%s \"%s\"", options, text).isEqualTo(expected);
    }

    /** Characters, offsets and second readings of a normalised buffer. */
    private static String describe(Buffer b) {
        int n = b.length;
        return new String(b.chars, 0, n) + Arrays.toString(Arrays.copyOf(b.starts, n))
                + Arrays.toString(Arrays.copyOf(b.ends, n)) + (b.hasAlt ? new String(b.alt, 0, n) : "");
    }

    @Test
    @DisplayName("a handler that scans again on the same thread gets its own matches intact")
    void reentrantHandler() {
        PatternMatcher<String> m = PatternMatcher.<String>builder()
                .add("connard", MatchMode.WHOLE_WORD, "insult")
                .add("sale con", MatchMode.WHOLE_WORD, "insult")
                .add("arnaque", MatchMode.WHOLE_WORD, "scam")
                .build();
        List<String> outer = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        String text = "sale con, C0NNNARD et @rnaque";
        int count = m.forEachMatch(text, (payload, start, end) -> {
            outer.add(payload + "@" + start + "-" + end + "=" + text.substring(start, end));
            m.forEachMatch("quelle arnaque", (p2, s2, e2) -> inner.add(p2 + "@" + s2 + "-" + e2));
        });
        assertThat(outer).containsExactly("insult@0-8=sale con", "insult@10-18=C0NNNARD", "scam@22-29=@rnaque");
        assertThat(count).isEqualTo(3);
        assertThat(inner).containsExactly("scam@7-14", "scam@7-14", "scam@7-14");
    }
}
