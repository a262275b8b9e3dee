package io.cmkit.core.inbox;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.PostRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A post of the brand whose comments the inbox reads.
 *
 * @param account the account that published it
 * @param post the post as the platform knows it
 * @param publishedAt when it was published: the inbox reads its comments for
 *                    {@link InboxOptions#watchCommentsFor()} after that
 */
public record WatchedPost(Account account, PostRef post, Instant publishedAt) {

    public WatchedPost {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (!post.platform().equals(account.platform())) {
            throw new IllegalArgumentException("WatchedPost: post " + post.id() + " is on " + post.platform()
                    + ", not on the platform of account " + account);
        }
    }
}
