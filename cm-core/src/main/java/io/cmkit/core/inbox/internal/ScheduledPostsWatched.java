package io.cmkit.core.inbox.internal;

import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.ScheduledPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The posts cmkit's scheduler published: the published publications of posts that are
 * PUBLISHED, or FAILED or PUBLISHING with some accounts already done.
 */
public final class ScheduledPostsWatched implements WatchedPosts {

    private static final List<PostState> WITH_PUBLICATIONS = List.of(PostState.PUBLISHED, PostState.PUBLISHING,
            PostState.FAILED);

    private final ScheduleStore store;

    public ScheduledPostsWatched(ScheduleStore store) {
        this.store = store;
    }

    @Override
    public List<WatchedPost> publishedSince(Account account, Instant since) {
        List<WatchedPost> out = new ArrayList<>();
        for (PostState state : WITH_PUBLICATIONS) {
            for (ScheduledPost post : store.findByState(state)) {
                if (!post.accounts().contains(account)) {
                    continue;
                }
                for (Publication p : store.publications(post.key())) {
                    if (p.account().equals(account) && p.published().isPresent()
                            && !p.published().get().publishedAt().isBefore(since)) {
                        out.add(new WatchedPost(account, p.published().get().ref(), p.published().get().publishedAt()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "WatchedPosts.publishedBy(" + store + ")";
    }
}
