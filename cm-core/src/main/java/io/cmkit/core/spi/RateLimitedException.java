package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform refused the call because a rate limit is spent; it may be made again at
 * {@link #resetAt()}. Schedulers hold the work until then rather than failing it.
 */
public class RateLimitedException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final Instant resetAt;

    public RateLimitedException(Platform platform, Instant resetAt, Optional<String> platformMessage) {
        super(platform, "rate limit reached; resets at " + Objects.requireNonNull(resetAt, "resetAt"),
                platformMessage, null);
        this.resetAt = resetAt;
    }

    /** When the limit resets and the call may be made again. */
    public Instant resetAt() {
        return resetAt;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
