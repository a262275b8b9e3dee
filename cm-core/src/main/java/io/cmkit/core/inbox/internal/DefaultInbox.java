package io.cmkit.core.inbox.internal;

import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.FeedKey;
import io.cmkit.core.inbox.FeedReport;
import io.cmkit.core.inbox.FeedState;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InboxOptions;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.inbox.PendingDelivery;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.inbox.event.DeliveryAbandoned;
import io.cmkit.core.inbox.event.FeedFailed;
import io.cmkit.core.inbox.event.FeedRateLimited;
import io.cmkit.core.inbox.event.HandlerFailed;
import io.cmkit.core.inbox.event.InboxEventPublisher;
import io.cmkit.core.inbox.event.Polled;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link Inbox}. One poll at a time (a lock); everything it keeps lives in the store. */
public final class DefaultInbox implements Inbox {

    /** Reads one page of one feed. */
    @FunctionalInterface
    private interface PageReader {
        Page<Interaction> read(Optional<Cursor> from) throws ConnectorException;
    }

    private final Map<Account, Connector> connectors;
    private final List<Account> accounts;
    private final List<InteractionHandler> handlers;
    private final WatchedPosts watchedPosts;
    private final InboxStore store;
    private final Clock clock;
    private final InboxOptions options;
    private final InboxEvents events = new InboxEvents();

    public DefaultInbox(Map<Account, Connector> connectors, List<Account> accounts, List<InteractionHandler> handlers,
                        WatchedPosts watchedPosts, InboxStore store, Clock clock, InboxOptions options) {
        this.connectors = connectors;
        this.accounts = accounts;
        this.handlers = handlers;
        this.watchedPosts = watchedPosts;
        this.store = store;
        this.clock = clock;
        this.options = options;
    }

    @Override
    public InboxEventPublisher getEventPublisher() {
        return events;
    }

    @Override
    public InboxStore store() {
        return store;
    }

    @Override
    public synchronized PollReport poll() {
        Instant at = clock.instant();
        int[] retries = retryPending(at);
        List<FeedReport> reports = new ArrayList<>();
        for (Account account : accounts) {
            Connector connector = connectors.get(account);
            Optional<MentionFeed> mentions = connector.mentionFeed();
            if (mentions.isPresent()) {
                reports.add(pollFeed(FeedKey.mentions(account), connector, mentions.get()::mentions));
            }
            Optional<CommentModeration> comments = connector.commentModeration();
            if (comments.isPresent()) {
                for (WatchedPost post : watched(account, at)) {
                    reports.add(pollFeed(FeedKey.comments(account, post.post().id()), connector,
                            from -> comments.get().comments(post.post(), from)));
                }
            }
        }
        int forgotten = store.forgetBefore(at.minus(options.seenRetention()));
        PollReport report = new PollReport(at, reports, retries[0], retries[1], retries[2], forgotten);
        events.publish(new Polled(report));
        return report;
    }

    /** The account's posts still in their watch window, each once. */
    private List<WatchedPost> watched(Account account, Instant now) {
        Map<String, WatchedPost> byId = new LinkedHashMap<>();
        for (WatchedPost p : watchedPosts.publishedSince(account, now.minus(options.watchCommentsFor()))) {
            if (p.account().equals(account)) {
                byId.putIfAbsent(p.post().id(), p);
            }
        }
        return List.copyOf(byId.values());
    }

