package io.cmkit.core.inbox;

import io.cmkit.core.inbox.internal.ScheduledPostsWatched;
import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.ScheduleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the inbox learns which posts to read the comments of. The host supplies it: the posts
 * cmkit's scheduler published ({@link #publishedBy(ScheduleStore)}), a fixed list, its own
 * catalogue, or several of them ({@link #allOf}).
 */
@FunctionalInterface
public interface WatchedPosts {

    /** The posts of {@code account} published at or after {@code since}; duplicates are ignored. */
    List<WatchedPost> publishedSince(Account account, Instant since);

    /** The posts cmkit's scheduler published: every published publication in {@code store}. */
    static WatchedPosts publishedBy(ScheduleStore store) {
        return new ScheduledPostsWatched(Objects.requireNonNull(store, "store"));
    }

    /** A fixed list. */
    static WatchedPosts of(List<WatchedPost> posts) {
        List<WatchedPost> copy = List.copyOf(posts);
        return (account, since) -> copy.stream()
                .filter(p -> p.account().equals(account) && !p.publishedAt().isBefore(since)).toList();
    }

    /** No post: the inbox reads mentions only. */
    static WatchedPosts none() {
        return (account, since) -> List.of();
    }

    /** The posts of every source. */
    static WatchedPosts allOf(WatchedPosts... sources) {
        List<WatchedPosts> list = List.of(sources);
        return (account, since) -> {
            List<WatchedPost> out = new ArrayList<>();
            for (WatchedPosts s : list) {
                out.addAll(s.publishedSince(account, since));
            }
            return out;
        };
    }
}
