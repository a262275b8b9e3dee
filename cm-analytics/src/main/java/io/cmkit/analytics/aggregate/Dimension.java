package io.cmkit.analytics.aggregate;

/**
 * What rows are grouped by, besides the period. No dimension at all gives one row per period for
 * the whole brand.
 */
public enum Dimension {
    /** The platform. */
    PLATFORM,
    /** The brand's account (which implies its platform). */
    ACCOUNT,
    /** The post's content pillar; posts without one share the empty pillar. */
    PILLAR,
    /** The post's campaign; posts outside any campaign share the empty campaign. */
    CAMPAIGN,
    /** The post: cmkit's post id when the {@link PostDirectory} knows it, else {@code platform:platformPostId}. */
    POST;

    /** Whether the dimension describes posts: account-level series (followers) are left out of such groupings. */
    public boolean isPostLevel() {
        return this == PILLAR || this == CAMPAIGN || this == POST;
    }
}
