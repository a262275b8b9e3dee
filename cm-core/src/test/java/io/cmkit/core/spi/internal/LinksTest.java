package io.cmkit.core.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which links X and Mastodon count at a fixed length; cases from twitter-text's conformance suite. */
@DisplayName("Links")
class LinksTest {

    private static List<String> x(String text) {
        return Links.find(text, Links.Style.X).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    private static List<String> mastodon(String text) {
        return Links.find(text, Links.Style.MASTODON).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Nested
    @DisplayName("as X finds them")
    class AsX {

        @Test
        @DisplayName("links with a protocol, after spaces or CJK punctuation")
        void withProtocol() {
            assertThat(x("text http://google.com")).containsExactly("http://google.com");
            assertThat(x("皆さん見てください！ http://google.com")).containsExactly("http://google.com");
            assertThat(x("http://t.co http://t.co")).containsExactly("http://t.co", "http://t.co");
        }

        @Test
        @DisplayName("links without a protocol, also between CJK characters")
        void withoutProtocol() {
            assertThat(x("t.co/abcde bit.ly/abcde")).containsExactly("t.co/abcde", "bit.ly/abcde");
            assertThat(x("twitter.comこれは日本語です。example.com中国語t.co/abcde한국twitter.com example2.comテストtwitter.com/abcde"))
                    .containsExactly("twitter.com", "example.com", "t.co/abcde", "twitter.com", "example2.com",
                            "twitter.com/abcde");
            assertThat(x("http://twitter.com/これは日本語です。example.com中国語http://t.co/abcde한국twitter.comテスト"
                    + "example2.comテストhttp://twitter.com/abcde"))
                    .containsExactly("http://twitter.com/", "example.com", "http://t.co/abcde", "twitter.com",
                            "example2.com", "http://twitter.com/abcde");
            assertThat(x("test ELPAÍS.com")).containsExactly("ELPAÍS.com");
        }

        @Test
        @DisplayName("a bare name under a country code needs a path, .co and .tv excepted")
        void shortCountryDomains() {
            assertThat(x("http://twitter.com\nhttp://example.com\nhttp://example.com/path\nexample.com/path\nit.so\nit.so/abcde"))
                    .containsExactly("http://twitter.com", "http://example.com", "http://example.com/path",
                            "example.com/path", "it.so/abcde");
            assertThat(x("t.co foo.tv www.cafe-lumiere.fr")).containsExactly("t.co", "foo.tv", "www.cafe-lumiere.fr");
        }

        @Test
        @DisplayName("trailing punctuation stays out of the link")
        void trailingPunctuation() {
            assertThat(x("test http://twitter.com/.")).containsExactly("http://twitter.com/");
            assertThat(x("Test a ton of periods http://example.com/path" + ".".repeat(40)))
                    .containsExactly("http://example.com/path");
            assertThat(x("Test a ton of commas http://example.com/" + ",".repeat(40))).containsExactly("http://example.com/");
            assertThat(x("Test a ton of bangs http://example.com/path/" + "!".repeat(40)))
                    .containsExactly("http://example.com/path/");
            assertThat(x("test http://www.foo.com/foo/path-with-period./"))
                    .containsExactly("http://www.foo.com/foo/path-with-period./");
        }

        @Test
        @DisplayName("balanced parentheses belong to the link, a closing one alone does not")
        void parentheses() {
            assertThat(x("http://en.wikipedia.org/wiki/Caf%C3%A9_(film)"))
                    .containsExactly("http://en.wikipedia.org/wiki/Caf%C3%A9_(film)");
            assertThat(x("(see http://example.com/foo)")).containsExactly("http://example.com/foo");
        }

        @Test
        @DisplayName("paths and queries as twitter-text reads them")
        void pathsAndQueries() {
            for (String link : List.of("http://www.foo.org.za/foo/bar/688.1",
                    "http://www.foo.com/bar-path/some.stm?param1=foo;param2=P1|0||P2|0",
                    "http://foo.com/bar/123/foo_&_bar/",
                    "http://www.andersondaradio.no.comunidades.net/",
                    "http://tn.com.ar/show/00056158/la-estrella-del-certamen-el-turno-de-pamela-anderson?fb_xd_fragment"
                            + "#?=&cb=fe17523f223b7&relation=parent.parent&transport=fragment&type=resize&height=20&ackdata",
                    "http://example.com:8080/login.php")) {
                assertThat(x("test " + link + " test")).as(link).containsExactly(link);
            }
        }

        @Test
        @DisplayName("t.co links end with their slug")
        void tco() {
            assertThat(x("http://t.co/pbY2NfTZ's http://t.co/2vYHpAc5; http://t.co/ulYGBYSo: http://t.co/8MkmHU0k+c "
                    + "http://t.co/TKLp64dY.x http://t.co/8t7G3ddS#a http://t.co/FNkPfmii-"))
                    .containsExactly("http://t.co/pbY2NfTZ", "http://t.co/2vYHpAc5", "http://t.co/ulYGBYSo",
                            "http://t.co/8MkmHU0k", "http://t.co/TKLp64dY", "http://t.co/8t7G3ddS", "http://t.co/FNkPfmii");
        }

        @Test
        @DisplayName("internationalised hosts and top-level domains")
        void idn() {
            assertThat(x("test http://xn--ls8h.XN--ls8h.la/")).containsExactly("http://xn--ls8h.XN--ls8h.la/");
            assertThat(x("test http://foobar.みんな/ http://foobar.中国/ http://foobar.پاکستان/ "))
                    .containsExactly("http://foobar.みんな/", "http://foobar.中国/", "http://foobar.پاکستان/");
            assertThat(x("http://☃.net/")).containsExactly("http://☃.net/");
        }

        @Test
        @DisplayName("nothing in hashtags, mentions, cashtags, file names or e-mail addresses")
        void notLinks() {
            assertThat(x("#test.com @test.com #http://test.com @http://test.com #t.co/abcde @t.co/abcde")).isEmpty();
            assertThat(x("$http://twitter.com $twitter.com $http://t.co/abcde $t.co/abcde $t.co $TVI.CA $RBS.CA")).isEmpty();
            assertThat(x("long.test.tar.bz2 test.tar.bz2 tar.bz2")).isEmpty();
            assertThat(x("john.doe.gov@mail.com john.doe.jp@mail.com")).isEmpty();
            assertThat(x("test http://twitter_underscore.com http://twitter.c_o_m")).isEmpty();
            assertThat(x("Node.js, index.html, 3.14, e.g. this")).isEmpty();
        }

        @Test
        @DisplayName("a host label over 63 characters is not a link")
        void longLabel() {
            assertThat(x("randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com")).isEmpty();
            assertThat(x("https://" + "a".repeat(64) + ".com/foo")).isEmpty();
            assertThat(x("https://" + "a".repeat(63) + ".com/foo")).hasSize(1);
        }
    }

    @Nested
    @DisplayName("as Mastodon finds them")
    class AsMastodon {

        @Test
        @DisplayName("only links with a protocol, of the schemes Mastodon links")
        void protocols() {
            assertThat(mastodon("cafe-lumiere.fr/carte example.com")).isEmpty();
            assertThat(mastodon("https://cafe-lumiere.fr/carte gemini://cafe-lumiere.fr/menu"))
                    .containsExactly("https://cafe-lumiere.fr/carte", "gemini://cafe-lumiere.fr/menu");
        }

        @Test
        @DisplayName("paths may hold '@' and non-Latin letters, and end before trailing punctuation")
        void paths() {
            assertThat(mastodon("https://mastodon.social/@marie/114001")).containsExactly("https://mastodon.social/@marie/114001");
            assertThat(mastodon("https://ja.wikipedia.org/wiki/東京 !")).containsExactly("https://ja.wikipedia.org/wiki/東京");
            assertThat(mastodon("Vite : https://example.com/promo! Et (https://example.com/a_(b)).")).containsExactly(
                    "https://example.com/promo", "https://example.com/a_(b)");
        }
    }
}
