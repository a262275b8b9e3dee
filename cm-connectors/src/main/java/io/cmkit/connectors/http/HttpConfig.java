package io.cmkit.connectors.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the foundation behaves: timeouts, retries, rate-limit waits, circuit breaker. Immutable;
 * {@link #ofDefaults()}, {@link #custom()}, or {@link #from(HttpConfig)} to change a few settings.
 *
 * <pre>{@code
 * HttpConfig config = HttpConfig.custom().requestTimeout(Duration.ofSeconds(10)).maxAttempts(5).build();
 * }</pre>
 */
public final class HttpConfig {

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double backoffMultiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRateLimitWait;
    private final int rateLimitReserve;
    private final float failureRateThreshold;
    private final int slidingWindowSize;
    private final int minimumNumberOfCalls;
    private final Duration openStateDuration;
    private final String userAgent;

    private HttpConfig(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.backoffMultiplier = b.backoffMultiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRateLimitWait = b.maxRateLimitWait;
        this.rateLimitReserve = b.rateLimitReserve;
        this.failureRateThreshold = b.failureRateThreshold;
        this.slidingWindowSize = b.slidingWindowSize;
        this.minimumNumberOfCalls = b.minimumNumberOfCalls;
        this.openStateDuration = b.openStateDuration;
        this.userAgent = b.userAgent;
    }

    /** The defaults listed on each builder method. */
    public static HttpConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from another configuration. */
    public static Builder from(HttpConfig other) {
        return new Builder(other);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double jitter() {
        return jitter;
    }

    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    public int rateLimitReserve() {
        return rateLimitReserve;
    }

    public float failureRateThreshold() {
        return failureRateThreshold;
    }

    public int slidingWindowSize() {
        return slidingWindowSize;
    }

    public int minimumNumberOfCalls() {
        return minimumNumberOfCalls;
    }

    public Duration openStateDuration() {
        return openStateDuration;
    }

    public String userAgent() {
        return userAgent;
    }

    @Override
    public String toString() {
        return "HttpConfig[connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxAttempts="
                + maxAttempts + ", backoff=" + initialBackoff + "x" + backoffMultiplier + " up to " + maxBackoff
                + " jitter " + jitter + ", maxRateLimitWait=" + maxRateLimitWait + ", rateLimitReserve="
                + rateLimitReserve + ", circuit=" + failureRateThreshold + "% of " + slidingWindowSize + " (min "
                + minimumNumberOfCalls + "), open " + openStateDuration + "]";
    }

    /** Builds an {@link HttpConfig}; every setting is checked here. */
    public static final class Builder {

        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double jitter = 0.5;
        private Duration maxRateLimitWait = Duration.ofMinutes(2);
        private int rateLimitReserve = 5;
        private float failureRateThreshold = 50f;
        private int slidingWindowSize = 20;
        private int minimumNumberOfCalls = 10;
        private Duration openStateDuration = Duration.ofSeconds(30);
        private String userAgent = "cmkit/0.1 (+https://github.com/cmkit)";

        private Builder() {
        }

        private Builder(HttpConfig o) {
            connectTimeout = o.connectTimeout;
            requestTimeout = o.requestTimeout;
            maxAttempts = o.maxAttempts;
            initialBackoff = o.initialBackoff;
            backoffMultiplier = o.backoffMultiplier;
            maxBackoff = o.maxBackoff;
            jitter = o.jitter;
            maxRateLimitWait = o.maxRateLimitWait;
            rateLimitReserve = o.rateLimitReserve;
            failureRateThreshold = o.failureRateThreshold;
            slidingWindowSize = o.slidingWindowSize;
            minimumNumberOfCalls = o.minimumNumberOfCalls;
            openStateDuration = o.openStateDuration;
            userAgent = o.userAgent;
        }

        /** Time to open a connection; default 10 s. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Time for one attempt, from sending to the whole answer; default 30 s. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** Attempts per call, the first included; default 4. */
        public Builder maxAttempts(int value) {
            if (value < 1 || value > 20) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 20 (got " + value + ")");
            }
            maxAttempts = value;
            return this;
        }

        /** First backoff, multiplied after each failure and capped; defaults 500 ms, 2.0, 30 s. */
        public Builder backoff(Duration initial, double multiplier, Duration max) {
            initialBackoff = positive(initial, "initial backoff");
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("backoff multiplier must be at least 1 (got " + multiplier + ")");
            }
            backoffMultiplier = multiplier;
            maxBackoff = positive(max, "max backoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is shorter than the initial " + initial);
            }
            return this;
        }

        /** Randomisation of each backoff, 0 (none) to 1 (from 0 to twice); default 0.5. */
        public Builder jitter(double value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("jitter must be in [0, 1) (got " + value + ")");
            }
            jitter = value;
            return this;
        }

        /**
         * The longest the client waits for a rate limit to reset, before a call or after a 429;
         * beyond it the call fails with {@link io.cmkit.core.spi.RateLimitedException} and its
         * reset time, for a scheduler to hold the work. Default 2 minutes; zero never waits.
         */
        public Builder maxRateLimitWait(Duration value) {
            Objects.requireNonNull(value, "maxRateLimitWait");
            if (value.isNegative()) {
                throw new IllegalArgumentException("maxRateLimitWait must not be negative (got " + value + ")");
            }
            maxRateLimitWait = value;
            return this;
        }

        /**
         * Below this many remaining requests in a window, the client spreads the rest evenly until
         * the reset instead of sending at full speed; at zero it waits for the reset. Default 5.
         */
        public Builder rateLimitReserve(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("rateLimitReserve must not be negative (got " + value + ")");
            }
            rateLimitReserve = value;
            return this;
        }

        /**
         * The account's circuit opens when this share of the last {@code windowSize} calls (at
         * least {@code minimumCalls}) failed transiently, and stays open for {@code openFor};
         * defaults 50 %, 20, 10, 30 s.
         */
        public Builder circuitBreaker(float failureRatePercent, int windowSize, int minimumCalls, Duration openFor) {
            if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new IllegalArgumentException("failure rate must be in (0, 100] (got " + failureRatePercent + ")");
            }
            if (windowSize < 1 || minimumCalls < 1) {
                throw new IllegalArgumentException("window size and minimum calls must be positive");
            }
            failureRateThreshold = failureRatePercent;
            slidingWindowSize = windowSize;
            minimumNumberOfCalls = minimumCalls;
            openStateDuration = positive(openFor, "openFor");
            return this;
        }

        /** The User-Agent header. */
        public Builder userAgent(String value) {
            Objects.requireNonNull(value, "userAgent");
            if (value.isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            userAgent = value;
            return this;
        }

        public HttpConfig build() {
            return new HttpConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
            }
            return value;
        }
    }
}
