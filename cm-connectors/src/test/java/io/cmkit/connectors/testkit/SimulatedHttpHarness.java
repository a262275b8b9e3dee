package io.cmkit.connectors.testkit;

import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.sandbox.SimulatedClock;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A harness whose connector runs on the real HTTP foundation against a fake platform on loopback
 * (WireMock): the foundation follows a {@link SimulatedClock} that each of its waits (backoff,
 * rate-limit resets) advances instead of sleeping, and records. Subclasses add the platform: its
 * stubs, its faults, its mentions.
 */
public abstract class SimulatedHttpHarness implements ConnectorHarness {

    /** How many times the kit's configuration retries a failed call. */
    public static final int RETRIES = 2;

    private final SimulatedClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final HttpFoundation foundation;

    /**
     * @param start where the simulated clock starts
     * @param config the foundation's configuration, usually {@link #kitConfig()}
     * @param jdkDefaultClient {@code true} to let the foundation make its own JDK client (it must then
     *     speak HTTP/1.1 to {@code http://} itself); {@code false} for an HTTP/1.1 client with the
     *     configuration's connect timeout
     */
    protected SimulatedHttpHarness(Instant start, HttpConfig config, boolean jdkDefaultClient) {
        this.clock = SimulatedClock.at(start);
        HttpFoundation.Builder builder = HttpFoundation.builder()
                .config(config)
                .clock(clock)
                .sleeper(d -> {
                    sleeps.add(d);
                    if (!d.isNegative()) {
                        clock.advance(d);
                    }
                });
        if (!jdkDefaultClient) {
            builder.httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.connectTimeout()).build());
        }
        this.foundation = builder.build();
    }

    /** The kit's configuration: {@value #RETRIES} retries, 2-minute rate-limit waits, short timeouts. */
    public static HttpConfig kitConfig() {
        return HttpConfig.custom().maxAttempts(RETRIES + 1).connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5)).maxRateLimitWait(Duration.ofMinutes(2)).build();
    }

    /** The foundation the connector runs on. */
    public HttpFoundation foundation() {
        return foundation;
    }

    /** The clock the foundation and the connector follow. */
    public SimulatedClock simulatedClock() {
        return clock;
    }

    /** Every wait the foundation asked for, in order. */
    public List<Duration> sleeps() {
        return sleeps;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public int retries() {
        return RETRIES;
    }

    @Override
    public Duration longestRateLimitWait() {
        return foundation.config().maxRateLimitWait();
    }

    /** Closes the connector, then the foundation. */
    @Override
    public void close() {
        connector().close();
        foundation.close();
    }
}
