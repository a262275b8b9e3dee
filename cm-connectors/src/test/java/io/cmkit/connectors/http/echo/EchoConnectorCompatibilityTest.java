package io.cmkit.connectors.http.echo;


import io.cmkit.connectors.testkit.ConnectorCompatibilityKit;
import io.cmkit.connectors.testkit.ConnectorHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.cmkit.connectors.testkit.LoopbackWireMock;

/** The foundation, through the echo connector, passes the connector kit against real HTTP faults. */
@DisplayName("a connector on the HTTP foundation passes the connector kit (echo platform on WireMock)")
class EchoConnectorCompatibilityTest extends ConnectorCompatibilityKit {

    @RegisterExtension
    static final LoopbackWireMock WIREMOCK = new LoopbackWireMock();

    @Override
    protected ConnectorHarness createHarness() {
        return new EchoPlatform(WIREMOCK.server());
    }
}
