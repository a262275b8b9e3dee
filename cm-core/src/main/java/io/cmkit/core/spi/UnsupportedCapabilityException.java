package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;

/**
 * The caller asked a connector for something its platform cannot do, such as hiding a reply on
 * Mastodon. A programming error rather than a failure of the outside world, so unchecked: check
 * {@link Connector#capabilities()} or the capability's own {@code supports...} method first.
 */
public class UnsupportedCapabilityException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    private final transient Platform platform;
    private final String operation;

    public UnsupportedCapabilityException(Platform platform, String operation, String why) {
        super(platform.displayName() + " cannot " + operation + ": " + why);
        this.platform = platform;
        this.operation = operation;
    }

    /** The platform that lacks it. */
    public Platform platform() {
        return platform;
    }

    /** What was asked, e.g. {@code "hide a reply"}. */
    public String operation() {
        return operation;
    }
}
