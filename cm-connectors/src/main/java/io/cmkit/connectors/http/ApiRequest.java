package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.Json;
import io.cmkit.connectors.http.internal.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call to a platform endpoint, immutable: each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * ApiRequest.get("/api/v1/notifications").query("types[]", "mention").query("limit", 40)
 * ApiRequest.post("/api/v1/statuses").jsonBody(body).idempotencyKey("Idempotency-Key", key)
 * ApiRequest.post("/xrpc/com.atproto.server.refreshSession").authorization(refreshBearer)
 * }</pre>
 *
 * <p><b>Retry safety.</b> GET, HEAD, OPTIONS, PUT and DELETE are idempotent and retried after any
 * transient failure. POST and PATCH are retried after a failure that may have reached the
 * platform (a timeout, a reset connection, a 5xx, an unreadable answer) only when they carry an
 * idempotency key ({@link #idempotencyKey}) or are declared {@link #idempotent()}; otherwise they
 * are retried only when the platform certainly did not act (a refused connection, a 429).
 */
public final class ApiRequest {

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    /** Whose credentials a request carries. */
    public enum AuthMode {
        /** The client's {@link Authenticator}'s, refreshed on expiry. */
        AUTHENTICATOR,
        /** None. */
        NONE,
        /** An explicit header value, for an authenticator's own calls. */
        EXPLICIT
    }

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final Optional<String> contentType;
    private final byte[] body;
    private final boolean declaredIdempotent;
    private final AuthMode authMode;
    private final Optional<Secret> authorization;
    private final Optional<Duration> timeout;

    private ApiRequest(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                       Optional<String> contentType, byte[] body, boolean declaredIdempotent, AuthMode authMode,
                       Optional<Secret> authorization, Optional<Duration> timeout) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
        this.declaredIdempotent = declaredIdempotent;
        this.authMode = authMode;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** A request with this method to a path relative to the client's base URI (or an absolute URL). */
    public static ApiRequest of(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("a request needs a path");
        }
        return new ApiRequest(method.toUpperCase(Locale.ROOT), path, List.of(), Map.of(), Optional.empty(),
                new byte[0], false, AuthMode.AUTHENTICATOR, Optional.empty(), Optional.empty());
    }

    public static ApiRequest get(String path) {
        return of("GET", path);
    }

    public static ApiRequest post(String path) {
        return of("POST", path);
    }

    public static ApiRequest put(String path) {
        return of("PUT", path);
    }

    public static ApiRequest patch(String path) {
        return of("PATCH", path);
    }

    public static ApiRequest delete(String path) {
        return of("DELETE", path);
    }

    /** Adds a query parameter (repeatable: {@code types[]}); its value is URL-encoded when sent. */
    public ApiRequest query(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, String.valueOf(value)));
        return copy(Collections.unmodifiableList(q), headers, contentType, body, declaredIdempotent, authMode,
                authorization, timeout);
    }

    /** Sets a query parameter, replacing every earlier value of that name. */
    public ApiRequest replaceQuery(String name, Object value) {
        Objects.requireNonNull(name, "name");
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.removeIf(e -> e.getKey().equals(name));
        q.add(Map.entry(name, String.valueOf(Objects.requireNonNull(value, "value"))));
        return copy(Collections.unmodifiableList(q), headers, contentType, body, declaredIdempotent, authMode,
                authorization, timeout);
    }

    /** Adds a header; {@code Authorization} is refused: use the client's {@link Authenticator}. */
    public ApiRequest header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.equalsIgnoreCase("Authorization")) {
            throw new IllegalArgumentException("set credentials through an Authenticator or authorization(Secret)");
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return copy(query, Collections.unmodifiableMap(h), contentType, body, declaredIdempotent, authMode,
                authorization, timeout);
    }

    /** A JSON body, written by Jackson from a record, a map or a list. */
    public ApiRequest jsonBody(Object value) {
        return body("application/json", Json.write(Objects.requireNonNull(value, "value")));
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public ApiRequest formBody(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return body("application/x-www-form-urlencoded", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A raw body of this content type (an image for an upload). */
    public ApiRequest body(String contentType, byte[] bytes) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
        return copy(query, headers, Optional.of(contentType), bytes.clone(), declaredIdempotent, authMode,
                authorization, timeout);
    }

    /**
     * Sends the platform's idempotency header with this key, which makes a POST safe to retry:
     * the platform ignores a repeat.
     */
    public ApiRequest idempotencyKey(String headerName, String key) {
        ApiRequest withHeader = header(headerName, key);
        return withHeader.copy(withHeader.query, withHeader.headers, contentType, body, true, authMode, authorization,
                timeout);
    }

    /**
     * Declares a POST or PATCH safe to repeat by nature (a delete by key, a session creation),
     * so it is retried like a GET.
     */
    public ApiRequest idempotent() {
        return copy(query, headers, contentType, body, true, authMode, authorization, timeout);
    }

    /** Sends no credentials (a login, a public read). */
    public ApiRequest withoutAuthentication() {
        return copy(query, headers, contentType, body, declaredIdempotent, AuthMode.NONE, Optional.empty(), timeout);
    }

    /**
     * Sends this {@code Authorization} header value instead of the authenticator's, for an
     * authenticator's own calls (a refresh that presents the refresh token). Not refreshed on expiry.
     */
    public ApiRequest authorization(Secret headerValue) {
        return copy(query, headers, contentType, body, declaredIdempotent, AuthMode.EXPLICIT,
                Optional.of(Objects.requireNonNull(headerValue, "headerValue")), timeout);
    }

    /** A per-request timeout replacing the configured one (a large upload). */
    public ApiRequest timeout(Duration value) {
        Objects.requireNonNull(value, "value");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("timeout must be positive (got " + value + ")");
        }
        return copy(query, headers, contentType, body, declaredIdempotent, authMode, authorization, Optional.of(value));
    }

    private ApiRequest copy(List<Map.Entry<String, String>> q, Map<String, String> h, Optional<String> ct, byte[] b,
                            boolean idem, AuthMode mode, Optional<Secret> auth, Optional<Duration> t) {
        return new ApiRequest(method, path, q, h, ct, b, idem, mode, auth, t);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Query parameters in order, undecoded. */
    public List<Map.Entry<String, String>> queryParameters() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }

    public Optional<Duration> timeout() {
        return timeout;
    }

    /** Whether a failure that may have reached the platform can be retried (see the class comment). */
    public boolean retrySafe() {
        return declaredIdempotent || IDEMPOTENT_METHODS.contains(method);
    }

    /** {@code "POST /api/v1/statuses"}: how logs and error messages name the call. */
    public String endpoint() {
        return method + " " + Redactor.redactUrl(path);
    }

    /** Whose credentials the request carries. */
    public AuthMode authMode() {
        return authMode;
    }

    /** The explicit {@code Authorization} value, with {@link AuthMode#EXPLICIT}. */
    public Optional<Secret> explicitAuthorization() {
        return authorization;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + endpoint() + (query.isEmpty() ? "" : ", " + query.size() + " query parameters") + "]";
    }
}
