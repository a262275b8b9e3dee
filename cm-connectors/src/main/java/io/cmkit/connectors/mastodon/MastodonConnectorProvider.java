package io.cmkit.connectors.mastodon;

import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.mastodon.internal.MastodonConnector;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import io.cmkit.core.spi.ConnectorProvider;

/**
 * Opens Mastodon connectors from a {@link MastodonConfig}; found by {@link java.util.ServiceLoader}.
 * Opening makes no network call: the token is first used, and the instance's limits first read,
 * by the first call that needs them.
 */
public final class MastodonConnectorProvider implements ConnectorProvider<MastodonConfig> {

    /** For {@link java.util.ServiceLoader}. */
    public MastodonConnectorProvider() {
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public Class<MastodonConfig> configType() {
        return MastodonConfig.class;
    }

    @Override
    public Connector open(MastodonConfig config, ConnectorContext context) {
        HttpFoundation foundation = config.foundation().orElseGet(HttpFoundation::shared);
        return new MastodonConnector(config.account(), config.instance(), config.accessToken(), foundation,
                context.clock());
    }
}
