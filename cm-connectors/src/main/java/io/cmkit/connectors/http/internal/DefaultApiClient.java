package io.cmkit.connectors.http.internal;

import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiError;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.ApiResponse;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.ErrorParser;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.connectors.http.RateLimitStatus;
import io.cmkit.connectors.http.ResponseReader;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.http.Sleeper;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link ApiClient}. One call is a loop of attempts driven by a Resilience4j
 * {@link Retry} (its asynchronous context computes each wait, so the waiting itself goes through
 * the injected {@link Sleeper}); each attempt takes a request from the account's rate-limit
 * window, asks the account's circuit breaker for permission, sends, and classifies the answer.
 */
public final class DefaultApiClient implements ApiClient {

    /** Requests, answers, retries and failures are logged here, redacted. */
    public static final String LOGGER = "io.cmkit.connectors.http";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Duration DEFAULT_RATE_LIMIT_RESET = Duration.ofMinutes(1);

    private final Account account;
    private final Platform platform;
    private final URI baseUri;
    private final HttpClient http;
    private final HttpConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AccountRateLimiter limiter;
    private final CircuitBreaker breaker;
    private final RateLimitHeaders rateLimitHeaders;
    private final ErrorParser errorParser;
    private final Authenticator authenticator;
    private final Retry retry;

