package io.cmkit.connectors.http.internal;

import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiError;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.LookupCache;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.spi.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link Authenticator#refreshing}: a token kept in a Caffeine cache until just before it expires. */
public final class RefreshingAuthenticator implements Authenticator {

    private static final String KEY = "token";
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    private final TokenSource source;
    private final Predicate<ApiError> expired;
    private final LookupCache<String, Token> cache;
    private Token last;
    private Token headerFor;
    private Secret header;

    public RefreshingAuthenticator(TokenSource source, Predicate<ApiError> expired, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.expired = Objects.requireNonNull(expired, "expired");
        this.cache = LookupCache.expiringAt(t -> t.expiresAt().map(at -> at.minus(EARLY)).orElse(FAR), 1,
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public synchronized Optional<Secret> authorization(ApiClient client) throws ConnectorException {
        Token token = cache.get(KEY, k -> last == null ? source.obtain(client) : renew(client, last));
        last = token;
        if (headerFor != token) {
            headerFor = token;
            header = Secret.of("Bearer " + token.access().reveal());
        }
        return Optional.of(header);
    }

    @Override
    public boolean isExpired(ApiError error) {
        return expired.test(error);
    }

    @Override
    public synchronized void refresh(ApiClient client, ApiError error) throws ConnectorException {
        Token renewed = last == null ? source.obtain(client) : renew(client, last);
        last = renewed;
        cache.put(KEY, renewed);
    }

    private Token renew(ApiClient client, Token expiredToken) throws ConnectorException {
        if (expiredToken.refresh().isEmpty()) {
            return source.obtain(client);
        }
        try {
            return source.refresh(client, expiredToken);
        } catch (io.cmkit.core.spi.AuthenticationException e) {
            return source.obtain(client);
        } catch (io.cmkit.core.spi.RejectedException e) {
            // XRPC answers an expired refresh token with 400 ExpiredToken: start a new session
            return source.obtain(client);
        }
    }

    @Override
    public String toString() {
        return "RefreshingAuthenticator[" + (last == null ? "no token yet" : "token held") + "]";
    }
}
