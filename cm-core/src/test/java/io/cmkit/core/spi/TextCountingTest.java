package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("TextCounting")
class TextCountingTest {

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦
    private static final String E_ACUTE_DECOMPOSED = "e\u0301";
    private static final String FRENCH_FLAG = "\uD83C\uDDEB\uD83C\uDDF7"; // 🇫🇷
    private static final String URL_60 = "https://cafe-lumiere.fr/carte/printemps-2026/latte-lavande-2";

    @Nested
    @DisplayName("Bluesky: graphemes")
    class Bluesky {

        private final TextCounting graphemes = TextCounting.graphemes();

        @Test
        @DisplayName("a family emoji is one grapheme, though seven code points")
        void family() {
            assertThat(graphemes.count(FAMILY)).isEqualTo(1);
            assertThat(TextCounting.codePoints().count(FAMILY)).isEqualTo(7);
        }

        @Test
        @DisplayName("'e' and a combining acute accent are one grapheme")
        void combiningMark() {
            assertThat(graphemes.count(E_ACUTE_DECOMPOSED)).isEqualTo(1);
            assertThat(graphemes.count("caf" + E_ACUTE_DECOMPOSED)).isEqualTo(4);
        }

        @Test
        @DisplayName("a flag and a skin-toned emoji are one grapheme each")
        void flagsAndSkinTones() {
            assertThat(graphemes.count(FRENCH_FLAG)).isEqualTo(1);
            assertThat(graphemes.count("\uD83D\uDC4D\uD83C\uDFFD")).isEqualTo(1); // 👍🏽
        }

