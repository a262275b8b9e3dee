package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.AccountRateLimiter;
import io.cmkit.connectors.http.internal.DefaultApiClient;
import io.cmkit.core.model.Account;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The registry of the HTTP foundation: one JDK {@link HttpClient}, a configuration, a clock and
 * a sleeper, and the state kept per account (its rate-limit window and its circuit breaker), so
 * two connectors opened for the same account share them. A host keeps one; tests build one on a
 * simulated clock with a sleeper that advances it.
 *
 * <pre>{@code
 * HttpFoundation foundation = HttpFoundation.builder()
 *         .config(HttpConfig.custom().maxRateLimitWait(Duration.ofMinutes(1)).build())
 *         .clock(clock).sleeper(sleeper).build();
 * ApiClient api = foundation.client(account, baseUri).authenticator(auth).build();
 * }</pre>
 *
 * <p>Building it or a client makes no network call.
 */
public final class HttpFoundation implements AutoCloseable {

    private static volatile HttpFoundation shared;

    private final HttpConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final ConcurrentMap<Account, AccountRateLimiter> limiters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Account, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    private HttpFoundation(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.http = b.http != null ? b.http : HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default configuration, the system clock, real sleeping. */
    public static HttpFoundation ofDefaults() {
        return builder().build();
    }

    /**
     * The process-wide foundation with defaults, for providers opened without one of the host's:
     * accounts share their windows and circuits across connectors.
     */
    public static HttpFoundation shared() {
        HttpFoundation f = shared;
        if (f == null) {
            synchronized (HttpFoundation.class) {
                f = shared;
                if (f == null) {
                    f = ofDefaults();
                    shared = f;
                }
            }
        }
        return f;
    }

    /** A client builder for one account of a platform at this base URI ({@code https://mastodon.social}). */
    public ApiClient.Builder client(Account account, URI baseUri) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.isAbsolute() || !("https".equals(baseUri.getScheme()) || "http".equals(baseUri.getScheme()))) {
            throw new IllegalArgumentException("the base URI must be an absolute http(s) URI (got " + baseUri + ")");
        }
        return new DefaultApiClient.Builder(account, baseUri, http, config, clock, sleeper, rateLimiter(account),
                circuitBreaker(account));
    }

    public HttpConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** The JDK client all calls share. */
    public HttpClient httpClient() {
        return http;
    }

    private AccountRateLimiter rateLimiter(Account account) {
        return limiters.computeIfAbsent(account, a -> new AccountRateLimiter(a.platform(), clock, sleeper, config));
    }

    /** The account's circuit breaker, shared by its clients; it follows the foundation's clock. */
    private CircuitBreaker circuitBreaker(Account account) {
        return breakers.computeIfAbsent(account, a -> new CircuitBreakerStateMachine(
                a.platform().id() + ":" + a.handle(),
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(config.failureRateThreshold())
                        .slidingWindowSize(config.slidingWindowSize())
                        .minimumNumberOfCalls(config.minimumNumberOfCalls())
                        .waitDurationInOpenState(config.openStateDuration())
                        .currentTimestampFunction(c -> clock.millis(), TimeUnit.MILLISECONDS)
                        .build(),
                clock));
    }

    /** Forgets per-account state; the JDK client closes with the JVM (JDK 17 has no close). */
    @Override
    public void close() {
        limiters.clear();
        breakers.clear();
    }

    @Override
    public String toString() {
        return "HttpFoundation[" + config + ", accounts=" + limiters.size() + "]";
    }

    /** Builds an {@link HttpFoundation}. */
    public static final class Builder {

        private HttpConfig config = HttpConfig.ofDefaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpClient http;

        private Builder() {
        }

        public Builder config(HttpConfig value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * A JDK client of the host's (a proxy, an SSL context, HTTP/1.1 only); default: one with
         * the configured connect timeout, following redirects.
         */
        public Builder httpClient(HttpClient value) {
            http = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        public HttpFoundation build() {
            return new HttpFoundation(this);
        }
    }
}
