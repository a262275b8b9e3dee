package io.cmkit.connectors.bluesky.internal;

import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiError;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.spi.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bluesky sessions for the foundation's refreshing authenticator: {@code createSession} with the
 * app password on first use; {@code refreshSession} with the refresh JWT as bearer and no body
 * when the access JWT expires; the access JWT's {@code exp} tells the authenticator when to renew
 * before the PDS refuses it. Always on the PDS, whichever client asked.
 */
final class Sessions implements Authenticator.TokenSource {

    static final String CREATE = "/xrpc/com.atproto.server.createSession";
    static final String REFRESH = "/xrpc/com.atproto.server.refreshSession";
    /** The XRPC errors that a renewed session cures. */
    static final Set<String> EXPIRED = Set.of("ExpiredToken", "InvalidToken");

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

    private final String identifier;
    private final Secret password;
    private volatile ApiClient pds;
    private volatile String did;

    Sessions(String identifier, Secret password) {
        this.identifier = identifier;
        this.password = password;
    }

    void pds(ApiClient client) {
        this.pds = client;
    }

    /** The account's DID, once a session exists. */
    Optional<String> did() {
        return Optional.ofNullable(did);
    }

    static boolean expired(ApiError error) {
        return error.code().filter(EXPIRED::contains).isPresent();
    }

    @Override
    public Authenticator.Token obtain(ApiClient client) throws ConnectorException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("identifier", identifier);
        body.put("password", password.reveal());
        return token(pds.send(ApiRequest.post(CREATE).withoutAuthentication().idempotent().jsonBody(body),
                Xrpc.SessionJson.class));
    }

    @Override
    public Authenticator.Token refresh(ApiClient client, Authenticator.Token expired) throws ConnectorException {
        Secret refresh = expired.refresh().orElseThrow();
        return token(pds.send(ApiRequest.post(REFRESH).idempotent().authorization(Secret.of("Bearer " + refresh.reveal())),
                Xrpc.SessionJson.class));
    }

    private Authenticator.Token token(Xrpc.SessionJson session) {
        if (session.did() != null) {
            did = session.did();
        }
        return new Authenticator.Token(Secret.of(session.accessJwt()),
                Optional.ofNullable(session.refreshJwt()).map(Secret::of), expiry(session.accessJwt()));
    }

    /** The {@code exp} claim of a JWT, when it has one. */
    static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher m = EXP.matcher(payload);
            return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Sessions[" + identifier + "]";
    }
}
