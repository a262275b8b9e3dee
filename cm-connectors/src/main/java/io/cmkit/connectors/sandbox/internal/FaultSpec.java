package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure to inject, as the internal side sees it.
 *
 * @param kind how the call fails
 * @param resetAt for a rate limit: a fixed reset instant, if given
 * @param resetAfter for a rate limit: the reset relative to the failing call, if given
 * @param reason for a rejection: the platform's reason
 */
public record FaultSpec(Kind kind, Optional<Instant> resetAt, Optional<Duration> resetAfter, Optional<String> reason) {

    /** How the call fails. */
    public enum Kind {
        /** {@link TransientException} before anything happens. */
        TRANSIENT,
        /** {@link RateLimitedException} with its reset instant. */
        RATE_LIMITED,
        /** {@link AuthenticationException}. */
        AUTHENTICATION,
        /** {@link RejectedException} with the reason. */
        REJECTED,
        /** The call takes effect, then the answer is lost: {@link TransientException}. */
        LOST_RESPONSE
    }

    public FaultSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the call takes effect before failing. */
    boolean afterEffect() {
        return kind == Kind.LOST_RESPONSE;
    }

    /** The exception the platform's connector would throw, in the platform's own words. */
    ConnectorException toException(Platform platform, Instant now) {
        return switch (kind) {
            case TRANSIENT -> new TransientException(platform, "the platform is unavailable (HTTP 503)",
                    Optional.of("Service Unavailable"), null);
            case RATE_LIMITED -> new RateLimitedException(platform,
                    resetAt.orElseGet(() -> now.plus(resetAfter.orElse(Duration.ofMinutes(15)))),
                    Optional.of(rateLimitText(platform)));
            case AUTHENTICATION -> new AuthenticationException(platform, "the access token was refused",
                    Optional.of(authenticationText(platform)));
            case REJECTED -> new RejectedException(platform, reason.orElse("rejected"), Optional.of("sandbox_fault"));
            case LOST_RESPONSE -> new TransientException(platform,
                    "the connection was reset before the answer arrived; the call may have taken effect",
                    Optional.empty(), null);
        };
    }

    private static String rateLimitText(Platform platform) {
        return switch (platform.id()) {
            case "mastodon" -> "Too many requests";
            case "bluesky" -> "RateLimitExceeded: Rate Limit Exceeded";
            case "x" -> "Too Many Requests";
            case "facebook", "instagram", "threads" -> "(#32) Page request limit reached";
            case "linkedin" -> "Resource level throttle limit for calls to this resource is reached";
            default -> "Rate limit exceeded";
        };
    }

    private static String authenticationText(Platform platform) {
        return switch (platform.id()) {
            case "mastodon" -> "The access token is invalid";
            case "bluesky" -> "ExpiredToken: Token has expired";
            case "x" -> "Unauthorized";
            case "facebook", "instagram", "threads" -> "Error validating access token: Session has expired";
            case "linkedin" -> "Invalid access token";
            default -> "Invalid credentials";
        };
    }
}
