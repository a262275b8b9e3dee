package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PatternMatcher")
class PatternMatcherTest {

    private static PatternMatcher<String> words(String... patterns) {
        PatternMatcher.Builder<String> b = PatternMatcher.builder();
        for (String p : patterns) {
            b.add(p, MatchMode.WHOLE_WORD, p);
        }
        return b.build();
    }

    /** The original text of each match. */
    private static List<String> highlighted(PatternMatcher<?> m, String text) {
        return m.findAll(text).stream().map(Match::text).toList();
    }

    @Nested
    @DisplayName("evasions in moderation (strict matching)")
    class Evasions {

        private final PatternMatcher<String> m = words("fuck", "connard", "arnaque", "con", "tit", "hink", "ass", "cool");

        @Test
        @DisplayName("𝐟𝐮𝐜𝐤 and Ⓕⓤⓒⓚ match 'fuck', and the match spans the styled letters")
        void styled() {
            String text = "so 𝐟𝐮𝐜𝐤 this and Ⓕⓤⓒⓚ that";
            assertThat(m.findAll(text))
                    .extracting(Match::pattern, Match::start, Match::end, Match::text)
                    .containsExactly(tuple("fuck", 3, 11, "𝐟𝐮𝐜𝐤"), tuple("fuck", 21, 25, "Ⓕⓤⓒⓚ"));
        }

        @Test
        @DisplayName("a Cyrillic с in 'сonnard' matches 'connard'")
        void cyrillic() {
            assertThat(highlighted(m, "espèce de \u0441onnard")).containsExactly("\u0441onnard");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"c0nn4rd", "C0NN4RD", "c0nnnnn4rd", "ᴄᴏɴɴᴀʀᴅ", "c o n n a r d", "c.o.n.n.a.r.d", "connärd"})
        @DisplayName("leet, small capitals, repeats, spacing and accents all match 'connard', highlighting the whole disguise")
        void connard(String disguise) {
            assertThat(highlighted(m, "t'es qu'un " + disguise + " !")).containsExactly(disguise);
        }

        @Test
        @DisplayName("'@rnaque' matches 'arnaque', and so does 'arnaqué'")
        void arnaque() {
            assertThat(highlighted(m, "c'est une @rnaque")).containsExactly("@rnaque");
            assertThat(highlighted(m, "quelle arnaqué")).containsExactly("arnaqué");
        }

        @Test
        @DisplayName("f.u.c.k, f u c k, f-u-c-k, f_u_c_k and f*u*c*k match 'fuck'")
        void spaced() {
            assertThat(highlighted(m, "f.u.c.k f u c k f-u-c-k f_u_c_k f*u*c*k"))
                    .containsExactly("f.u.c.k", "f u c k", "f-u-c-k", "f_u_c_k", "f*u*c*k");
        }

        @Test
        @DisplayName("'don't i think' matches neither 'tit' nor 'hink', and 'as set' does not make 'ass'")
        void noJoinedWords() {
            assertThat(m.findAll("don't i think so")).isEmpty();
            assertThat(m.findAll("as set, a s s e t")).isEmpty();
        }

        @Test
        @DisplayName("'fuuuuuck' matches 'fuck', 'connnnard' matches 'connard', 'cool' and 'coooool' match 'cool'")
        void repeats() {
            assertThat(highlighted(m, "fuuuuuck connnnard cool coooool"))
                    .containsExactly("fuuuuuck", "connnnard", "cool", "coooool");
        }

        @Test
        @DisplayName("trailing repeats are part of the highlight: 'connardddd'")
        void trailingRepeats() {
            assertThat(highlighted(m, "connardddd!")).containsExactly("connardddd");
        }

        @Test
        @DisplayName("a 1 reads as i or l: 'sh1t' and 'pu1e' both match")
        void ambiguousOne() {
            PatternMatcher<String> m2 = words("shit", "pute", "kill", "idiot");
            assertThat(highlighted(m2, "sh1t k1ll 1d1ot pu1e")).containsExactly("sh1t", "k1ll", "1d1ot");
            assertThat(highlighted(words("pule"), "pu1e")).containsExactly("pu1e");
        }

        @Test
        @DisplayName("numbers are not read as letters: '1' does not match 'i', '2024' stays a number")
        void numbers() {
            assertThat(words("i", "l").findAll("1 fois")).isEmpty();
            assertThat(highlighted(words("2024"), "en 2024 !")).containsExactly("2024");
        }

