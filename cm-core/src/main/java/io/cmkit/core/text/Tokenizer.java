package io.cmkit.core.text;

import io.cmkit.core.text.internal.TokenScanner;
import java.util.List;
import java.util.Objects;

/**
 * Splits a social media text into words, numbers, URLs, e-mail addresses, hashtags, mentions and
 * emoji, each with its offsets in the original text. Whitespace and punctuation between tokens
 * are skipped. Works on the original text (normalise a token's text afterwards if needed).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Tokenizer.standard().tokenize("L'arnaque #BadBuzz @cafe@piaille.fr 👍🏽 https://ex.fr/a")
 * // WORD l', WORD arnaque, HASHTAG #BadBuzz, MENTION @cafe@piaille.fr, EMOJI 👍🏽, URL https://ex.fr/a
 * }</pre>
 */
public final class Tokenizer {

    private static final Tokenizer STANDARD = new Tokenizer();

    private Tokenizer() {
    }

    /** The tokenizer for French and English social media text. */
    public static Tokenizer standard() {
        return STANDARD;
    }

    /** The tokens of {@code text}, in order. */
    public List<Token> tokenize(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return TokenScanner.scan(text.toString());
    }
}
