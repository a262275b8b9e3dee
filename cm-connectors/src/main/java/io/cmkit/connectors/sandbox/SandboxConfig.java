package io.cmkit.connectors.sandbox;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.ConnectorConfig;
import java.util.Objects;

/**
 * The configuration of a sandbox connector: the account to act for and the world it lives in.
 * Open it through the SPI like any other connector:
 *
 * <pre>{@code
 * Connector connector = Connectors.discover().open(new SandboxConfig(account, world));
 * }</pre>
 *
 * @param account the brand account, on any platform: the connector behaves like that platform
 * @param world the simulated world it belongs to
 */
public record SandboxConfig(Account account, SandboxWorld world) implements ConnectorConfig {

    public SandboxConfig {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(world, "world");
    }

    /** Names the account and the world's seed, never the world's contents. */
    @Override
    public String toString() {
        return "SandboxConfig[account=" + account + ", world=" + world + "]";
    }
}
