package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Tokenizer")
class TokenizerTest {

    private static List<Token> tokens(String text) {
        List<Token> tokens = Tokenizer.standard().tokenize(text);
        for (Token t : tokens) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
        return tokens;
    }

    private static List<String> texts(String text) {
        return tokens(text).stream().map(Token::text).toList();
    }

    @Nested
    @DisplayName("words")
    class Words {

        @Test
        @DisplayName("words and numbers with their offsets, punctuation skipped")
        void basic() {
            assertThat(tokens("Bravo, 3,5 étoiles en 2024 !"))
                    .extracting(Token::type, Token::text, Token::start, Token::end)
                    .containsExactly(
                            tuple(TokenType.WORD, "Bravo", 0, 5),
                            tuple(TokenType.NUMBER, "3,5", 7, 10),
                            tuple(TokenType.WORD, "étoiles", 11, 18),
                            tuple(TokenType.WORD, "en", 19, 21),
                            tuple(TokenType.NUMBER, "2024", 22, 26));
        }

        @Test
        @DisplayName("a French elision is its own word: l', d', qu', j', jusqu'")
        void elisions() {
            assertThat(texts("l'arnaque d'un escroc qu'il j'ai jusqu'ici L’homme"))
                    .containsExactly("l'", "arnaque", "d'", "un", "escroc", "qu'", "il", "j'", "ai", "jusqu'", "ici", "L’", "homme");
        }

        @Test
        @DisplayName("other apostrophes stay inside the word: don't, aujourd'hui")
        void apostrophes() {
            assertThat(texts("don't aujourd'hui it's")).containsExactly("don't", "aujourd'hui", "it's");
        }

        @Test
        @DisplayName("hyphenated compounds are one word; a hyphen between spaces is not")
        void hyphens() {
            assertThat(texts("peut-être anti-vax - non")).containsExactly("peut-être", "anti-vax", "non");
        }

        @Test
        @DisplayName("combining accents stay with their letter")
        void marks() {
            assertThat(texts("cafe\u0301 ok")).containsExactly("cafe\u0301", "ok");
        }
    }

    @Nested
    @DisplayName("links")
    class Links {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "voir https://exemple.fr/a?b=1. | https://exemple.fr/a?b=1",
                "(http://en.wikipedia.org/wiki/Foo_(bar)) | http://en.wikipedia.org/wiki/Foo_(bar)",
                "go www.promo-cadeau.net/gagner! | www.promo-cadeau.net/gagner",
                "clique arnaque.co.uk/x, vite | arnaque.co.uk/x",
                "sur bit.ly/3abc | bit.ly/3abc"
        })
        @DisplayName("URLs with and without a scheme, without trailing punctuation")
        void urls(String text, String url) {
            assertThat(tokens(text)).filteredOn(t -> t.type() == TokenType.URL).extracting(Token::text).containsExactly(url);
        }

        @Test
        @DisplayName("a word, a full stop and a word is not a link: 'fin.Merci', 'etc.'")
        void notUrls() {
            assertThat(tokens("c'est la fin.Merci etc. 3.5")).extracting(Token::type).doesNotContain(TokenType.URL);
        }

        @Test
        @DisplayName("e-mail addresses are one token")
        void email() {
            assertThat(tokens("écrire à support@cafe-lumiere.fr.")).filteredOn(t -> t.type() == TokenType.EMAIL)
                    .extracting(Token::text).containsExactly("support@cafe-lumiere.fr");
        }

        @Test
        @DisplayName("a URL token gives the registrable domain for site: queries")
        void domain() {
            Token url = tokens("promo https://shop.arnaque.co.uk/win").get(1);
            assertThat(Domains.registrableDomain(url.text())).contains("arnaque.co.uk");
        }
    }

    @Nested
    @DisplayName("hashtags, mentions, emoji")
    class Social {

        @Test
        @DisplayName("hashtags with letters, digits and underscores; not all digits; not inside a word")
        void hashtags() {
            assertThat(tokens("#BadBuzz #2024fail #été_2025 #1 C#"))
                    .filteredOn(t -> t.type() == TokenType.HASHTAG)
                    .extracting(Token::text)
                    .containsExactly("#BadBuzz", "#2024fail", "#été_2025");
        }

        @Test
        @DisplayName("mentions: @handle, Bluesky @alice.bsky.social, Mastodon @user@instance; not an e-mail")
        void mentions() {
            assertThat(tokens("@cafe_lumiere merci @alice.bsky.social et @marie@piaille.fr. bob@mail.com"))
                    .extracting(Token::type, Token::text)
                    .containsExactly(
                            tuple(TokenType.MENTION, "@cafe_lumiere"),
                            tuple(TokenType.WORD, "merci"),
                            tuple(TokenType.MENTION, "@alice.bsky.social"),
                            tuple(TokenType.WORD, "et"),
                            tuple(TokenType.MENTION, "@marie@piaille.fr"),
                            tuple(TokenType.EMAIL, "bob@mail.com"));
        }

        @Test
        @DisplayName("each emoji is one grapheme cluster: skin tones, ZWJ families, flags, keycaps, hearts")
        void emoji() {
            String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
            String text = "top👍🏽" + family + "🇫🇷1️⃣❤️😡😡";
            assertThat(tokens(text))
                    .extracting(Token::type, Token::text)
                    .containsExactly(
                            tuple(TokenType.WORD, "top"),
                            tuple(TokenType.EMOJI, "👍🏽"),
                            tuple(TokenType.EMOJI, family),
                            tuple(TokenType.EMOJI, "🇫🇷"),
                            tuple(TokenType.EMOJI, "1️⃣"),
                            tuple(TokenType.EMOJI, "❤️"),
                            tuple(TokenType.EMOJI, "😡"),
                            tuple(TokenType.EMOJI, "😡"));
        }

        @Test
        @DisplayName("an empty or blank text has no tokens")
        void empty() {
            assertThat(tokens("")).isEmpty();
            assertThat(tokens(" \n ... ")).isEmpty();
        }
    }
}
