package io.cmkit.moderation.internal;

import io.cmkit.moderation.review.ReviewItem;
import io.cmkit.moderation.review.ReviewQueueStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Review items in an insertion-ordered map, every operation under one lock. */
public final class InMemoryReviewQueueStore implements ReviewQueueStore {

    private final Map<String, ReviewItem> items = new LinkedHashMap<>();

    @Override
    public synchronized void add(ReviewItem item) {
        if (items.putIfAbsent(item.id(), item) != null) {
            throw new IllegalArgumentException("review item " + item.id() + " already exists");
        }
    }

    @Override
    public synchronized Optional<ReviewItem> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public synchronized Optional<ReviewItem> claimNext(String moderator, String token, Instant now, Instant until) {
        for (ReviewItem item : items.values()) {
            if (!item.resolved() && !item.claimedAt(now)) {
                ReviewItem claimed = new ReviewItem(item.id(), item.interaction(), item.decision(), item.submittedAt(),
                        Optional.of(new ReviewItem.Claim(moderator, token, until)), Optional.empty());
                items.put(item.id(), claimed);
                return Optional.of(claimed);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized ReviewItem resolve(String id, String token, ReviewItem.Resolution resolution, Instant now) {
        ReviewItem item = items.get(id);
        if (item == null) {
            throw new IllegalStateException("no review item " + id);
        }
        ReviewItem done = item.resolvedWith(token, resolution, now);
        items.put(id, done);
        return done;
    }

    @Override
    public synchronized List<ReviewItem> pending() {
        return items.values().stream().filter(i -> !i.resolved()).toList();
    }
}