        @Test
        @DisplayName("the Turkish İ before a match does not shift its offsets")
        void turkish() {
            String text = "İİİ İdiot connard";
            assertThat(m.findAll(text)).singleElement().satisfies(x -> {
                assertThat(x.text()).isEqualTo("connard");
                assertThat(x.start()).isEqualTo(10);
            });
        }
    }

    @Nested
    @DisplayName("modes (the Scunthorpe problem)")
    class Modes {

        private final PatternMatcher<String> m = PatternMatcher.<String>builder()
                .add("con", MatchMode.WHOLE_WORD, "whole")
                .add("arnaq", MatchMode.PREFIX, "prefix")
                .add("phobe", MatchMode.SUFFIX, "suffix")
                .add("scam", MatchMode.ANYWHERE, "anywhere")
                .build();

        @Test
        @DisplayName("'con' as a whole word matches 'con' but not 'constitution', 'second' or 'icon'")
        void wholeWord() {
            assertThat(m.findAll("la constitution, une seconde, an icon")).isEmpty();
            assertThat(highlighted(m, "quel CON, ce con-là")).containsExactly("CON", "con");
        }

        @Test
        @DisplayName("a prefix matches at the start of a word only, and highlights the whole word")
        void prefix() {
            assertThat(m.findAll("arnaqueurs, @rnaqué, arnaq")).extracting(Match::text)
                    .containsExactly("arnaqueurs", "@rnaqué", "arnaq");
            assertThat(m.findAll("larnaque")).isEmpty();
        }

        @Test
        @DisplayName("a suffix matches at the end of a word only, and highlights the whole word")
        void suffix() {
            assertThat(highlighted(m, "homophobe, phobes")).containsExactly("homophobe");
            assertThat(m.findAll("homophobe").get(0).start()).isEqualTo(0);
        }

        @Test
        @DisplayName("anywhere matches inside words")
        void anywhere() {
            assertThat(highlighted(m, "antiscammer")).containsExactly("scam");
        }

        @Test
        @DisplayName("an optional character is a boundary when read as absent: '@connard' and 'connnn' are whole words")
        void optionalBoundaries() {
            PatternMatcher<String> strict = words("connard", "con");
            assertThat(highlighted(strict, "salut @connard")).contains("connard");
            assertThat(highlighted(strict, "quel connnn")).containsExactly("connnn");
        }

        @Test
        @DisplayName("a pattern edge that is not a letter needs no boundary: #hashtags and emoji")
        void nonWordEdges() {
            PatternMatcher<String> tags = PatternMatcher.<String>builder()
                    .normalization(NormalizationOptions.TEXT_SEARCH)
                    .add("#boycott", MatchMode.WHOLE_WORD, "tag")
                    .add("🤮", MatchMode.WHOLE_WORD, "emoji")
                    .build();
            assertThat(highlighted(tags, "go#Boycott ça 🤮🤮")).containsExactly("#Boycott", "🤮", "🤮");
            assertThat(tags.findAll("#boycottage")).isEmpty();
        }
    }

    @Nested
    @DisplayName("phrases")
    class Phrases {

        @Test
        @DisplayName("a phrase matches across any whitespace, line breaks included")
        void whitespace() {
            PatternMatcher<String> m = words("sale con", "give away");
            assertThat(highlighted(m, "espèce de SALE\n  CON")).containsExactly("SALE\n  CON");
            assertThat(highlighted(m, "free Give   Away!")).containsExactly("Give   Away");
        }

        @Test
        @DisplayName("a phrase is whole-word at both ends only")
        void wholeWordEnds() {
            PatternMatcher<String> m = words("sale con");
            assertThat(m.findAll("sale connard")).isEmpty();
            assertThat(m.findAll("vaisselle sale con")).hasSize(1);
        }

        @Test
        @DisplayName("patterns are normalised like the text: 'SALE  CON' as a pattern matches 'sale con'")
        void normalisedPatterns() {
            assertThat(words("SALE  CÖN").findAll("sale con")).hasSize(1);
        }
    }

    @Nested
    @DisplayName("overlaps and payloads")
    class Overlaps {

        @Test
        @DisplayName("ALL reports every occurrence, ordered by start and longer first")
        void all() {
            PatternMatcher<String> m = words("sale con", "con", "sale");
            assertThat(m.findAll("sale con")).extracting(Match::pattern).containsExactly("sale con", "sale", "con");
        }

        @Test
        @DisplayName("LEFTMOST_LONGEST keeps non-overlapping matches, the longest at each start")
        void leftmostLongest() {
            PatternMatcher<String> m = PatternMatcher.<String>builder()
                    .overlap(OverlapPolicy.LEFTMOST_LONGEST)
                    .add("sale con", MatchMode.WHOLE_WORD, "phrase")
                    .add("con", MatchMode.WHOLE_WORD, "word")
                    .add("sale", MatchMode.WHOLE_WORD, "word")
                    .add("con de", MatchMode.WHOLE_WORD, "phrase")
                    .build();
            assertThat(m.findAll("sale con de merde")).extracting(Match::pattern).containsExactly("sale con");
        }

        @Test
        @DisplayName("the same term in two categories reports both, under either policy")
        void samePatternTwice() {
            for (OverlapPolicy policy : OverlapPolicy.values()) {
                PatternMatcher<String> m = PatternMatcher.<String>builder()
                        .overlap(policy)
                        .add("escroc", MatchMode.WHOLE_WORD, "insult")
                        .add("escroc", MatchMode.WHOLE_WORD, "defamation")
                        .build();
                assertThat(m.findAll("des escrocs et un escroc")).extracting(Match::payload)
                        .containsExactlyInAnyOrder("insult", "defamation");
            }
        }

        @Test
        @DisplayName("a match reached through two readings is reported once")
        void noDuplicates() {
            assertThat(words("kill").findAll("k111")).hasSize(1);
        }

        @Test
        @DisplayName("payloads can be any object, a record with category and id for instance")
        void payloads() {
            record Term(String category, int id) {
            }
            PatternMatcher<Term> m = PatternMatcher.<Term>builder()
                    .add("scam", MatchMode.WHOLE_WORD, new Term("scam", 7))
                    .build();
            assertThat(m.findFirst("total SCAM")).hasValueSatisfying(x -> assertThat(x.payload()).isEqualTo(new Term("scam", 7)));
            assertThat(m.matches("scampi")).isFalse();
        }
    }

    @Nested
    @DisplayName("building and sharing")
    class Building {

        @Test
        @DisplayName("a blank pattern, or one that normalises to nothing, is refused")
        void blank() {
            assertThatThrownBy(() -> PatternMatcher.<String>builder().add("  ", MatchMode.WHOLE_WORD, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PatternMatcher.<String>builder().add("\u200B", MatchMode.WHOLE_WORD, "x").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty once normalised");
        }

        @Test
        @DisplayName("long and pathological texts are matched without trouble")
        void longTexts() {
            PatternMatcher<String> m = PatternMatcher.<String>builder()
                    .add("kill", MatchMode.WHOLE_WORD, "w")
                    .add("ill", MatchMode.ANYWHERE, "a")
                    .add("aaab", MatchMode.ANYWHERE, "a")
                    .build();
            String many = "you kill me. ".repeat(20_000);
            assertThat(m.findAll(many)).hasSize(40_000);
            // 5,000 ones read i or l each: "ill" is everywhere inside, "kill" is not a whole word.
            List<Match<String>> ones = m.findAll("k" + "1".repeat(5_000));
            assertThat(ones).extracting(Match::pattern).containsOnly("ill").hasSize(4_998);
            assertThat(m.findAll("a".repeat(100_000) + "b")).extracting(Match::end).containsExactly(100_001);
            assertThat(m.findAll("k1ll " + "1a".repeat(10_000))).extracting(Match::text).contains("k1ll", "1ll");
        }

        @Test
        @DisplayName("an empty matcher matches nothing")
        void empty() {
            assertThat(PatternMatcher.<String>builder().build().findAll("anything")).isEmpty();
        }

        @Test
        @DisplayName("an already normalised text can be matched, but only with the same options")
        void normalisedText() {
            PatternMatcher<String> m = words("connard");
            NormalizedText t = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING).normalize("C0NNARD");
            assertThat(m.findAll(t)).extracting(Match::text).containsExactly("C0NNARD");
            NormalizedText other = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH).normalize("connard");
            assertThatThrownBy(() -> m.findAll(other)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("one matcher serves many threads at once with the same results")
        void threads() throws Exception {
            List<String> lexicon = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                lexicon.add("mot" + Integer.toString(i, 36) + "x");
            }
            PatternMatcher<String> m = PatternMatcher.<String>builder().addAll(lexicon, MatchMode.WHOLE_WORD, "w").build();
            String text = "un mot1x, un m0t2x et un mot3xx, MOTAX " + "c".repeat(40);
            List<Match<String>> expected = m.findAll(text);
            // Several lexicon entries read the same once normalised (mot1x, motix, motlx): each is reported.
            assertThat(expected).extracting(Match::pattern).contains("mot1x", "motix", "motlx", "mot2x", "motax");
            assertThat(expected).extracting(Match::text).containsOnly("mot1x", "m0t2x", "mot3xx", "MOTAX");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 2000; i++) {
                            if (!m.findAll(text).equals(expected)) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
