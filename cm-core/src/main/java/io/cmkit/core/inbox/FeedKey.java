package io.cmkit.core.inbox;

import io.cmkit.core.model.Account;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed the inbox polls: an account's mentions, or the comments under one of its posts. Its
 * {@link #id()} names the feed's cursor in the {@link InboxStore}.
 *
 * @param account the brand's account
 * @param kind mentions or comments
 * @param postId for comments, the platform id of the post they are under; empty for mentions
 */
public record FeedKey(Account account, Kind kind, Optional<String> postId) {

    /** Which feed. */
    public enum Kind {
        /** {@link io.cmkit.core.spi.MentionFeed#mentions}. */
        MENTIONS,
        /** {@link io.cmkit.core.spi.CommentModeration#comments} of one post. */
        COMMENTS
    }

    public FeedKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(postId, "postId");
        if ((kind == Kind.COMMENTS) != postId.isPresent()) {
            throw new IllegalArgumentException("FeedKey.postId is required for COMMENTS and only for them (kind " + kind
                    + ", postId " + postId.orElse("none") + ")");
        }
        if (postId.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("FeedKey.postId must not be blank");
        }
    }

    /** The mentions of {@code account}. */
    public static FeedKey mentions(Account account) {
        return new FeedKey(account, Kind.MENTIONS, Optional.empty());
    }

    /** The comments under post {@code postId} of {@code account}. */
    public static FeedKey comments(Account account, String postId) {
        return new FeedKey(account, Kind.COMMENTS, Optional.of(postId));
    }

    /** A stable text id: {@code <account key>|mentions} or {@code <account key>|comments|<post id>}. */
    public String id() {
        return account.key() + "|" + kind.name().toLowerCase(java.util.Locale.ROOT) + postId.map(p -> "|" + p).orElse("");
    }

    @Override
    public String toString() {
        return id();
    }
}
