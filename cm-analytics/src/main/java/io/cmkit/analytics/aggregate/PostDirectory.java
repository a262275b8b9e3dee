package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.Platform;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cmkit {@link Post} each published platform post is, so snapshots (which know the
 * platform's post id only) can be grouped by pillar, campaign and post.
 */
public final class PostDirectory {

    /** A directory that knows no post: every post is its own, without pillar or campaign. */
    public static final PostDirectory EMPTY = new PostDirectory(Map.of());

    private final Map<String, Post> byPlatformId;

    private PostDirectory(Map<String, Post> byPlatformId) {
        this.byPlatformId = Map.copyOf(byPlatformId);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The post published on {@code platform} under {@code platformPostId}. */
    public Optional<Post> find(Platform platform, String platformPostId) {
        return Optional.ofNullable(byPlatformId.get(platform.id() + ":" + platformPostId));
    }

    /** Collects the publications of posts. */
    public static final class Builder {
        private final Map<String, Post> byPlatformId = new HashMap<>();

        private Builder() {
        }

        /**
         * Records that {@code post}'s variant for {@code platform} was published as {@code platformPostId}.
         *
         * @throws AnalyticsException when the post has no variant for the platform, or the platform
         *         post id is already given to another post
         */
        public Builder add(Post post, Platform platform, String platformPostId) {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(platformPostId, "platformPostId");
            if (post.variantFor(platform).isEmpty()) {
                throw new AnalyticsException("posts." + post.id(), "has no variant for " + platform.displayName());
            }
            Post previous = byPlatformId.putIfAbsent(platform.id() + ":" + platformPostId, post);
            if (previous != null && !previous.id().equals(post.id())) {
                throw new AnalyticsException("posts." + post.id(), "is published as " + platform.id() + ":"
                        + platformPostId + ", which is already post " + previous.id());
            }
            return this;
        }

        /** The directory. */
        public PostDirectory build() {
            return new PostDirectory(byPlatformId);
        }
    }
}
