package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform understood the call and refused it for good: text too long, media of the wrong
 * type, a duplicate, a deleted parent. {@link #reason()} is the platform's own explanation.
 */
public class RejectedException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String code;

    public RejectedException(Platform platform, String reason, Optional<String> code) {
        super(platform, "request rejected", Optional.of(Objects.requireNonNull(reason, "reason")), null);
        this.reason = reason;
        this.code = code.orElse(null);
    }

    /** The platform's reason, in its own words. */
    public String reason() {
        return reason;
    }

    /** The platform's error code, when it gives one ("InvalidRequest", "422"). */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }
}
