package io.cmkit.connectors.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmkit.connectors.http.ApiError;
import io.cmkit.connectors.http.ErrorParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@link ErrorParser#standard()}: the common JSON error shapes, then short plain text. */
public final class StandardErrorParser implements ErrorParser {

    public static final StandardErrorParser INSTANCE = new StandardErrorParser();

    private static final int MAX_TEXT = 300;

    private StandardErrorParser() {
    }

    @Override
    public ApiError parse(int status, Optional<String> contentType, byte[] body) {
        Optional<JsonNode> tree = Json.tree(body);
        if (tree.isPresent() && tree.get().isObject()) {
            JsonNode n = tree.get();
            Optional<String> error = text(n, "error");
            Optional<String> description = text(n, "error_description");
            Optional<String> message = text(n, "message").or(() -> text(n, "detail")).or(() -> text(n, "title"));
            if (message.isEmpty() && n.path("errors").isArray() && n.path("errors").size() > 0) {
                JsonNode first = n.path("errors").get(0);
                message = first.isTextual() ? Optional.of(first.asText()) : text(first, "message");
            }
            if (error.isPresent() && description.isPresent()) {
                return error(status, error, description);
            }
            if (error.isPresent() && message.isPresent()) {
                return error(status, error, message);
            }
            if (error.isPresent()) {
                // Mastodon: {"error": "Validation failed: Text can't be blank"} is a sentence, not a code
                String e = error.get();
                boolean looksLikeCode = e.matches("[A-Za-z][A-Za-z0-9_.:-]{0,63}");
                return looksLikeCode ? error(status, error, Optional.empty()) : error(status, Optional.empty(), error);
            }
            Optional<String> code = text(n, "code").or(() -> text(n, "type"));
            if (message.isPresent() || code.isPresent()) {
                return error(status, code, message);
            }
            return error(status, Optional.empty(), Optional.empty());
        }
        boolean textual = contentType.map(c -> c.startsWith("text/plain")).orElse(false)
                || (tree.isEmpty() && body.length > 0 && body.length <= MAX_TEXT && !looksLikeHtml(body));
        if (textual && body.length > 0) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT) + "...";
            }
            return error(status, Optional.empty(), Optional.of(text).filter(t -> !t.isEmpty()));
        }
        return error(status, Optional.empty(), Optional.empty());
    }

    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<");
    }

    private static ApiError error(int status, Optional<String> code, Optional<String> message) {
        return new ApiError(status, code.map(Redactor::redact), message.map(Redactor::redact));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
