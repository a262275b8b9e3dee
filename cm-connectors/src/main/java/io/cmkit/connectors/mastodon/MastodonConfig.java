package io.cmkit.connectors.mastodon;

import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.ConnectorConfig;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one brand account on one Mastodon instance.
 *
 * <pre>{@code
 * Connector mastodon = Connectors.discover().open(new MastodonConfig(
 *         new Account(Platform.MASTODON, "cafelumiere@mastodon.social"),
 *         URI.create("https://mastodon.social"), Secret.of(System.getenv("MASTODON_TOKEN"))));
 * }</pre>
 *
 * @param account the brand's account; its platform must be {@link Platform#MASTODON}
 * @param instance the instance's base URI, absolute, {@code https} (or {@code http} for a local
 *                 instance or a test server), without query or fragment; a trailing slash is dropped
 * @param accessToken the account's OAuth access token (scopes {@code read write}); never shown by
 *                    {@link #toString()}, logs or exception messages
 * @param foundation the host's HTTP foundation (its configuration, clock and per-account rate-limit
 *                   windows); empty: {@link HttpFoundation#shared()}
 */
public record MastodonConfig(Account account, URI instance, Secret accessToken, Optional<HttpFoundation> foundation)
        implements ConnectorConfig {

    public MastodonConfig {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(foundation, "foundation");
        if (!account.platform().equals(Platform.MASTODON)) {
            throw new IllegalArgumentException("MastodonConfig.account must be a Mastodon account, got " + account);
        }
        instance = checkedInstance(instance);
    }

    /** On {@link HttpFoundation#shared()}. */
    public MastodonConfig(Account account, URI instance, Secret accessToken) {
        this(account, instance, accessToken, Optional.empty());
    }

    /** The same configuration on the host's foundation. */
    public MastodonConfig withFoundation(HttpFoundation value) {
        return new MastodonConfig(account, instance, accessToken, Optional.of(value));
    }

    private static URI checkedInstance(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("MastodonConfig.instance must be an absolute https:// (or http://) URI,"
                    + " like https://mastodon.social, got '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("MastodonConfig.instance must name a host, got '" + uri + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("MastodonConfig.instance must be the instance's base URI without"
                    + " user, query or fragment, got '" + uri.getScheme() + "://" + uri.getHost() + "...'");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    @Override
    public String toString() {
        return "MastodonConfig[account=" + account + ", instance=" + instance + ", accessToken=" + accessToken
                + ", foundation=" + foundation.map(f -> "host's").orElse("shared") + "]";
    }
}
