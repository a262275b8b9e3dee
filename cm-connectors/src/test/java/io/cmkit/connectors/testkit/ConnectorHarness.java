package io.cmkit.connectors.testkit;

import io.cmkit.core.spi.Connector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The connector under test and what the kit needs around it. One is made per test by
 * {@link ConnectorCompatibilityKit#createHarness()} and closed after it.
 */
public interface ConnectorHarness extends AutoCloseable {

    /** The connector under test, opened for one account. */
    Connector connector();

    /** Makes its platform misbehave. */
    FaultDriver faults();

    /**
     * The clock the connector follows. Its waits (backoff, rate-limit resets) must advance this
     * clock rather than sleep, so the kit can tell a wait from a failure without real time passing.
     */
    Clock clock();

    /** How many times a failed call is retried before it fails (0: failures surface at once). */
    int retries();

    /** The longest the connector waits for a rate limit to reset before failing instead (zero: never waits). */
    Duration longestRateLimitWait();

    /**
     * Makes {@code count} new mentions of the account appear in its mention feed, newer than any
     * already there, and returns their texts in order. Called only when the connector has a
     * mention feed.
     */
    List<String> seedMentions(int count) throws Exception;

    /** The tokens, passwords and keys the connector holds: none may appear in a log line or message. */
    Set<String> secrets();

    @Override
    default void close() throws Exception {
        connector().close();
    }
}
