package io.cmkit.core.text;

/** What a {@link Token} is. */
public enum TokenType {
    /**
     * A word: letters, digits and combining marks, with hyphens inside compounds
     * ({@code peut-être}, {@code anti-vax}) and apostrophes inside words ({@code don't},
     * {@code aujourd'hui}). A French elision is its own word: {@code l'arnaque} is {@code l'} then
     * {@code arnaque}.
     */
    WORD,
    /** Digits, with {@code .} or {@code ,} between digits: {@code 2024}, {@code 3,5}, {@code 1.000}. */
    NUMBER,
    /** A link, with a scheme ({@code https://…}), starting with {@code www.}, or a host with a well-known top-level domain ({@code arnaque.fr/promo}). */
    URL,
    /** An e-mail address. */
    EMAIL,
    /** {@code #} and letters, digits or underscores, not all digits: {@code #BadBuzz}, {@code #2024fail}. */
    HASHTAG,
    /** {@code @handle}, {@code @alice.bsky.social} or a Mastodon {@code @user@instance.social}. */
    MENTION,
    /** One emoji as people see it (a grapheme cluster): skin tones, ZWJ families, flags and keycaps included. */
    EMOJI
}
