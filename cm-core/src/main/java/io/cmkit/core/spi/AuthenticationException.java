package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.util.Optional;

/**
 * The platform did not accept the account's credentials, or they lack a needed permission.
 * Retrying will not help; a person must renew or widen the credentials.
 */
public class AuthenticationException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(Platform platform, String message, Optional<String> platformMessage) {
        super(platform, message, platformMessage, null);
    }
}
