package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("TextNormalizer")
class TextNormalizerTest {

    private static final TextNormalizer STRICT = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING);
    private static final TextNormalizer SEARCH = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH);

    private static String strict(String s) {
        return STRICT.normalize(s).text();
    }

    /** The original text behind normalised characters [start, end). */
    private static String back(NormalizedText n, int start, int end) {
        return n.toOriginal(start, end).of(n.original());
    }

    @Nested
    @DisplayName("NFKC and case folding")
    class CaseAndCompatibility {

        @Test
        @DisplayName("the Turkish dotted capital İ folds to one 'i' and offsets after it stay right")
        void turkishDottedI() {
            NormalizedText n = STRICT.normalize("İSTANBUL İzmir");
            assertThat(n.text()).isEqualTo("istanbul izmir");
            assertThat(n.length()).isEqualTo(n.original().length());
            assertThat(back(n, 9, 14)).isEqualTo("İzmir");
            // String.toLowerCase would have made İ two characters and shifted everything after it.
            assertThat("İ".toLowerCase(java.util.Locale.ROOT)).hasSize(2);
        }

        @Test
        @DisplayName("the Turkish İ folds to 'i' even when diacritics are kept")
        void turkishWithoutStripping() {
            NormalizedText n = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING.withStripDiacritics(false)).normalize("İyi");
            assertThat(n.text()).isEqualTo("iyi");
        }

        @Test
        @DisplayName("mathematical bold, script and fraktur letters become plain letters spanning their surrogate pairs")
        void mathematicalStyles() {
            NormalizedText n = STRICT.normalize("𝐟𝐮𝐜𝐤 𝓯𝓾𝓬𝓴 𝔣𝔲𝔠𝔨");
            assertThat(n.text()).isEqualTo("fuck fuck fuck");
            assertThat(n.toOriginal(0, 1)).isEqualTo(new Span(0, 2));
            assertThat(back(n, 5, 9)).isEqualTo("𝓯𝓾𝓬𝓴");
        }

        @Test
        @DisplayName("circled, parenthesised and fullwidth letters become plain letters")
        void circledAndFullwidth() {
            assertThat(strict("Ⓕⓤⓒⓚ ⓕ ⒡⒰⒞⒦ ＦＵＣＫ")).isEqualTo("fuck f fuck fuck");
        }

        @Test
        @DisplayName("typographic apostrophes and hyphens read as the ASCII ones")
        void apostrophes() {
            assertThat(strict("l\u2019arnaque peut\u2010être")).isEqualTo("l'arnaque peut-etre");
        }

        @Test
        @DisplayName("a ligature becomes two letters that both map back to the ligature")
        void ligature() {
            NormalizedText n = STRICT.normalize("ﬁnance");
            assertThat(n.text()).isEqualTo("finance");
            assertThat(back(n, 0, 1)).isEqualTo("ﬁ");
            assertThat(back(n, 1, 2)).isEqualTo("ﬁ");
        }

        @Test
        @DisplayName("ß folds to ss, final sigma to sigma")
        void fullFolds() {
            assertThat(strict("Straße")).isEqualTo("strasse");
            assertThat(TextNormalizer.of(NormalizationOptions.NONE.withCaseFold(true)).normalize("ΛΌΓΟΣ λόγος").text())
                    .isEqualTo("λόγοσ λόγοσ");
        }

        @Test
        @DisplayName("whitespace runs of any kind collapse to one space mapping back to the whole run")
        void whitespace() {
            NormalizedText n = TextNormalizer.of(NormalizationOptions.NONE).normalize("sale \u00A0\n\tcon");
            assertThat(n.text()).isEqualTo("sale con");
            assertThat(back(n, 4, 5)).isEqualTo(" \u00A0\n\t");
        }

        @Test
        @DisplayName("with every step off, the text is unchanged apart from whitespace")
        void none() {
            assertThat(TextNormalizer.of(NormalizationOptions.NONE).normalize("Ça C0ûte 𝐟").text()).isEqualTo("Ça C0ûte 𝐟");
        }
    }

    @Nested
    @DisplayName("diacritics")
    class Diacritics {

        @Test
        @DisplayName("accents go: 'arnaqué' reads 'arnaque', precomposed or decomposed")
        void accents() {
            assertThat(strict("arnaqué")).isEqualTo("arnaque");
            NormalizedText n = STRICT.normalize("arnaque\u0301 !");
            assertThat(n.text()).isEqualTo("arnaque !");
            assertThat(back(n, 6, 7)).isEqualTo("e\u0301"); // the letter covers its combining accent
        }

        @Test
        @DisplayName("French and other Latin letters spell plainly: œ, æ, ø, ł, ç")
        void ligaturesAndStrokes() {
            assertThat(strict("Cœur Ærø Łódź ça")).isEqualTo("coeur aero lodz ca");
        }

        @Test
        @DisplayName("with diacritics kept, a decomposed accent is composed so it matches the precomposed one")
        void composedWhenKept() {
            TextNormalizer keep = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH.withStripDiacritics(false));
            NormalizedText n = keep.normalize("arnaque\u0301");
            assertThat(n.text()).isEqualTo("arnaqué");
            assertThat(back(n, 6, 7)).isEqualTo("e\u0301");
        }
    }

    @Nested
    @DisplayName("confusable letters")
    class Confusables {

        @Test
        @DisplayName("a Cyrillic с in 'сonnard' reads as a Latin c")
        void cyrillic() {
            assertThat(strict("\u0441onnard")).isEqualTo("connard");
            assertThat(strict("раypаl")).isEqualTo("paypal");
        }

        @Test
        @DisplayName("Greek look-alikes, upper and lower case, read as Latin letters")
        void greek() {
            assertThat(strict("ΗΕΙΙΟ")).isEqualTo("heiio");
            assertThat(strict("ιdιοτ")).isEqualTo("idiot");
        }

        @Test
        @DisplayName("small capitals and negative circled letters read as letters")
        void smallCapsAndNegative() {
            assertThat(strict("ᴄᴏɴɴᴀʀᴅ")).isEqualTo("connard");
            assertThat(strict("\uD83C\uDD75\uD83C\uDD84\uD83C\uDD72\uD83C\uDD7A")).isEqualTo("fuck"); // 🅵🆄🅲🅺
        }

        @Test
        @DisplayName("zero-width characters slipped inside a word are removed")
        void invisible() {
            NormalizedText n = STRICT.normalize("con\u200Bnard");
            assertThat(n.text()).isEqualTo("connard");
            assertThat(back(n, 0, 7)).isEqualTo("con\u200Bnard");
        }

        @Test
        @DisplayName("text search leaves other scripts alone")
        void searchKeepsScripts() {
            assertThat(SEARCH.normalize("Москва").text()).isEqualTo("москва");
        }
    }

    @Nested
    @DisplayName("leetspeak")
    class Leetspeak {

        @ParameterizedTest(name = "{0} reads {1}")
        @CsvSource({
                "c0nn4rd, connard",
                "@rnaque, arnaque",
                "$alope, salope",
                "5h1t, shit",
                "3sc7oc, esctoc",
                "l33t, leet"
        })
        @DisplayName("digits and symbols inside a word with letters read as letters")
        void inWords(String in, String out) {
            assertThat(strict(in)).isEqualTo(out);
        }

        @Test
        @DisplayName("numbers on their own stay numbers")
        void numbers() {
            assertThat(strict("2024 1 100% 3,5 $100 @ 10")).isEqualTo("2024 1 100% 3,5 $100 @ 10");
        }

        @Test
        @DisplayName("a 1 reads i first and l as its alternative")
        void oneIsAmbiguous() {
            NormalizedText n = STRICT.normalize("1d1ot");
            assertThat(n.text()).isEqualTo("idiot");
            assertThat(n.alternativeAt(0)).contains('l');
            assertThat(n.alternativeAt(1)).isEmpty();
        }

        @Test
        @DisplayName("an @ or $ at a word's edge may also be read as absent")
        void edgeSymbolsOptional() {
            NormalizedText n = STRICT.normalize("@rnaque");
            assertThat(n.isOptional(0)).isTrue();
            assertThat(n.isOptional(1)).isFalse();
        }

        @Test
        @DisplayName("text search does no leetspeak")
        void notInSearch() {
            assertThat(SEARCH.normalize("c0nn4rd @marie").text()).isEqualTo("c0nn4rd @marie");
        }
    }

    @Nested
    @DisplayName("repeated letters")
    class Repeats {

        @Test
        @DisplayName("a letter three times or more reads as the letter and one optional copy covering the rest")
        void runOfThree() {
            NormalizedText n = STRICT.normalize("fuuuuuck");
            assertThat(n.text()).isEqualTo("fuuck");
            assertThat(n.isOptional(1)).isFalse();
            assertThat(n.isOptional(2)).isTrue();
            assertThat(back(n, 2, 3)).isEqualTo("uuuu");
        }

        @Test
        @DisplayName("a double letter is left alone: 'cool' stays 'cool'")
        void doubleLetter() {
            NormalizedText n = STRICT.normalize("cool connard");
            assertThat(n.text()).isEqualTo("cool connard");
            for (int i = 0; i < n.length(); i++) {
                assertThat(n.isOptional(i)).isFalse();
            }
        }

        @Test
        @DisplayName("repeated digits and punctuation are not collapsed")
        void notDigits() {
            assertThat(strict("1000 !!!!")).isEqualTo("1000 !!!!");
        }
    }

    @Nested
    @DisplayName("separators inside a word")
    class SpacedLetters {

        @ParameterizedTest(name = "\"{0}\" reads \"{1}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "f.u.c.k | fuck",
                "f u c k | fuck",
                "f-u-c-k | fuck",
                "f_u_c_k | fuck",
                "f*u*c*k | fuck",
                "f . u . c . k | fuck",
                "quel c o n n a r d ! | quel connard !",
                "a s s e t | a sset",
                "s.v.p | svp",
                "5 h 1 t | shit",
                "f u c k f-u-c-k | fuck fuck",
                "I a m s.v.p | i a m svp",
                "c o n | con",
                "a s s | ass",
                "y a t i l | y atil"
        })
        @DisplayName("three or more single letters, each time with the same separator, are joined; "
                + "three spaced letters of which two are one-letter words (a, à, y, i, o, ô) are words")
        void joined(String in, String out) {
            assertThat(strict(in)).isEqualTo(out);
        }

        @ParameterizedTest(name = "\"{0}\" stays \"{0}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "don't i think | don't i think",
                "as set | as set",
                "à la | a la",
                "il y a | il y a",
                "y a t il | y a t il",
                "l'a vu | l'a vu",
                "c'est | c'est",
                "a b | a b",
                "f.u-c k | f.u-c k",
                "1 2 3 | 1 2 3",
                "2.0.2.4 | 2.0.2.4"
        })
        @DisplayName("real words are never joined, nor two single letters, nor mixed separators, nor numbers")
        void notJoined(String in, String out) {
            assertThat(strict(in)).isEqualTo(out);
        }

        @Test
        @DisplayName("a leading 'a' or 'I' may be a word of its own, and three letters such as 'g a y' may be one word:"
                + " the space is optional, both readings match")
        void optionalSpaces() {
            PatternMatcher<String> m = PatternMatcher.<String>builder().add("bitch", MatchMode.WHOLE_WORD, "b")
                    .add("asshole", MatchMode.WHOLE_WORD, "a").add("ass", MatchMode.WHOLE_WORD, "x")
                    .add("gay people", MatchMode.WHOLE_WORD, "g").add("iam", MatchMode.WHOLE_WORD, "i").build();
            String text = "nothing but a b i t c h";
            assertThat(m.findAll(text)).extracting(Match::pattern, Match::text).containsExactly(tuple("bitch", "b i t c h"));
            assertThat(m.findAll("a s s h o l e")).extracting(Match::pattern, Match::text)
                    .containsExactly(tuple("asshole", "a s s h o l e"));
            assertThat(m.findAll("you g a y people")).extracting(Match::pattern, Match::text)
                    .containsExactly(tuple("gay people", "g a y people"));
            assertThat(m.findAll("a s s e t")).isEmpty();
            NormalizedText n = STRICT.normalize("you g a y");
            assertThat(n.text()).isEqualTo("you g a y");
            assertThat(n.isOptional(5)).isTrue();
            assertThat(n.isOptional(7)).isTrue();
            assertThat(STRICT.normalize("nothing but a b i t c h").isOptional(13)).isTrue();
        }

        @Test
        @DisplayName("'don't i think' is left whole: no 'tit' from t, i, t")
        void dontIThink() {
            assertThat(strict("don't i think")).isEqualTo("don't i think");
            assertThat(strict("can't i t")).isEqualTo("can't i t");
        }

        @Test
        @DisplayName("joined letters map back to the whole spaced-out word")
        void offsets() {
            NormalizedText n = STRICT.normalize("you f . u . c . k");
            assertThat(n.text()).isEqualTo("you fuck");
            assertThat(back(n, 4, 8)).isEqualTo("f . u . c . k");
        }
    }

    @Nested
    @DisplayName("switching steps off")
    class Switches {

        private String without(java.util.function.UnaryOperator<NormalizationOptions> off, String text) {
            return TextNormalizer.of(off.apply(NormalizationOptions.STRICT_MATCHING)).normalize(text).text();
        }

        @Test
        @DisplayName("each step can be switched off on its own, leaving the others at work")
        void eachStep() {
            assertThat(without(o -> o.withNfkc(false), "𝐟Ü")).isEqualTo("𝐟u");
            assertThat(without(o -> o.withCaseFold(false), "Ünö")).isEqualTo("Uno");
            assertThat(without(o -> o.withStripDiacritics(false), "Ünö")).isEqualTo("ünö");
            assertThat(without(o -> o.withConfusables(false), "\u0441on")).isEqualTo("\u0441on");
            assertThat(without(o -> o.withLeetspeak(false), "c0n")).isEqualTo("c0n");
            assertThat(without(o -> o.withCollapseRepeats(false), "cooool")).isEqualTo("cooool");
            assertThat(without(o -> o.withJoinSpacedLetters(false), "f.u.c.k")).isEqualTo("f.u.c.k");
        }

        @Test
        @DisplayName("the presets: strict matching has every step, text search no guessing, none nothing")
        void presets() {
            assertThat(NormalizationOptions.STRICT_MATCHING)
                    .isEqualTo(new NormalizationOptions(true, true, true, true, true, true, true));
            assertThat(NormalizationOptions.TEXT_SEARCH)
                    .isEqualTo(new NormalizationOptions(true, true, true, false, false, true, false));
            assertThat(NormalizationOptions.NONE)
                    .isEqualTo(new NormalizationOptions(false, false, false, false, false, false, false));
        }
    }

    @Nested
    @DisplayName("the map back to the original")
    class Offsets {

        @Test
        @DisplayName("an empty range maps to an empty span where it sits")
        void empty() {
            NormalizedText n = STRICT.normalize("ab");
            assertThat(n.toOriginal(1, 1)).isEqualTo(new Span(1, 1));
            assertThat(n.toOriginal(2, 2)).isEqualTo(new Span(2, 2));
            assertThat(STRICT.normalize("").toOriginal(0, 0)).isEqualTo(new Span(0, 0));
        }

        @Test
        @DisplayName("a range outside the normalised text is refused")
        void outside() {
            NormalizedText n = STRICT.normalize("ab");
            assertThatThrownBy(() -> n.toOriginal(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> n.toOriginal(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        @DisplayName("an emoji stays whole and maps back to both halves of its surrogate pair")
        void emoji() {
            NormalizedText n = STRICT.normalize("ok 😡");
            assertThat(n.text()).isEqualTo("ok 😡");
            assertThat(back(n, 3, 4)).isEqualTo("😡");
        }
    }
}
