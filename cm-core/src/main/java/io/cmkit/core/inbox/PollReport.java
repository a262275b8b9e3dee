package io.cmkit.core.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Inbox#poll()} did.
 *
 * @param at when the poll started (the inbox's clock)
 * @param feeds one report per feed, in the order they were read
 * @param retried failed deliveries given again to their handlers
 * @param recovered of those, the ones every remaining handler took this time
 * @param abandoned of those, the ones whose attempts ran out (kept in the store, reported as events)
 * @param forgotten seen keys dropped because they were older than {@link InboxOptions#seenRetention()}
 */
public record PollReport(Instant at, List<FeedReport> feeds, int retried, int recovered, int abandoned, int forgotten) {

    public PollReport {
        Objects.requireNonNull(at, "at");
        feeds = List.copyOf(feeds);
    }

    /** Interactions read, over every feed. */
    public int fetched() {
        return feeds.stream().mapToInt(FeedReport::fetched).sum();
    }

    /** New interactions handed to the handlers, over every feed. */
    public int fresh() {
        return feeds.stream().mapToInt(FeedReport::fresh).sum();
    }

    /** Duplicates skipped, over every feed. */
    public int duplicates() {
        return feeds.stream().mapToInt(FeedReport::duplicates).sum();
    }

    /** Failed deliveries of new interactions, over every feed. */
    public int handlerFailures() {
        return feeds.stream().mapToInt(FeedReport::handlerFailures).sum();
    }

    /** The feeds that failed (waiting ones are not failures). */
    public List<FeedReport> failures() {
        return feeds.stream().filter(f -> !f.ok() && f.outcome() != FeedReport.Outcome.WAITING).toList();
    }
}
