package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.HeaderRateLimits;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * How one platform states its rate limits in response headers: a per-platform strategy.
 * {@code Retry-After} (seconds or an HTTP date) is always honoured on top of it.
 */
@FunctionalInterface
public interface RateLimitHeaders {

    /**
     * The window these headers describe, read at {@code now}; empty when they say nothing.
     * Unreadable values are ignored, never fatal.
     */
    Optional<RateLimitStatus> read(HttpHeaders headers, Instant now);

    /**
     * Mastodon: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
     * {@code X-RateLimit-Reset} as an ISO-8601 date-time ({@code 2025-03-03T08:05:00.000Z}).
     */
    static RateLimitHeaders mastodon() {
        return HeaderRateLimits.MASTODON;
    }

    /**
     * The IETF draft used by Bluesky: {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
     * {@code RateLimit-Reset} in seconds, either a delta from now or, when it is larger than
     * a billion, epoch seconds. A {@code RateLimit-Policy} header is ignored.
     */
    static RateLimitHeaders ietfDraft() {
        return HeaderRateLimits.IETF_DRAFT;
    }

    /** A platform that states no limits: only {@code Retry-After} and 429s count. */
    static RateLimitHeaders none() {
        return (headers, now) -> Optional.empty();
    }
}
