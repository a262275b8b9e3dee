package io.cmkit.connectors.http;

import java.time.Duration;

/**
 * How the foundation waits: between retries, until a rate limit resets. Tests pass one that
 * advances a simulated clock instead of sleeping, so a 15-minute reset takes no time.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits this long; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** Real sleeping with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
            }
        };
    }
}
