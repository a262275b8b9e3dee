package io.cmkit.core.inbox.internal;

import io.cmkit.core.inbox.FeedKey;
import io.cmkit.core.inbox.FeedState;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.PendingDelivery;
import io.cmkit.core.spi.Cursor;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@link InboxStore} in memory; one lock makes every method atomic. */
public final class InMemoryInboxStore implements InboxStore {

    private record Feed(FeedState state, Instant updatedAt) {
    }

    private final Map<String, Feed> feeds = new HashMap<>();
    private final Map<String, Instant> seen = new HashMap<>();
    private final Map<String, PendingDelivery> pending = new LinkedHashMap<>();

    @Override
    public synchronized Optional<FeedState> feed(FeedKey feed) {
        return Optional.ofNullable(feeds.get(feed.id())).map(Feed::state);
    }

    @Override
    public synchronized Set<String> seen(Collection<String> deliveryKeys) {
        Set<String> out = new HashSet<>();
        for (String k : deliveryKeys) {
            if (seen.containsKey(k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public synchronized void commitPage(FeedKey feed, Optional<Cursor> next, List<Taken> taken, Instant now) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(now, "now");
        for (Taken t : taken) {
            String key = InboxStore.deliveryKey(t.interaction());
            seen.putIfAbsent(key, now);
            if (!t.failedHandlers().isEmpty()) {
                pending.put(key, new PendingDelivery(key, feed, t.interaction(), t.failedHandlers(), 1, t.error(), now, false));
            }
        }
        Optional<Cursor> cursor = next.isPresent() ? next : feed(feed).flatMap(FeedState::cursor);
        feeds.put(feed.id(), new Feed(new FeedState(feed, cursor, Optional.empty()), now));
    }

    @Override
    public synchronized void waitUntil(FeedKey feed, Instant until) {
        Optional<Cursor> cursor = feed(feed).flatMap(FeedState::cursor);
        Instant updated = feeds.containsKey(feed.id()) ? feeds.get(feed.id()).updatedAt() : until;
        feeds.put(feed.id(), new Feed(new FeedState(feed, cursor, Optional.of(until)), updated));
    }

    @Override
    public synchronized List<PendingDelivery> pending(int limit) {
        return deliveries(false, limit);
    }

    @Override
    public synchronized List<PendingDelivery> abandoned(int limit) {
        return deliveries(true, limit);
    }

    private List<PendingDelivery> deliveries(boolean abandoned, int limit) {
        return pending.values().stream().filter(p -> p.abandoned() == abandoned)
                .sorted(Comparator.comparing(PendingDelivery::firstFailedAt)).limit(limit).toList();
    }

    @Override
    public synchronized void updatePending(PendingDelivery delivery) {
        if (delivery.handlers().isEmpty()) {
            pending.remove(delivery.deliveryKey());
        } else {
            pending.put(delivery.deliveryKey(), delivery);
        }
    }

    @Override
    public synchronized int forgetBefore(Instant before) {
        int[] forgotten = {0};
        seen.entrySet().removeIf(e -> {
            boolean drop = e.getValue().isBefore(before) && !pending.containsKey(e.getKey());
            if (drop) {
                forgotten[0]++;
            }
            return drop;
        });
        feeds.values().removeIf(f -> f.state().feed().kind() == FeedKey.Kind.COMMENTS && f.updatedAt().isBefore(before));
        return forgotten[0];
    }
}
