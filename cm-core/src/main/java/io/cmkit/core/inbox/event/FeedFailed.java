package io.cmkit.core.inbox.event;

import io.cmkit.core.inbox.FeedKey;
import io.cmkit.core.inbox.FeedReport;
import java.time.Instant;
import java.util.Objects;

/**
 * A feed could not be read: refused credentials, a rejected read, a transient or other failure.
 * The cursor stayed where it was; the other feeds went on.
 *
 * @param feed the feed
 * @param outcome which kind of failure
 * @param error the connector's exception (its message carries the platform's words, never a secret)
 * @param at when
 */
public record FeedFailed(FeedKey feed, FeedReport.Outcome outcome, Exception error, Instant at) implements InboxEvent {
    public FeedFailed {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
    }
}
