package io.cmkit.connectors.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as a contract sees it.
 *
 * @param method  upper-case HTTP method
 * @param path    the path, without query string, percent-decoded
 * @param query   query parameters in order, each name with all its values
 * @param headers request headers; names compared without case
 * @param body    the body's bytes (empty when there is none)
 */
public record ContractRequest(String method, String path, Map<String, List<String>> query,
                              Map<String, List<String>> headers, byte[] body) {

    public ContractRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        query = copy(query);
        Map<String, List<String>> lower = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) ->
                lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        headers = copy(lower);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request without body: {@code of("GET", "/api/v1/notifications?types[]=mention")}. */
    public static ContractRequest of(String method, String pathAndQuery) {
        return of(method, pathAndQuery, null, null);
    }

    /** A JSON request. */
    public static ContractRequest json(String method, String pathAndQuery, String json) {
        return of(method, pathAndQuery, "application/json", json);
    }

    /** A request with a body of the given content type (form, JSON...). */
    public static ContractRequest of(String method, String pathAndQuery, String contentType, String body) {
        URI uri = URI.create(pathAndQuery);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("content-type", List.of(contentType));
        }
        return new ContractRequest(method, uri.getPath(), parseQuery(uri.getRawQuery()), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a copy with one more header. */
    public ContractRequest withHeader(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return new ContractRequest(method, path, query, h, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The media type of the body, lower case and without parameters ({@code application/json}). */
    public Optional<String> mediaType() {
        return header("content-type").map(ContractRequest::mediaTypeOf);
    }

    static String mediaTypeOf(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code a=1&b=2&b=3} (percent-encoded, {@code +} as space). */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Objects.requireNonNull(map).forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
