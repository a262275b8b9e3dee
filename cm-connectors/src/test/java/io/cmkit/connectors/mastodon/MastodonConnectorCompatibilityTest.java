package io.cmkit.connectors.mastodon;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cmkit.connectors.testkit.ConnectorCompatibilityKit;
import io.cmkit.connectors.testkit.ConnectorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** The Mastodon connector passes the connector kit against a WireMock instance held to the Mastodon OpenAPI. */
@DisplayName("the Mastodon connector passes the connector kit (WireMock held to the Mastodon OpenAPI)")
class MastodonConnectorCompatibilityTest extends ConnectorCompatibilityKit {

    private static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Override
    protected ConnectorHarness createHarness() {
        return new MastodonFake(server);
    }
}
