package io.cmkit.core.inbox;

import io.cmkit.core.spi.Connector;
import java.util.Objects;

/**
 * How an interaction reaches a handler.
 *
 * @param connector the connector of the interaction's account, to act on it (hide, reply...)
 * @param feed the feed it came from
 * @param attempt 1 for the first delivery to this handler, 2 for the first retry...
 */
public record Delivery(Connector connector, FeedKey feed, int attempt) {

    public Delivery {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(feed, "feed");
        if (attempt < 1) {
            throw new IllegalArgumentException("Delivery.attempt must be at least 1, got " + attempt);
        }
    }
}
