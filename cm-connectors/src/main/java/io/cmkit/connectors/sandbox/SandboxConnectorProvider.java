package io.cmkit.connectors.sandbox;

import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import io.cmkit.core.spi.ConnectorProvider;

/**
 * Opens sandbox connectors from a {@link SandboxConfig}; found by {@link java.util.ServiceLoader}.
 * The connector follows its world's clock, not the context's: one world, one time.
 */
public final class SandboxConnectorProvider implements ConnectorProvider<SandboxConfig> {

    /** The pseudo-platform this provider stands for; its connectors act as their account's platform. */
    public static final Platform SANDBOX = Platform.of("sandbox");

    /** For {@link java.util.ServiceLoader}. */
    public SandboxConnectorProvider() {
    }

    @Override
    public Platform platform() {
        return SANDBOX;
    }

    @Override
    public Class<SandboxConfig> configType() {
        return SandboxConfig.class;
    }

    @Override
    public Connector open(SandboxConfig config, ConnectorContext context) {
        return config.world().connector(config.account());
    }
}
