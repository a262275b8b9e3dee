package io.cmkit.moderation.review;

/** What a moderator decided about a flagged comment. */
public enum Verdict {
    /** It may stay (or be shown again). */
    APPROVE,
    /** It must go: the comment deserved removal. */
    REMOVE,
    /** It needs someone else (legal, the client). */
    ESCALATE
}
