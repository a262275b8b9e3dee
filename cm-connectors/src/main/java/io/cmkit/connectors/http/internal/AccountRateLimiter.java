package io.cmkit.connectors.http.internal;

import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.RateLimitStatus;
import io.cmkit.connectors.http.Sleeper;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.TransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One account's rate-limit window, fed by the platform's own headers, so the client slows down
 * before it gets a 429. While more than {@link HttpConfig#rateLimitReserve()} requests remain,
 * requests go at full speed; below that, the remaining ones are spread evenly until the reset;
 * at zero, the next request waits for the reset. A wait longer than
 * {@link HttpConfig#maxRateLimitWait()} is not made: the call fails at once with a
 * {@link RateLimitedException} carrying the reset.
 *
 * <p>Requests in flight are counted down locally, so concurrent callers do not all spend the
 * last request; each answer's headers then correct the count.
 *
 * <p>Resilience4j's {@code RateLimiter} refreshes a fixed number of permits on its own cycle and
 * cannot be told "14 left until 12:05", which is what platforms say; hence this small limiter.
 */
public final class AccountRateLimiter {

    private final Platform platform;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpConfig config;

    private long remaining;
    private Instant resetAt;
    private Instant lastSent = Instant.MIN;
    private Optional<RateLimitStatus> lastSeen = Optional.empty();

    public AccountRateLimiter(Platform platform, Clock clock, Sleeper sleeper, HttpConfig config) {
        this.platform = platform;
        this.clock = clock;
        this.sleeper = sleeper;
        this.config = config;
    }

    /** Takes a request from the window, waiting first when the window asks for it. */
    public void acquire() throws RateLimitedException, TransientException {
        while (true) {
            Duration wait;
            Instant until;
            synchronized (this) {
                Instant now = clock.instant();
                if (resetAt == null || !now.isBefore(resetAt)) {
                    resetAt = null;
                    lastSent = now;
                    return;
                }
                if (remaining > config.rateLimitReserve()) {
                    remaining--;
                    lastSent = now;
                    return;
                }
                if (remaining > 0) {
                    Duration interval = Duration.between(now, resetAt).dividedBy(remaining + 1);
                    Instant next = lastSent.equals(Instant.MIN) ? now : lastSent.plus(interval);
                    if (!now.isBefore(next)) {
                        remaining--;
                        lastSent = now;
                        return;
                    }
                    until = next;
                } else {
                    until = resetAt;
                }
                wait = Duration.between(now, until);
                if (wait.compareTo(config.maxRateLimitWait()) > 0) {
                    throw new RateLimitedException(platform, resetAt, Optional.of(
                            "no request left in the window (cmkit did not send it)"));
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException(platform, "interrupted while waiting for the rate limit to reset",
                        Optional.empty(), null);
            }
        }
    }

    /** What an answer's headers said. */
    public synchronized void update(RateLimitStatus status) {
        lastSeen = Optional.of(status);
        if (resetAt != null && resetAt.equals(status.resetAt())) {
            remaining = Math.min(remaining, status.remaining());
        } else {
            remaining = status.remaining();
            resetAt = status.resetAt();
        }
    }

    /** A 429: nothing is left until {@code until}. */
    public synchronized void exhausted(Instant until) {
        remaining = 0;
        resetAt = until;
    }

    /** The last status the platform gave. */
    public synchronized Optional<RateLimitStatus> lastSeen() {
        return lastSeen;
    }

    @Override
    public synchronized String toString() {
        return "AccountRateLimiter[" + platform + ", remaining=" + (resetAt == null ? "unknown" : remaining
                + " until " + resetAt) + "]";
    }
}