    private DefaultApiClient(Builder b) {
        this.account = b.account;
        this.platform = b.account.platform();
        this.baseUri = b.baseUri;
        this.http = b.http;
        this.config = b.config;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.limiter = b.limiter;
        this.breaker = b.breaker;
        this.rateLimitHeaders = b.rateLimitHeaders;
        this.errorParser = b.errorParser;
        this.authenticator = b.authenticator;
        IntervalFunction backoff = config.jitter() > 0
                ? IntervalFunction.ofExponentialRandomBackoff(config.initialBackoff(), config.backoffMultiplier(),
                config.jitter(), config.maxBackoff())
                : IntervalFunction.ofExponentialBackoff(config.initialBackoff(), config.backoffMultiplier(),
                config.maxBackoff());
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            long wait = backoff.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof AttemptFailure f && f.retryAt.isPresent()) {
                long untilReset = Duration.between(clock.instant(), f.retryAt.get()).toMillis();
                // a reset the platform announced is the wait: sooner would only earn another 429
                wait = untilReset > 0 ? untilReset : wait;
            }
            return wait;
        };
        this.retry = Retry.of(platform.id() + ":" + account.handle(), RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(t -> t instanceof AttemptFailure f && f.retryable)
                .build());
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public Optional<RateLimitStatus> rateLimit() {
        return limiter.lastSeen();
    }

    @Override
    public ApiResponse send(ApiRequest request) throws ConnectorException {
        return send(request, (ResponseReader<ApiResponse>) r -> r);
    }

    @Override
    public <T> T send(ApiRequest request, Class<T> type) throws ConnectorException {
        Objects.requireNonNull(type, "type");
        return send(request, r -> r.json(type));
    }

    @Override
    public <T> T send(ApiRequest request, ResponseReader<T> reader) throws ConnectorException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reader, "reader");
        Retry.AsyncContext<Object> context = retry.asyncContext();
        boolean replayed = false;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                T value = attempt(request, reader, attempt);
                context.onComplete();
                return value;
            } catch (AttemptFailure f) {
                if (f.expiredCredentials.isPresent() && !replayed
                        && request.authMode() == ApiRequest.AuthMode.AUTHENTICATOR) {
                    replayed = true;
                    attempt--;
                    LOG.info("{} {}: the platform says the credentials expired ({}); renewing them and replaying once",
                            platform.displayName(), request.endpoint(), f.expiredCredentials.get().codeOrStatus());
                    authenticator.refresh(this, f.expiredCredentials.get());
                    continue;
                }
                if (!f.retryable) {
                    throw logged(request, attempt, f.error);
                }
                if (f.mayHaveBeenApplied && !request.retrySafe()) {
                    throw logged(request, attempt, new TransientException(platform, Redactor.redact(f.error.getMessage()
                            + "; not retried: a " + request.method() + " without an idempotency key may already have"
                            + " been applied"), f.error.platformMessage(), null));
                }
                if (f.retryAt.isPresent()
                        && Duration.between(clock.instant(), f.retryAt.get()).compareTo(config.maxRateLimitWait()) > 0) {
                    throw logged(request, attempt, f.error);   // not worth a thread blocked that long
                }
                long delay = context.onError(f);
                if (delay < 0) {
                    throw logged(request, attempt, gaveUp(f.error, attempt));
                }
                LOG.warn("{} failed on attempt {} of {}: {}; retrying in {} ms", request.endpoint(), attempt,
                        config.maxAttempts(), Redactor.redact(f.error.getMessage()), delay);
                pause(Duration.ofMillis(delay));
            }
        }
    }

    private ConnectorException gaveUp(ConnectorException error, int attempts) {
        if (error instanceof TransientException) {
            return new TransientException(platform, Redactor.redact(stripPlatform(error)) + " (gave up after "
                    + attempts + " attempts)", error.platformMessage(), null);
        }
        return error;
    }

    private String stripPlatform(ConnectorException error) {
        String m = error.getMessage();
        String prefix = platform.displayName() + ": ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        int said = m.indexOf(" (platform said: ");
        return said < 0 ? m : m.substring(0, said);
    }

    private ConnectorException logged(ApiRequest request, int attempt, ConnectorException error) {
        LOG.warn("{} failed on attempt {}: {}", request.endpoint(), attempt, Redactor.redact(error.getMessage()));
        return error;
    }

    private void pause(Duration duration) throws TransientException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(platform, "interrupted while waiting to retry", Optional.empty(), null);
        }
    }

    private <T> T attempt(ApiRequest request, ResponseReader<T> reader, int attempt) throws ConnectorException {
        limiter.acquire();
        HttpRequest httpRequest = build(request);
        if (!breaker.tryAcquirePermission()) {
            throw logged(request, attempt, new TransientException(platform, "the circuit for " + account
                    + " is open after repeated failures; calls resume within " + config.openStateDuration(),
                    Optional.empty(), null));
        }
        String url = Redactor.redactUrl(httpRequest.uri().toString());
        LOG.debug("-> {} {} (attempt {})", request.method(), url, attempt);
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw failedToSend(request, start, e, AttemptFailure.notApplied(transientError(
                    "could not connect within " + config.connectTimeout() + " for " + request.endpoint()), Optional.empty()));
        } catch (HttpTimeoutException e) {
            Duration timeout = request.timeout().orElse(config.requestTimeout());
            throw failedToSend(request, start, e, AttemptFailure.ambiguous(transientError(
                    "no answer within " + timeout + " for " + request.endpoint()), Optional.empty()));
        } catch (ConnectException e) {
            throw failedToSend(request, start, e, AttemptFailure.notApplied(transientError(
                    "could not connect for " + request.endpoint() + ": " + describe(e)), Optional.empty()));
        } catch (IOException e) {
            throw failedToSend(request, start, e, AttemptFailure.ambiguous(transientError(
                    "the connection failed during " + request.endpoint() + ": " + describe(e)), Optional.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            throw new TransientException(platform, "interrupted during " + request.endpoint(), Optional.empty(), null);
        }
        long nanos = System.nanoTime() - start;
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        Instant now = clock.instant();
        Optional<RateLimitStatus> window = rateLimitHeaders.read(headers, now);
        window.ifPresent(limiter::update);
        LOG.debug("<- {} {} {} in {} ms (attempt {}){}", status, request.method(), url,
                TimeUnit.NANOSECONDS.toMillis(nanos), attempt,
                window.map(w -> ", rate limit " + w.remaining() + " left until " + w.resetAt()).orElse(""));
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (status >= 200 && status < 300) {
            ApiResponse answer = new ApiResponse(platform, request.endpoint(), status, headers, body);
            T value;
            try {
                value = reader.read(answer);
            } catch (TransientException e) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, e);
                throw AttemptFailure.ambiguous(e, Optional.empty());
            } catch (ConnectorException | RuntimeException e) {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                throw e;
            }
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            return value;
        }
        ApiError error = errorParser.parse(status, headers.firstValue("Content-Type"), body);
        String what = "HTTP " + status + " on " + request.endpoint();
        if (status == 429) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            Instant resetAt = HeaderRateLimits.retryAfter(headers, now)
                    .or(() -> window.map(RateLimitStatus::resetAt).filter(r -> r.isAfter(now)))
                    .orElse(now.plus(DEFAULT_RATE_LIMIT_RESET));
            limiter.exhausted(resetAt);
            throw AttemptFailure.notApplied(new RateLimitedException(platform, resetAt,
                    Optional.of(error.describe())), Optional.of(resetAt));
        }
        if (request.authMode() == ApiRequest.AuthMode.AUTHENTICATOR && authenticator.isExpired(error)) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            throw AttemptFailure.expired(new AuthenticationException(platform, what
                    + ": the credentials expired and renewing them did not help", Optional.of(error.describe())), error);
        }
        if (status == 401 || status == 403) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            throw new AuthenticationException(platform, what + (status == 401 ? ": the credentials were refused"
                    : ": the credentials lack a permission"), Optional.of(error.describe()));
        }
        if (status >= 500) {
            TransientException e = new TransientException(platform, what, error.message().or(error::code), null);
            breaker.onError(nanos, TimeUnit.NANOSECONDS, e);
            Optional<Instant> retryAfter = HeaderRateLimits.retryAfter(headers, now)
                    .filter(at -> Duration.between(now, at).compareTo(config.maxRateLimitWait()) <= 0);
            throw AttemptFailure.ambiguous(e, retryAfter);
        }
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        String reason = error.message().or(error::code).orElse(what);
        throw new RejectedException(platform, reason, Optional.of(error.codeOrStatus()));
    }

    private AttemptFailure failedToSend(ApiRequest request, long start, Exception cause, AttemptFailure failure) {
        long nanos = System.nanoTime() - start;
        breaker.onError(nanos, TimeUnit.NANOSECONDS, cause);
        LOG.debug("<- failed {} {} after {} ms: {}", request.method(), request.endpoint(),
                TimeUnit.NANOSECONDS.toMillis(nanos), describe(cause));
        return failure;
    }

    private TransientException transientError(String message) {
        return new TransientException(platform, Redactor.redact(message), Optional.empty(), null);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + Redactor.redact(m) + ")");
    }

    private HttpRequest build(ApiRequest request) throws ConnectorException {
        URI uri = resolve(request);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(request.timeout().orElse(config.requestTimeout()))
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // plain http: the JDK would ask to upgrade to h2c, which some servers (a Node PDS)
            // answer by closing the connection; HTTP/2 is negotiated only over TLS
            b.version(HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach(b::header);
        switch (request.authMode()) {
            case AUTHENTICATOR -> authenticator.authorization(this).map(Secret::reveal)
                    .ifPresent(v -> b.header("Authorization", v));
            case EXPLICIT -> request.explicitAuthorization().map(Secret::reveal)
                    .ifPresent(v -> b.header("Authorization", v));
            case NONE -> {
            }
        }
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher;
        if (body.length > 0 || request.contentType().isPresent()) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(body);
            request.contentType().ifPresent(ct -> b.header("Content-Type", ct));
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        return b.method(request.method(), publisher).build();
    }

    private URI resolve(ApiRequest request) {
        String path = request.path();
        StringBuilder url = new StringBuilder();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            url.append(path);
        } else {
            String base = baseUri.toString();
            url.append(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            url.append(path.startsWith("/") ? path : "/" + path);
        }
        char sep = url.indexOf("?") >= 0 ? '&' : '?';
        for (Map.Entry<String, String> p : request.queryParameters()) {
            url.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(url.toString());
    }

    @Override
    public String toString() {
        return "ApiClient[" + account + " at " + Redactor.redactUrl(baseUri.toString()) + "]";
    }

    /** Builds a {@link DefaultApiClient} from what the foundation shares for the account. */
    public static final class Builder implements ApiClient.Builder {

        private final Account account;
        private final URI baseUri;
        private final HttpClient http;
        private final HttpConfig config;
        private final Clock clock;
        private final Sleeper sleeper;
        private final AccountRateLimiter limiter;
        private final CircuitBreaker breaker;
        private RateLimitHeaders rateLimitHeaders = RateLimitHeaders.none();
        private ErrorParser errorParser = ErrorParser.standard();
        private Authenticator authenticator = Authenticator.none();

        public Builder(Account account, URI baseUri, HttpClient http, HttpConfig config, Clock clock, Sleeper sleeper,
                       AccountRateLimiter limiter, CircuitBreaker breaker) {
            this.account = account;
            this.baseUri = baseUri;
            this.http = http;
            this.config = config;
            this.clock = clock;
            this.sleeper = sleeper;
            this.limiter = limiter;
            this.breaker = breaker;
        }

        @Override
        public Builder rateLimitHeaders(RateLimitHeaders headers) {
            rateLimitHeaders = Objects.requireNonNull(headers, "headers");
            return this;
        }

        @Override
        public Builder errorParser(ErrorParser parser) {
            errorParser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        @Override
        public Builder authenticator(Authenticator value) {
            authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        @Override
        public ApiClient build() {
            return new DefaultApiClient(this);
        }
    }
}
