package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.text.Token;
import io.cmkit.core.text.TokenType;
import io.cmkit.core.text.Tokenizer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final String[] PIECES = {"voir", "www.cafe-lumiere.example", "https://ex.fr/a?b=1).", "http://x.co",
        "cafe.fr", "a.b", "e.g.", "...", ".", "-", "l'", "arnaque", "#promo", "@cafe@piaille.fr", "@a.bsky.social",
        "jean@example.org", "👍🏽", "1️⃣", "12.50", "(", ")", "«", "»", "\"", "é", "bit.ly/x", "x.com/a", "ab://",
        "://", "EXEMPLE.COM", "münchen.de", ".-", "\u00a0", "\u2009"};
    private static final String[] BLANKS = {" ", "  ", "\n", "\t", "\u00a0", "\u2009", ""};

    @Test
    @DisplayName("links read from the words with a link cue are the links of the whole text, on 50,000 random texts")
    void sameLinksAsTokenisingTheWholeText() {
        SplittableRandom random = new SplittableRandom(3);
        int withLinks = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]).append(BLANKS[random.nextInt(BLANKS.length)]);
            }
            String text = b.toString();
            List<Token> expected = Tokenizer.standard().tokenize(text).stream().filter(t -> t.type() == TokenType.URL).toList();
            assertThat(DefaultModerationEngine.urls(text)).as("\"%s\"", text).isEqualTo(expected);
            withLinks += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withLinks).isGreaterThan(10_000);
    }
}
