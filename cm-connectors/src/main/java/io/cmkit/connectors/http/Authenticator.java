package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.RefreshingAuthenticator;
import io.cmkit.core.spi.ConnectorException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The account's credentials, plugged into an {@link ApiClient} once: callers of a connector never
 * pass tokens per call.
 *
 * <p>Before each request the client asks for the {@code Authorization} value. When the platform
 * answers with an error that {@link #isExpired} recognises (XRPC's {@code ExpiredToken}), the
 * client calls {@link #refresh} once and replays the request once; a second refusal is an
 * {@link io.cmkit.core.spi.AuthenticationException}.
 */
public interface Authenticator {

    /** The {@code Authorization} header value for the next request ({@code "Bearer ..."}); empty for none. */
    Optional<Secret> authorization(ApiClient client) throws ConnectorException;

    /** Whether this error means the credential expired and {@link #refresh} may renew it. */
    default boolean isExpired(ApiError error) {
        return false;
    }

    /** Renews the credential after {@code error}; the failed request is then replayed once. */
    default void refresh(ApiClient client, ApiError error) throws ConnectorException {
    }

    /** No credentials. */
    static Authenticator none() {
        return client -> Optional.empty();
    }

    /** A static bearer token (a Mastodon access token). */
    static Authenticator bearer(Secret token) {
        Objects.requireNonNull(token, "token");
        Secret header = Secret.of("Bearer " + token.reveal());
        return client -> Optional.of(header);
    }

    /**
     * Tokens obtained and renewed through the platform (a Bluesky session): the current token is
     * cached (Caffeine) until shortly before its expiry, obtained on first use, and renewed through
     * {@link TokenSource#refresh} when {@code expired} recognises the platform's error, falling
     * back to {@link TokenSource#obtain} when the refresh itself is refused. One thread renews at
     * a time.
     */
    static Authenticator refreshing(TokenSource source, Predicate<ApiError> expired, Clock clock) {
        return new RefreshingAuthenticator(source, expired, clock);
    }

    /**
     * Where a {@link #refreshing} authenticator gets tokens. Its calls go through the same client,
     * marked {@link ApiRequest#withoutAuthentication()} or {@link ApiRequest#authorization(Secret)}.
     */
    interface TokenSource {

        /** A new token from the account's long-lived credentials (an app password). */
        Token obtain(ApiClient client) throws ConnectorException;

        /** A renewed token from the expired one (its refresh token). */
        Token refresh(ApiClient client, Token expired) throws ConnectorException;
    }

    /**
     * An access token, with what renews it.
     *
     * @param access sent as {@code Bearer <access>}
     * @param refresh what renews it, when the platform gives one
     * @param expiresAt when it expires, when known; it is renewed a little before
     */
    record Token(Secret access, Optional<Secret> refresh, Optional<Instant> expiresAt) {

        public Token {
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(refresh, "refresh");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
