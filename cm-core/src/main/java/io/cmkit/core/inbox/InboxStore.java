package io.cmkit.core.inbox;

import io.cmkit.core.inbox.internal.InMemoryInboxStore;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.spi.Cursor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the inbox keeps between polls and across restarts: each feed's cursor (and rate-limit
 * wait), the keys of the interactions already handed over (for de-duplication), and the
 * deliveries handlers still owe. {@link #inMemory()} and the JDBC store
 * ({@link io.cmkit.core.inbox.jdbc.JdbcInboxStore}) ship; a host may bring its own.
 *
 * <p>Implementations are thread-safe. {@link #commitPage} is atomic: a page's interactions are
 * marked seen, its failed deliveries recorded and the feed's cursor moved, all or nothing.
 */
public interface InboxStore {

    /** A thread-safe store in this JVM's memory, for tests, demos and hosts that need no restart. */
    static InboxStore inMemory() {
        return new InMemoryInboxStore();
    }

    /**
     * The de-duplication key of an interaction: the account it concerns and its platform id, so
     * an interaction met in two feeds of one account (a reply that mentions the brand) is handed
     * over once.
     */
    static String deliveryKey(Interaction interaction) {
        return interaction.account().key() + "|" + interaction.id();
    }

    /** One new interaction of a page, and the handlers that failed to take it (none: all took it). */
    record Taken(Interaction interaction, Set<String> failedHandlers, String error) {
        public Taken {
            java.util.Objects.requireNonNull(interaction, "interaction");
            failedHandlers = Set.copyOf(failedHandlers);
            java.util.Objects.requireNonNull(error, "error");
        }
    }

    /** The feed's state; empty for a feed never polled. */
    Optional<FeedState> feed(FeedKey feed);

    /** Which of these delivery keys were already handed over (and not yet forgotten). */
    Set<String> seen(Collection<String> deliveryKeys);

    /**
     * Records a page the handlers have taken, atomically: every interaction of {@code taken} is
     * marked seen at {@code now}; those with failed handlers become {@link PendingDelivery}s (one
     * attempt); the feed's cursor becomes {@code next} when present (kept otherwise) and its wait is cleared.
     */
    void commitPage(FeedKey feed, Optional<Cursor> next, List<Taken> taken, Instant now);

    /** The feed is not polled before {@code until} (a rate limit); its cursor is kept. */
    void waitUntil(FeedKey feed, Instant until);

    /** Deliveries still to retry (not abandoned), oldest failure first, at most {@code limit}. */
    List<PendingDelivery> pending(int limit);

    /** Abandoned deliveries, oldest failure first, at most {@code limit}: for a person to look at. */
    List<PendingDelivery> abandoned(int limit);

    /** Replaces a pending delivery after a retry; with no handler left, removes it. */
    void updatePending(PendingDelivery delivery);

    /**
     * Forgets the seen keys recorded before {@code before} (keeping those still pending) and the
     * cursors of comment feeds not polled since then; returns how many keys were forgotten.
     */
    int forgetBefore(Instant before);
}
