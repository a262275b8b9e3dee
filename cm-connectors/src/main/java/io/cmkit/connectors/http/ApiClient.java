package io.cmkit.connectors.http;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.util.Optional;

/**
 * Calls one platform for one account, with every rule of the foundation applied to each call:
 * rate-limit pacing, circuit breaker, timeouts, retries, authentication and refresh, logging and
 * error mapping. Get one from {@link HttpFoundation#client}. Thread-safe.
 *
 * <p>What a call throws:
 * <ul>
 *   <li>{@link AuthenticationException}: 401, 403, or an expired credential that a refresh could not renew;</li>
 *   <li>{@link RateLimitedException} with the reset instant: a 429 (or a spent window) resetting
 *       beyond {@link HttpConfig#maxRateLimitWait()}, or still limited after every attempt;</li>
 *   <li>{@link RejectedException} with the platform's reason and code: 400, 404, 409, 422 and
 *       other 4xx;</li>
 *   <li>{@link TransientException}: 5xx, timeouts, reset connections, unreadable answers, once
 *       retries are spent or when the request was not safe to repeat; an open circuit.</li>
 * </ul>
 */
public interface ApiClient extends AutoCloseable {

    /** The account whose calls these are. */
    Account account();

    /** Sends the request; a 2xx answer is returned, anything else throws as described above. */
    ApiResponse send(ApiRequest request) throws ConnectorException;

    /** Sends the request and reads its JSON body as this type, within the retried attempt. */
    <T> T send(ApiRequest request, Class<T> type) throws ConnectorException;

    /** Sends the request and reads the answer with this reader, within the retried attempt. */
    <T> T send(ApiRequest request, ResponseReader<T> reader) throws ConnectorException;

    /** What the platform's headers last said about this account's window. */
    Optional<RateLimitStatus> rateLimit();

    /** Releases nothing shared: the foundation owns connections. */
    @Override
    default void close() {
    }

    /** Builds a client; no network call. */
    interface Builder {

        /** How the platform states its limits; default {@link RateLimitHeaders#none()}. */
        Builder rateLimitHeaders(RateLimitHeaders headers);

        /** How the platform words its errors; default {@link ErrorParser#standard()}. */
        Builder errorParser(ErrorParser parser);

        /** The account's credentials; default {@link Authenticator#none()}. */
        Builder authenticator(Authenticator authenticator);

        ApiClient build();
    }
}
