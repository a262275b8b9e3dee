package io.cmkit.connectors.mastodon;


import io.cmkit.connectors.testkit.ConnectorCompatibilityKit;
import io.cmkit.connectors.testkit.ConnectorHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.cmkit.connectors.testkit.LoopbackWireMock;

/** The Mastodon connector passes the connector kit against a WireMock instance held to the Mastodon OpenAPI. */
@DisplayName("the Mastodon connector passes the connector kit (WireMock held to the Mastodon OpenAPI)")
class MastodonConnectorCompatibilityTest extends ConnectorCompatibilityKit {

    @RegisterExtension
    static final LoopbackWireMock WIREMOCK = new LoopbackWireMock();

    @Override
    protected ConnectorHarness createHarness() {
        return new MastodonFake(WIREMOCK.server());
    }
}