        @Test
        @DisplayName("a 300-grapheme text fits and a 301-grapheme one is over by one")
        void limit() {
            PlatformLimits limits = PlatformLimits.defaultsFor(Platform.BLUESKY);
            String fits = "a".repeat(299) + FAMILY;
            String over = "a".repeat(300) + FAMILY;

            assertThat(limits.check(PostVariant.text(Platform.BLUESKY, fits))).isEmpty();
            assertThat(limits.check(PostVariant.text(Platform.BLUESKY, over)))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.limit()).isEqualTo("text length");
                        assertThat(v.allowed()).isEqualTo(300);
                        assertThat(v.actual()).isEqualTo(301);
                        assertThat(v.excess()).isEqualTo(1);
                        assertThat(v.message()).isEqualTo("Bluesky: text length is 301 graphemes, limit 300 (1 over)");
                    });
        }

        @Test
        @DisplayName("says what it counts")
        void description() {
            assertThat(graphemes.description()).isEqualTo("graphemes");
        }
    }

    @Nested
    @DisplayName("Mastodon: graphemes, with links as 23 and remote mentions without their domain")
    class Mastodon {

        private final TextCounting mastodon = PlatformLimits.defaultsFor(Platform.MASTODON).counting();

        @Test
        @DisplayName("a 60-character link counts 23")
        void link() {
            assertThat(URL_60).hasSize(60);
            assertThat(mastodon.count(URL_60)).isEqualTo(23);
            assertThat(mastodon.count("Nouveau : " + URL_60)).isEqualTo(10 + 23);
        }

        @Test
        @DisplayName("punctuation after a link is not part of it")
        void trailingPunctuation() {
            assertThat(mastodon.count("Voir " + URL_60 + ".")).isEqualTo(5 + 23 + 1);
            assertThat(mastodon.count("(" + URL_60 + ")")).isEqualTo(1 + 23 + 1);
        }

        @Test
        @DisplayName("a link glued to a word is not a link")
        void glued() {
            assertThat(mastodon.count("voir" + URL_60)).isEqualTo(64);
        }

        @Test
        @DisplayName("a link without a protocol counts as written")
        void noProtocol() {
            assertThat(mastodon.count("cafe-lumiere.fr/carte")).isEqualTo(21);
        }

        @Test
        @DisplayName("a remote mention counts without its domain")
        void remoteMention() {
            assertThat(mastodon.count("Merci @marie@mastodon.social !")).isEqualTo("Merci @marie !".length());
            assertThat(mastodon.count("@marie")).isEqualTo(6);
        }

        @Test
        @DisplayName("emoji count as people see them")
        void emoji() {
            assertThat(mastodon.count(FAMILY + " " + E_ACUTE_DECOMPOSED)).isEqualTo(3);
        }

        @Test
        @DisplayName("a 500-character text fits the default limit, and one more is over")
        void limit() {
            PlatformLimits limits = PlatformLimits.defaultsFor(Platform.MASTODON);
            String fits = "a".repeat(476) + " " + URL_60;

            assertThat(limits.lengthOf(fits)).isEqualTo(500);
            assertThat(limits.check(PostVariant.text(Platform.MASTODON, fits))).isEmpty();
            assertThat(limits.check(PostVariant.text(Platform.MASTODON, "b" + fits)))
                    .extracting(LimitViolation::message)
                    .containsExactly("Mastodon: text length is 501 characters (URLs count 23), limit 500 (1 over)");
        }

        @Test
        @DisplayName("an instance may reserve another length per link")
        void otherUrlLength() {
            assertThat(TextCounting.mastodon(30).count(URL_60)).isEqualTo(30);
            assertThat(TextCounting.mastodon(30).description()).isEqualTo("characters (URLs count 30)");
        }
    }

    @Nested
    @DisplayName("X: twitter-text v3 weighted length")
    class X {

        private final TextCounting x = TextCounting.xWeighted();
        private final PlatformLimits limits = PlatformLimits.defaultsFor(Platform.X);

        @Test
        @DisplayName("280 ASCII characters fit, 281 do not")
        void ascii() {
            assertThat(limits.check(PostVariant.text(Platform.X, "a".repeat(280)))).isEmpty();
            assertThat(limits.check(PostVariant.text(Platform.X, "a".repeat(281))))
                    .extracting(LimitViolation::message)
                    .containsExactly("X: text length is 281 weighted characters, limit 280 (1 over)");
        }

        @Test
        @DisplayName("CJK characters weigh 2: 140 fit, 141 make 282 and do not")
        void cjk() {
            assertThat(x.count("の".repeat(140))).isEqualTo(280);
            assertThat(limits.check(PostVariant.text(Platform.X, "の".repeat(141))))
                    .extracting(LimitViolation::message)
                    .containsExactly("X: text length is 282 weighted characters, limit 280 (2 over)");
        }

        @Test
        @DisplayName("an emoji weighs 2, whatever its code points")
        void emoji() {
            assertThat(x.count("\uD83D\uDE37")).isEqualTo(2); // 😷
            assertThat(x.count(FAMILY)).isEqualTo(2);
            assertThat(x.count("\uD83D\uDE4B\uD83C\uDFFD")).isEqualTo(2); // 🙋🏽
            assertThat(x.count(FRENCH_FLAG)).isEqualTo(2);
            assertThat(x.count("1\uFE0F\u20E3")).isEqualTo(2); // 1️⃣
            assertThat(x.count("\u2764\uFE0F")).isEqualTo(2); // ❤️
        }

        @Test
        @DisplayName("a link weighs 23, with or without a protocol")
        void links() {
            assertThat(x.count(URL_60)).isEqualTo(23);
            assertThat(x.count("http://test.com")).isEqualTo(23);
            assertThat(x.count("test.com")).isEqualTo(23);
            assertThat(x.count("cafe-lumiere.fr/carte")).isEqualTo(23);
            assertThat(x.count("Menu : " + URL_60 + " !")).isEqualTo(7 + 23 + 2);
        }

        @Test
        @DisplayName("punctuation after a link is counted apart from it")
        void trailingPunctuation() {
            assertThat(x.count("Visit https://example.com.")).isEqualTo(6 + 23 + 1);
            assertThat(x.count("(see https://example.com)")).isEqualTo(5 + 23 + 1);
            assertThat(x.count("https://en.wikipedia.org/wiki/Caf%C3%A9_(film)")).isEqualTo(23);
        }

        @Test
        @DisplayName("what only looks like a link counts as written")
        void notLinks() {
            assertThat(x.count("Node.js")).isEqualTo(7);
            assertThat(x.count("john.doe.gov@mail.com")).isEqualTo(21);
            assertThat(x.count("#test.com")).isEqualTo(9);
            assertThat(x.count("$twitter.com")).isEqualTo(12);
            assertThat(x.count("cafe-lumiere.fr")).isEqualTo(15); // a bare country-code domain needs a path
        }

        @Test
        @DisplayName("Latin letters, accents and common punctuation weigh 1, after NFC normalisation; others weigh 2")
        void latin() {
            assertThat(x.count("Café « déjà-vu » — 10")).isEqualTo(21);
            assertThat(x.count("A\u0301B")).isEqualTo(2);
            assertThat(x.count("€")).isEqualTo(2);
        }

        @Test
        @DisplayName("a joiner between Indic letters does not make an emoji")
        void indicJoiner() {
            assertThat(x.count("\u0915\u094D\u200D\u0937")).isEqualTo(4);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Regular Tweet with url                          | Hi http://test.co                                         | 26
                Just url                                        | http://test.co                                            | 23
                Count multiple URLs correctly                   | Test https://test.com test https://test.com test.com test | 86
                Count unicode emoji chars inside the BMP        | 😷👾😡🔥💩                                                 | 10
                Unicode 9.0 emoji                               | Unicode 9.0 emoji: 🤠; 💃; 💃🏾                             | 29
                Count a 64 character domain without protocol    | randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com | 68
                """)
        @DisplayName("matches twitter-text's conformance expectations")
        void conformance(String description, String text, int expected) {
            assertThat(x.count(text)).isEqualTo(expected);
        }

        @Test
        @DisplayName("matches twitter-text's conformance expectations for text that CSV cannot carry")
        void conformanceEscaped() {
            assertThat(x.count("H\uD83D\uDC31\u263A" + FAMILY)).isEqualTo(7);
            assertThat(x.count("\uD83D\uDE4B\uD83C\uDFFD\uD83D\uDC68\u200D\uD83C\uDFA4")).isEqualTo(4);
            assertThat(x.count(FAMILY.repeat(140))).isEqualTo(280);
            assertThat(x.count("This is a tweet with general punctuation characters: "
                    + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B"
                    + " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷")).isEqualTo(110);
            assertThat(x.count("ABC\u202A\uFFFFABC\uFFFE")).isEqualTo(12);
            assertThat(x.count("\u2066\u202Ahttp://foobar.پاکستان/\u202C\u2069")).isEqualTo(31);
            assertThat(x.count("Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; "
                    + "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F")).isEqualTo(34);
        }

        @Test
        @DisplayName("a host whose label is over 63 characters once encoded is not a link")
        void overlongHost() {
            String kana = "あいうえおかきくけこ";
            String prose = kana.repeat(12) + " ";

            assertThat(x.count(prose + "http://" + kana.repeat(5) + "あい.com")).isEqualTo(264);
            assertThat(x.count(prose + "http://" + kana.repeat(5) + "あいう.com")).isEqualTo(358);
        }

        @Test
        @DisplayName("says what it counts")
        void description() {
            assertThat(x.description()).isEqualTo("weighted characters");
        }
    }

    @Nested
    @DisplayName("plain counts")
    class Plain {

        @Test
        @DisplayName("code points count a family emoji as seven")
        void codePoints() {
            assertThat(TextCounting.codePoints().count("café" + FAMILY)).isEqualTo(11);
            assertThat(TextCounting.codePoints().description()).isEqualTo("characters");
        }

        @Test
        @DisplayName("code points with links as a fixed length")
        void codePointsWithUrls() {
            TextCounting counting = TextCounting.codePointsWithUrlsAs(23);

            assertThat(counting.count("Menu : " + URL_60 + " " + FAMILY)).isEqualTo(7 + 23 + 1 + 7);
            assertThat(counting.description()).isEqualTo("characters (URLs count 23)");
        }

        @Test
        @DisplayName("an empty text counts zero everywhere")
        void empty() {
            assertThat(TextCounting.graphemes().count("")).isZero();
            assertThat(TextCounting.xWeighted().count("")).isZero();
            assertThat(TextCounting.mastodon(23).count("")).isZero();
        }

        @Test
        @DisplayName("a negative link length is refused")
        void negativeUrlLength() {
            assertThatThrownBy(() -> TextCounting.codePointsWithUrlsAs(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("urlLength must not be negative (got -1)");
            assertThatThrownBy(() -> TextCounting.mastodon(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("urlLength must not be negative (got -1)");
        }
    }
}
