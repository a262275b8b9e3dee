package io.cmkit.connectors.http.echo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cmkit.connectors.testkit.ConnectorCompatibilityKit;
import io.cmkit.connectors.testkit.ConnectorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** The foundation, through the echo connector, passes the connector kit against real HTTP faults. */
@DisplayName("a connector on the HTTP foundation passes the connector kit (echo platform on WireMock)")
class EchoConnectorCompatibilityTest extends ConnectorCompatibilityKit {

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
        return new EchoPlatform(server);
    }
}
