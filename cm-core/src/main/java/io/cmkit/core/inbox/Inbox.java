package io.cmkit.core.inbox;

import io.cmkit.core.inbox.event.InboxEventPublisher;
import io.cmkit.core.inbox.internal.DefaultInbox;
import io.cmkit.core.model.Account;
import io.cmkit.core.spi.Connector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects what people write to and about the brand: each poll reads every account's mentions
 * ({@link io.cmkit.core.spi.MentionFeed}) and the comments under its recent posts
 * ({@link io.cmkit.core.spi.CommentModeration#comments}, posts from {@link WatchedPosts}), from
 * cursors kept in an {@link InboxStore}, skips what was already handed over, and hands each new
 * {@link io.cmkit.core.model.Interaction} to every {@link InteractionHandler}.
 *
 * <pre>{@code
 * Inbox inbox = Inbox.builder()
 *         .account(mastodon).account(bluesky)                  // connectors, one per account
 *         .watchedPosts(WatchedPosts.publishedBy(scheduleStore))
 *         .store(JdbcInboxStore.h2File(Path.of("inbox")))
 *         .handler(moderation).handler(listening)
 *         .clock(clock)
 *         .build();
 * PollReport report = inbox.poll();                           // every few minutes, from the host's timer
 * }</pre>
 *
 * <p><b>Order and cursors.</b> A page's cursor is saved only after the handlers have taken the
 * page, in the same store transaction that marks its interactions seen; a page read again (after
 * a crash, or a feed whose last page has no next cursor) never reaches a handler twice.
 * <b>Faults</b>: a rate limit makes that feed wait until the platform's reset; a transient
 * failure leaves the cursor where it was for the next poll; refused credentials or a rejected
 * read are reported ({@link io.cmkit.core.inbox.event.FeedFailed}); in every case the other feeds
 * and accounts go on. A handler that throws does not stop the others, see {@link InteractionHandler}.
 *
 * <p>Nothing runs in the background: the host calls {@link #poll()} when it wants. Polls of one
 * inbox run one at a time. Two inboxes must not share a store and an account at once.
 */
public interface Inbox {

    /** A builder; every time-dependent decision follows its {@link Builder#clock(Clock)}. */
    static Builder builder() {
        return new Builder();
    }

    /** Retries failed deliveries, reads every feed once, and reports. */
    PollReport poll();

    /** Where this inbox's events are published. */
    InboxEventPublisher getEventPublisher();

    /** The store. */
    InboxStore store();

    /** Builds an {@link Inbox}. */
    final class Builder {
        private final Map<Account, Connector> connectors = new LinkedHashMap<>();
        private final List<InteractionHandler> handlers = new ArrayList<>();
        private WatchedPosts watchedPosts = WatchedPosts.none();
        private InboxStore store;
        private Clock clock = Clock.systemUTC();
        private InboxOptions options = InboxOptions.ofDefaults();

        private Builder() {
        }

        /** Reads the feeds of the connector's account: mentions if it has a MentionFeed, comments if it has CommentModeration. */
        public Builder account(Connector connector) {
            Objects.requireNonNull(connector, "connector");
            if (connectors.putIfAbsent(connector.account(), connector) != null) {
                throw new IllegalArgumentException("account " + connector.account() + " was given twice");
            }
            return this;
        }

        /** Which posts' comments to read (default: none, mentions only). */
        public Builder watchedPosts(WatchedPosts value) {
            this.watchedPosts = Objects.requireNonNull(value, "watchedPosts");
            return this;
        }

        /** Where cursors and seen keys are kept (default: in memory). */
        public Builder store(InboxStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Adds a handler; handlers are called in the order they were added. */
        public Builder handler(InteractionHandler handler) {
            Objects.requireNonNull(handler, "handler");
            String name = Objects.requireNonNull(handler.name(), "handler name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a handler's name must not be blank (" + handler + ")");
            }
            if (handlers.stream().anyMatch(h -> h.name().equals(name))) {
                throw new IllegalArgumentException("two handlers are named '" + name + "'; names must be unique");
            }
            handlers.add(handler);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder options(InboxOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** The inbox; makes no network call. */
        public Inbox build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("an inbox needs at least one handler");
            }
            return new DefaultInbox(Map.copyOf(connectors), List.copyOf(connectors.keySet()), List.copyOf(handlers),
                    watchedPosts, store == null ? InboxStore.inMemory() : store, clock, options);
        }
    }
}
