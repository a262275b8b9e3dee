package io.cmkit.analytics.timing;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * How one published post did: the input of the heatmap and the cadence. The engagement rate is
 * {@code engagements / audience}, which normalises away the size of the audience the post had
 * (its reach, or the account's followers when the platform has no reach).
 *
 * @param platform where it was published
 * @param postId the platform's post id, for messages
 * @param publishedAt when it went out
 * @param engagements its engagements over a fixed horizon after publication (e.g. 48 h), not negative
 * @param audience its reach, or the followers when it was published; above zero
 */
public record PostOutcome(Platform platform, String postId, Instant publishedAt, long engagements, long audience) {

    public PostOutcome {
        Objects.requireNonNull(platform, "PostOutcome.platform");
        Objects.requireNonNull(postId, "PostOutcome.postId");
        Objects.requireNonNull(publishedAt, "PostOutcome.publishedAt");
        if (engagements < 0) {
            throw new AnalyticsException("PostOutcome[" + postId + "].engagements", "must not be negative (got " + engagements + ")");
        }
        if (audience <= 0) {
            throw new AnalyticsException("PostOutcome[" + postId + "].audience", "must be above zero (got " + audience + ")");
        }
    }

    /** engagements / audience. */
    public double engagementRate() {
        return (double) engagements / audience;
    }
}