    private FeedReport pollFeed(FeedKey feed, Connector connector, PageReader reader) {
        Instant now = clock.instant();
        Optional<FeedState> state = store.feed(feed);
        Optional<Instant> waitUntil = state.flatMap(FeedState::waitUntil);
        if (waitUntil.isPresent() && now.isBefore(waitUntil.get())) {
            return new FeedReport(feed, FeedReport.Outcome.WAITING, 0, 0, 0, 0, 0, waitUntil, Optional.empty());
        }
        Optional<Cursor> cursor = state.flatMap(FeedState::cursor);
        int pages = 0;
        int fetched = 0;
        int fresh = 0;
        int duplicates = 0;
        int failures = 0;
        while (pages < options.maxPagesPerFeed()) {
            Page<Interaction> page;
            try {
                page = reader.read(cursor);
            } catch (RateLimitedException e) {
                store.waitUntil(feed, e.resetAt());
                events.publish(new FeedRateLimited(feed, e.resetAt(), clock.instant()));
                return new FeedReport(feed, FeedReport.Outcome.RATE_LIMITED, pages, fetched, fresh, duplicates, failures,
                        Optional.of(e.resetAt()), Optional.ofNullable(e.getMessage()));
            } catch (ConnectorException | RuntimeException e) {
                FeedReport.Outcome outcome = e instanceof TransientException ? FeedReport.Outcome.TRANSIENT_FAILURE
                        : e instanceof AuthenticationException ? FeedReport.Outcome.AUTHENTICATION_FAILED
                        : e instanceof RejectedException ? FeedReport.Outcome.REJECTED
                        : FeedReport.Outcome.FAILED;
                events.publish(new FeedFailed(feed, outcome, e, clock.instant()));
                return new FeedReport(feed, outcome, pages, fetched, fresh, duplicates, failures, Optional.empty(),
                        Optional.of(String.valueOf(e.getMessage())));
            }
            pages++;
            List<Interaction> items = page.items();
            fetched += items.size();
            Set<String> already = store.seen(items.stream().map(InboxStore::deliveryKey).toList());
            Set<String> inThisPage = new HashSet<>();
            List<InboxStore.Taken> taken = new ArrayList<>();
            for (Interaction item : items) {
                String key = InboxStore.deliveryKey(item);
                if (already.contains(key) || !inThisPage.add(key)) {
                    duplicates++;
                    continue;
                }
                fresh++;
                Delivery delivery = new Delivery(connector, feed, 1);
                Failures failed = deliver(item, delivery, handlers);
                failures += failed.handlers().size();
                taken.add(new InboxStore.Taken(item, failed.handlers(), failed.lastError()));
            }
            store.commitPage(feed, page.next(), taken, clock.instant());
            // Nothing newer, no next page, or a cursor that does not move (a platform serving the same page again).
            if (items.isEmpty() || page.next().isEmpty() || page.next().equals(cursor)) {
                break;
            }
            cursor = page.next();
        }
        return new FeedReport(feed, FeedReport.Outcome.POLLED, pages, fetched, fresh, duplicates, failures,
                Optional.empty(), Optional.empty());
    }

    /** The handlers that failed and the last error. */
    private record Failures(Set<String> handlers, String lastError) {
    }

    private Failures deliver(Interaction item, Delivery delivery, List<InteractionHandler> to) {
        Set<String> failed = new LinkedHashSet<>();
        String lastError = "";
        for (InteractionHandler h : to) {
            try {
                h.handle(item, delivery);
            } catch (Exception e) {
                failed.add(h.name());
                lastError = h.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                events.publish(new HandlerFailed(h.name(), item, delivery.attempt(), e, clock.instant()));
            }
        }
        return new Failures(failed, lastError);
    }

    /** Keeps the delivery as abandoned and says so. */
    private void abandon(PendingDelivery delivery, Instant now) {
        store.updatePending(delivery);
        events.publish(new DeliveryAbandoned(delivery, now));
    }

    /** Gives failed deliveries to their handlers again; returns {retried, recovered, abandoned}. */
    private int[] retryPending(Instant now) {
        int retried = 0;
        int recovered = 0;
        int abandoned = 0;
        for (PendingDelivery p : store.pending(options.retryBatch())) {
            if (p.attempts() >= options.maxDeliveryAttempts()) { // maxDeliveryAttempts 1, or lowered since
                abandoned++;
                abandon(new PendingDelivery(p.deliveryKey(), p.feed(), p.interaction(), p.handlers(), p.attempts(),
                        p.lastError(), p.firstFailedAt(), true), now);
                continue;
            }
            retried++;
            Connector connector = connectors.get(p.feed().account());
            List<InteractionHandler> owed = handlers.stream().filter(h -> p.handlers().contains(h.name())).toList();
            Set<String> missing = new LinkedHashSet<>(p.handlers());
            owed.forEach(h -> missing.remove(h.name()));
            Failures failed;
            if (connector == null) {
                failed = new Failures(p.handlers(), "account " + p.feed().account() + " is no longer in this inbox");
            } else {
                failed = deliver(p.interaction(), new Delivery(connector, p.feed(), p.attempts() + 1), owed);
                if (!missing.isEmpty()) {
                    Set<String> all = new LinkedHashSet<>(failed.handlers());
                    all.addAll(missing);
                    failed = new Failures(all, "handler(s) " + missing + " are no longer registered"
                            + (failed.lastError().isEmpty() ? "" : "; " + failed.lastError()));
                }
            }
            int attempts = p.attempts() + 1;
            boolean giveUp = !failed.handlers().isEmpty() && attempts >= options.maxDeliveryAttempts();
            PendingDelivery next = new PendingDelivery(p.deliveryKey(), p.feed(), p.interaction(), failed.handlers(),
                    attempts, failed.handlers().isEmpty() ? p.lastError() : failed.lastError(), p.firstFailedAt(), giveUp);
            if (failed.handlers().isEmpty()) {
                recovered++;
                store.updatePending(next);
            } else if (giveUp) {
                abandoned++;
                abandon(next, now);
            } else {
                store.updatePending(next);
            }
        }
        return new int[] {retried, recovered, abandoned};
    }
}
