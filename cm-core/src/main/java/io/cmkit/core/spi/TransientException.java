package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.util.Optional;

/**
 * A failure that may pass: a timeout, a 5xx, a connection reset, an answer that could not be
 * read. Connectors have already retried when this reaches the caller.
 */
public class TransientException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public TransientException(Platform platform, String message, Optional<String> platformMessage, Throwable cause) {
        super(platform, message, platformMessage, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
