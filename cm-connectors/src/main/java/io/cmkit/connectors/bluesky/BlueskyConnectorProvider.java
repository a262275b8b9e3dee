package io.cmkit.connectors.bluesky;

import io.cmkit.connectors.bluesky.internal.BlueskyConnector;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import io.cmkit.core.spi.ConnectorProvider;

/**
 * Opens Bluesky connectors from a {@link BlueskyConfig}; found by {@link java.util.ServiceLoader}.
 * Opening makes no network call: the session is created on first use.
 */
public final class BlueskyConnectorProvider implements ConnectorProvider<BlueskyConfig> {

    /** For {@link java.util.ServiceLoader}. */
    public BlueskyConnectorProvider() {
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    @Override
    public Class<BlueskyConfig> configType() {
        return BlueskyConfig.class;
    }

    @Override
    public Connector open(BlueskyConfig config, ConnectorContext context) {
        return new BlueskyConnector(config, context.clock());
    }
}
