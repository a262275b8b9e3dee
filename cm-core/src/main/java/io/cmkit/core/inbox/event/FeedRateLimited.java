package io.cmkit.core.inbox.event;

import io.cmkit.core.inbox.FeedKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A feed hit the platform's rate limit; it is not read again before {@code until}.
 *
 * @param feed the feed
 * @param until the platform's reset
 * @param at when
 */
public record FeedRateLimited(FeedKey feed, Instant until, Instant at) implements InboxEvent {
    public FeedRateLimited {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(at, "at");
    }
}
