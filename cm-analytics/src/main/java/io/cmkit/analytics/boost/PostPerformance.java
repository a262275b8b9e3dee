package io.cmkit.analytics.boost;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Account;
import io.cmkit.core.spi.PostRef;
import java.time.Instant;
import java.util.Objects;

/**
 * How a published post is doing: the input of candidate selection and allocation.
 *
 * @param post the post as the platform knows it
 * @param account the brand's account that published it (on the post's platform)
 * @param publishedAt when it went out
 * @param engagements engagements so far, not negative, at most {@code audience}
 * @param audience its reach so far (or the followers where there is no reach), above zero
 * @param sponsored whether it is already paid for: such posts are never candidates
 */
public record PostPerformance(PostRef post, Account account, Instant publishedAt, long engagements, long audience,
                              boolean sponsored) {

    public PostPerformance {
        Objects.requireNonNull(post, "PostPerformance.post");
        Objects.requireNonNull(account, "PostPerformance.account");
        Objects.requireNonNull(publishedAt, "PostPerformance.publishedAt");
        String where = "PostPerformance[" + post.platform().id() + ":" + post.id() + "]";
        if (!account.platform().equals(post.platform())) {
            throw new AnalyticsException(where + ".account", "is on " + account.platform().id()
                    + " but the post is on " + post.platform().id());
        }
        if (audience <= 0) {
            throw new AnalyticsException(where + ".audience", "must be above zero (got " + audience + ")");
        }
        if (engagements < 0 || engagements > audience) {
            throw new AnalyticsException(where + ".engagements",
                    "must be between 0 and the audience " + audience + " (got " + engagements + ")");
        }
    }

    /** engagements / audience. */
    public double engagementRate() {
        return (double) engagements / audience;
    }

    /** {@code platform:id}, unique across platforms. */
    public String key() {
        return post.platform().id() + ":" + post.id();
    }
}
