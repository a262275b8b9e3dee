package io.cmkit.connectors.http.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.TransientException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Jackson, kept inside the foundation. Reading failures become a {@link TransientException}
 * naming the endpoint and the problem (line and column), with no parser exception attached: a
 * parser's message may quote the body, and the body may hold a token.
 */
public final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }

    /** A value as JSON bytes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), null);
        }
    }

    public static <T> T read(Platform platform, String endpoint, byte[] body, Class<T> type) throws TransientException {
        return read(platform, endpoint, body, MAPPER.getTypeFactory().constructType(type));
    }

    public static <T> List<T> readList(Platform platform, String endpoint, byte[] body, Class<T> type)
            throws TransientException {
        return read(platform, endpoint, body, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }

    /** The body as a tree, or empty when it is not JSON; for error bodies. */
    static Optional<JsonNode> tree(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static <T> T read(Platform platform, String endpoint, byte[] body, JavaType type) throws TransientException {
        if (body.length == 0) {
            throw unreadable(platform, endpoint, "the body is empty", body);
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw unreadable(platform, endpoint, "the body is JSON null", body);
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String problem = firstLine(e.getOriginalMessage());
            return throwUnreadable(platform, endpoint, problem + where, body);
        } catch (IOException e) {
            throw unreadable(platform, endpoint, e.getClass().getSimpleName(), body);
        }
    }

    private static <T> T throwUnreadable(Platform platform, String endpoint, String problem, byte[] body)
            throws TransientException {
        throw unreadable(platform, endpoint, problem, body);
    }

    private static TransientException unreadable(Platform platform, String endpoint, String problem, byte[] body) {
        return new TransientException(platform, "could not read the answer of " + endpoint + " as JSON ("
                + body.length + " bytes): " + Redactor.redact(problem), Optional.empty(), null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
