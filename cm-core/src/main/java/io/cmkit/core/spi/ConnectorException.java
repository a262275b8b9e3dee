package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform call failed. Subclasses say how: {@link RateLimitedException},
 * {@link AuthenticationException}, {@link RejectedException}, {@link TransientException}.
 *
 * <p>It carries the platform and, where the platform gave one, its own error text, so the person
 * reading a log sees what the platform said, not only what cmkit made of it. Messages never
 * contain tokens or passwords.
 */
public class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final String platformMessage;

    public ConnectorException(Platform platform, String message, Optional<String> platformMessage, Throwable cause) {
        super(compose(platform, message, platformMessage), cause);
        this.platform = Objects.requireNonNull(platform, "platform");
        this.platformMessage = platformMessage.orElse(null);
    }

    public ConnectorException(Platform platform, String message) {
        this(platform, message, Optional.empty(), null);
    }

    private static String compose(Platform platform, String message, Optional<String> platformMessage) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformMessage, "platformMessage");
        return platform.displayName() + ": " + message
                + platformMessage.filter(s -> !s.isBlank()).map(s -> " (platform said: " + s + ")").orElse("");
    }

    /** The platform that failed. */
    public Platform platform() {
        return platform;
    }

    /** The platform's own error text, when it gave one. */
    public Optional<String> platformMessage() {
        return Optional.ofNullable(platformMessage);
    }

    /** Whether trying the same call again later may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
