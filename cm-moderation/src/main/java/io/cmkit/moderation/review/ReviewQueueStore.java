package io.cmkit.moderation.review;

import io.cmkit.moderation.internal.InMemoryReviewQueueStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the review queue keeps its items. Implementations must be thread-safe and make claims
 * exclusive: two moderators (or two instances) never hold the same item at once. An in-memory
 * store ships, and a JDBC one ({@link io.cmkit.moderation.jdbc.JdbcReviewQueueStore}) that claims
 * with {@code FOR UPDATE SKIP LOCKED} and leases, like the scheduler's.
 */
public interface ReviewQueueStore {

    /** Adds an item. */
    void add(ReviewItem item);

    /** The item with this id. */
    Optional<ReviewItem> find(String id);

    /**
     * Claims the oldest unresolved item nobody holds at {@code now} (an expired lease counts as
     * nobody), for {@code moderator} with {@code token} until {@code until}.
     */
    Optional<ReviewItem> claimNext(String moderator, String token, Instant now, Instant until);

    /**
     * Resolves a claimed item.
     *
     * @throws IllegalStateException if the token is not the current claim's, the lease expired, or it is resolved
     */
    ReviewItem resolve(String id, String token, ReviewItem.Resolution resolution, Instant now);

    /** Unresolved items, oldest first. */
    List<ReviewItem> pending();

    /** A store in memory. */
    static ReviewQueueStore inMemory() {
        return new InMemoryReviewQueueStore();
    }
}
