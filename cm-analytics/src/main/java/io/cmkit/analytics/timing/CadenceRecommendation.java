package io.cmkit.analytics.timing;

import io.cmkit.core.model.Platform;
import java.util.Objects;

/**
 * How many posts a week to publish on a platform, and why.
 *
 * @param platform the platform
 * @param postsPerWeek the recommendation, 1 or more
 * @param basis whether it comes from the brand's own history or from the platform default
 * @param explanation one sentence for people
 */
public record CadenceRecommendation(Platform platform, int postsPerWeek, Basis basis, String explanation) {

    /** Where a recommendation comes from. */
    public enum Basis {
        /** The brand's own weeks on the platform. */
        HISTORY,
        /** Not enough history: the platform's default (see {@link BestTime#defaultPostsPerWeek}). */
        DEFAULT
    }

    public CadenceRecommendation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(explanation, "explanation");
    }
}
