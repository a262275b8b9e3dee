package io.cmkit.connectors.sandbox.internal;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The followers an account's posts have won by a time, kept incrementally so that a publish
 * does not walk every earlier post. Guarded by the world's lock.
 *
 * <p>For a fixed state, {@link PostState#followersWon} is a non-decreasing step function of time
 * (every term of it is, down to floating-point rounding, which is monotone) that stops changing
 * once its curve and boosts are over. So the ledger keeps, for the latest time asked
 * ({@code sinceMs}), the sum of every post's count and, per post, the first time its count will
 * change: a query at or after {@code sinceMs} re-evaluates only the posts whose count changed
 * since, found by bisection on the post's own function. A post whose state changes (deleted, a
 * boost bought or cancelled) is re-evaluated at the next query. A query before {@code sinceMs}
 * (rare: the world's present never goes back) walks every post, as before. The result is the
 * same sum of the same per-post integers, whichever way it is computed.
 */
final class FollowersWon {

    private final List<PostState> posts;
    /** Posts whose count may still change, the soonest change first. */
    private final PriorityQueue<PostState> changing =
            new PriorityQueue<>(Comparator.comparingLong((PostState p) -> p.wonChangesAtMs));
    private long sinceMs = Long.MIN_VALUE;
    /** The sum of every post's {@code wonCounted}: their counts at {@code sinceMs} once settled. */
    private long sum;

    FollowersWon(List<PostState> posts) {
        this.posts = posts;
    }

    /** Tracks a new post (already in the account's list); its count is evaluated at the next query. */
    void added(PostState post) {
        post.wonCounted = 0;
        post.wonChangesAtMs = Long.MIN_VALUE;
        changing.add(post);
    }

    /** The post was deleted, or one of its boosts bought or cancelled: re-evaluates it at the next query. */
    void changed(PostState post) {
        changing.remove(post);
        post.wonChangesAtMs = Long.MIN_VALUE;
        changing.add(post);
    }

    /** The followers every post has won by t. */
    long at(long tMs) {
        if (tMs < sinceMs) {
            long total = 0;
            for (PostState post : posts) {
                total += post.followersWon(tMs);
            }
            return total;
        }
        sinceMs = tMs;
        while (!changing.isEmpty() && changing.peek().wonChangesAtMs <= tMs) {
            PostState post = changing.poll();
            long won = post.followersWon(tMs);
            sum += won - post.wonCounted;
            post.wonCounted = won;
            post.wonChangesAtMs = nextChange(post, tMs, won);
            if (post.wonChangesAtMs != Long.MAX_VALUE) {
                changing.add(post);
            }
        }
        return sum;
    }

    /** The first time after t when the post's count exceeds {@code won}, or {@code Long.MAX_VALUE} if never. */
    private static long nextChange(PostState post, long tMs, long won) {
        long settledMs = post.followersSettledMs();
        if (tMs >= settledMs || post.followersWon(settledMs) == won) {
            return Long.MAX_VALUE;
        }
        long low = tMs;
        long high = settledMs;
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (post.followersWon(mid) > won) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
}
