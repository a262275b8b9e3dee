package io.cmkit.connectors.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A platform's error answer, in its own words.
 *
 * @param status the HTTP status
 * @param code the platform's error code ({@code "ExpiredToken"}, {@code "invalid_grant"}), when it gives one
 * @param message the platform's explanation, already redacted
 */
public record ApiError(int status, Optional<String> code, Optional<String> message) {

    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The code, or the HTTP status as text. */
    public String codeOrStatus() {
        return code.orElse(String.valueOf(status));
    }

    /** The message, else the code, else {@code "HTTP <status>"}. */
    public String describe() {
        return message.or(() -> code).orElse("HTTP " + status);
    }
}
