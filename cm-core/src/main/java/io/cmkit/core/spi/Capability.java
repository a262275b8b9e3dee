package io.cmkit.core.spi;

/** What a connector can do; each constant matches one capability interface. */
public enum Capability {
    /** {@link Publishing}: publish, reply, delete. */
    PUBLISHING,
    /** {@link CommentModeration}: read comments on the brand's posts and act on them. */
    COMMENT_MODERATION,
    /** {@link MentionFeed}: read mentions of the brand's account. */
    MENTION_FEED,
    /** {@link Metrics}: read counters for posts and the account. */
    METRICS,
    /** {@link Profiles}: read and update the account's profile. */
    PROFILES,
    /** {@link Promotion}: pay to boost a post. */
    PROMOTION
}
