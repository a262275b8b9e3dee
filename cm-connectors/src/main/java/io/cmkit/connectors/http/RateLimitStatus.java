package io.cmkit.connectors.http;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a platform's rate-limit headers said about the current window.
 *
 * @param limit requests allowed in the window, when the platform says
 * @param remaining requests left in the window
 * @param resetAt when the window resets
 */
public record RateLimitStatus(OptionalLong limit, long remaining, Instant resetAt) {

    public RateLimitStatus {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(resetAt, "resetAt");
        if (remaining < 0) {
            remaining = 0;
        }
    }
}
