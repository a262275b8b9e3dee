package io.cmkit.listening.inbox;

import io.cmkit.core.inbox.FeedKey;
import io.cmkit.core.inbox.FeedState;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.PendingDelivery;
import io.cmkit.core.spi.Cursor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory inbox store, whose next page commit fails once when asked: as a database that
 * drops its connection after the handlers took a page and before the cursor moved. The inbox
 * then reads that page again at the next poll and hands it over again.
 */
final class FlakyStore implements InboxStore {

    private final InboxStore store = InboxStore.inMemory();
    boolean failNextCommit;
    int failedCommits;

    @Override
    public Optional<FeedState> feed(FeedKey feed) {
        return store.feed(feed);
    }

    @Override
    public Set<String> seen(Collection<String> deliveryKeys) {
        return store.seen(deliveryKeys);
    }

    @Override
    public void commitPage(FeedKey feed, Optional<Cursor> next, List<Taken> taken, Instant now) {
        if (failNextCommit) {
            failNextCommit = false;
            failedCommits++;
            throw new IllegalStateException("connection to the inbox database lost while committing " + feed);
        }
        store.commitPage(feed, next, taken, now);
    }

    @Override
    public void waitUntil(FeedKey feed, Instant until) {
        store.waitUntil(feed, until);
    }

    @Override
    public List<PendingDelivery> pending(int limit) {
        return store.pending(limit);
    }

    @Override
    public List<PendingDelivery> abandoned(int limit) {
        return store.abandoned(limit);
    }

    @Override
    public void updatePending(PendingDelivery delivery) {
        store.updatePending(delivery);
    }

    @Override
    public int forgetBefore(Instant before) {
        return store.forgetBefore(before);
    }
}
