package io.cmkit.connectors.bluesky;

import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.ConnectorConfig;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Bluesky account: its Personal Data Server (any PDS, {@code https://bsky.social}
 * for accounts hosted by Bluesky), its identifier (handle, DID or e-mail) and an app password.
 * The password is a {@link Secret}: it never appears in {@link #toString()}, a log line or an
 * exception message.
 *
 * <pre>{@code
 * BlueskyConfig config = BlueskyConfig.of(new Account(Platform.BLUESKY, "cafe-lumiere.bsky.social"),
 *         URI.create("https://bsky.social"), "cafe-lumiere.bsky.social", Secret.of(appPassword));
 * Connector bluesky = Connectors.discover().open(config);
 * }</pre>
 *
 * @param account the brand's Bluesky account (platform {@link Platform#BLUESKY})
 * @param pds the base URI of the account's PDS, where sessions, records and blobs go
 * @param identifier what {@code com.atproto.server.createSession} takes: the handle, the DID or the e-mail
 * @param appPassword an app password (Settings, App passwords), never the account's main password
 * @param appView where {@code app.bsky.*} views are read (threads, notifications, counters, profiles);
 *                empty: the PDS, which proxies them to the Bluesky AppView
 * @param foundation the host's HTTP foundation; empty: {@link HttpFoundation#shared()}
 * @param pageSize how many items one page of comments or mentions holds, 1 to 100
 */
public record BlueskyConfig(Account account, URI pds, String identifier, Secret appPassword, Optional<URI> appView,
                            Optional<HttpFoundation> foundation, int pageSize) implements ConnectorConfig {

    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    public BlueskyConfig {
        Objects.requireNonNull(account, "account");
        if (!Platform.BLUESKY.equals(account.platform())) {
            throw new IllegalArgumentException("BlueskyConfig.account must be a Bluesky account (got " + account + ")");
        }
        pds = checkedBase(pds, "pds");
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isBlank()) {
            throw new IllegalArgumentException("BlueskyConfig.identifier must not be blank");
        }
        Objects.requireNonNull(appPassword, "appPassword");
        Objects.requireNonNull(appView, "appView");
        appView = appView.map(u -> checkedBase(u, "appView"));
        Objects.requireNonNull(foundation, "foundation");
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("BlueskyConfig.pageSize must be between 1 and 100 (got " + pageSize + ")");
        }
    }

    /** The account on this PDS, logging in with this identifier and app password; AppView reads through the PDS. */
    public static BlueskyConfig of(Account account, URI pds, String identifier, Secret appPassword) {
        return new BlueskyConfig(account, pds, identifier, appPassword, Optional.empty(), Optional.empty(),
                DEFAULT_PAGE_SIZE);
    }

    /** The same, reading {@code app.bsky.*} views from this AppView instead of through the PDS. */
    public BlueskyConfig withAppView(URI value) {
        return new BlueskyConfig(account, pds, identifier, appPassword, Optional.of(value), foundation, pageSize);
    }

    /** The same, on the host's HTTP foundation. */
    public BlueskyConfig withFoundation(HttpFoundation value) {
        return new BlueskyConfig(account, pds, identifier, appPassword, appView, Optional.of(value), pageSize);
    }

    /** The same, with pages of this many comments or mentions. */
    public BlueskyConfig withPageSize(int value) {
        return new BlueskyConfig(account, pds, identifier, appPassword, appView, foundation, value);
    }

    /** Where {@code app.bsky.*} views are read. */
    public URI appViewOrPds() {
        return appView.orElse(pds);
    }

    private static URI checkedBase(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("BlueskyConfig." + name + " must be an absolute http(s) URI (got " + uri + ")");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "BlueskyConfig[account=" + account + ", pds=" + pds + ", identifier=" + identifier
                + ", appPassword=" + appPassword + appView.map(u -> ", appView=" + u).orElse("")
                + ", pageSize=" + pageSize + "]";
    }
}
