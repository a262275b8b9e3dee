package io.cmkit.core.schedule;

import io.cmkit.core.model.Post;
import java.util.Objects;

/**
 * Identifies a post in a {@link ScheduleStore}: post ids are unique per brand, so the key is the
 * pair. Its text form is {@code brandId/postId}.
 *
 * @param brandId the brand that publishes the post
 * @param postId the post's id within that brand
 */
public record PostKey(String brandId, String postId) {

    public PostKey {
        brandId = notBlank("brandId", brandId);
        postId = notBlank("postId", postId);
    }

    /** The key of a post. */
    public static PostKey of(Post post) {
        return new PostKey(post.brandId(), post.id());
    }

    private static String notBlank(String field, String value) {
        Objects.requireNonNull(value, "PostKey." + field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("PostKey." + field + " must not be blank");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return brandId + "/" + postId;
    }
}
