package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.StandardErrorParser;
import java.util.Optional;

/**
 * Reads a platform's error body into an {@link ApiError}: a per-platform strategy. Never throws:
 * a body it cannot read gives an error with the status alone.
 */
@FunctionalInterface
public interface ErrorParser {

    ApiError parse(int status, Optional<String> contentType, byte[] body);

    /**
     * The common shapes: {@code {"error": "...", "error_description": "..."}} (Mastodon, OAuth),
     * {@code {"error": "ExpiredToken", "message": "..."}} (AT Protocol XRPC),
     * {@code {"error": "..."}} alone (Mastodon validation errors: the text is the message),
     * {@code {"message": "..."}}, {@code {"detail": "..."}}, {@code {"errors": [{"message": "..."}]}},
     * and a short plain-text body.
     */
    static ErrorParser standard() {
        return StandardErrorParser.INSTANCE;
    }
}
