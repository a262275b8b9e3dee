package io.cmkit.core.inbox;

import io.cmkit.core.spi.Cursor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store keeps of one feed.
 *
 * @param feed the feed
 * @param cursor where the next poll starts; empty before the first page was taken
 * @param waitUntil no poll before this instant (the platform's rate-limit reset)
 */
public record FeedState(FeedKey feed, Optional<Cursor> cursor, Optional<Instant> waitUntil) {

    public FeedState {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(waitUntil, "waitUntil");
    }
}
