package io.cmkit.core.text;

import java.util.Objects;

/**
 * A piece of a text found by the {@link Tokenizer}.
 *
 * @param type what it is
 * @param text the original text of the token
 * @param start start in the original text, inclusive (UTF-16 index)
 * @param end end in the original text, exclusive
 */
public record Token(TokenType type, String text, int start, int end) {

    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start || text.length() != end - start) {
            throw new IllegalArgumentException("bad token span [" + start + ", " + end + ") for \"" + text + "\"");
        }
    }

    /** The span in the original text. */
    public Span span() {
        return new Span(start, end);
    }
}
