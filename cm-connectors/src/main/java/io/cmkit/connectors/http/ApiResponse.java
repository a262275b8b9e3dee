package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.Json;
import io.cmkit.connectors.http.internal.LinkHeader;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.TransientException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) answer from a platform. Its JSON is read into the caller's own classes
 * (records, arrays); a body that cannot be read becomes a {@link TransientException} naming the
 * endpoint and the problem, never a parser exception.
 */
public final class ApiResponse {

    private final Platform platform;
    private final String endpoint;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    /** For the foundation and for tests of readers. */
    public ApiResponse(Platform platform, String endpoint, int status, HttpHeaders headers, byte[] body) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    public int status() {
        return status;
    }

    /** {@code "GET /api/v1/notifications"}, redacted. */
    public String endpoint() {
        return endpoint;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Every value of a header. */
    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The links of the {@code Link} header by relation ({@code next}, {@code prev}). */
    public Map<String, URI> links() {
        return LinkHeader.parse(headers.allValues("Link"));
    }

    /** The JSON body as this type (a record, a class, an array type). */
    public <T> T json(Class<T> type) throws TransientException {
        return Json.read(platform, endpoint, body, type);
    }

    /** The JSON body, an array, as a list of this type. */
    public <T> List<T> jsonList(Class<T> elementType) throws TransientException {
        return Json.readList(platform, endpoint, body, elementType);
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + " " + endpoint + ", " + body.length + " bytes]";
    }
}
