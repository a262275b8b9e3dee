package io.cmkit.core.spi;

/** What a {@link CommentModeration} can do to a comment; platforms support different sets. */
public enum ModerationOperation {
    /** Hide it from others while keeping it (Bluesky threadgate, Facebook hide). */
    HIDE,
    /** Show a hidden comment again. */
    UNHIDE,
    /** Remove it for good (own replies anywhere; others' comments where the platform allows). */
    DELETE,
    /** Answer it publicly as the brand. */
    REPLY,
    /** Block its author from the account. */
    BLOCK_AUTHOR,
    /** Report it to the platform's moderators. */
    REPORT
}
