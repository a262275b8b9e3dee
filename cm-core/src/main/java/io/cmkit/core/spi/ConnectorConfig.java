package io.cmkit.core.spi;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;

/**
 * The typed configuration of one connector: each platform defines its own record (instance URL,
 * app password, timeouts) implementing this interface, so a missing or misspelt setting is a
 * compile error rather than a string-map surprise.
 *
 * <p>Implementations holding secrets must keep them out of {@code toString()}.
 */
public interface ConnectorConfig {

    /** The account the connector will act for. */
    Account account();

    /** The platform: the account's. */
    default Platform platform() {
        return account().platform();
    }
}
