package io.cmkit.connectors.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts one WireMock server for a test class, on the loopback address
 * (not "localhost", which may resolve to ::1 first) and a free port, and stops it after the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LoopbackWireMock WIREMOCK = new LoopbackWireMock();
 *
 * protected ConnectorHarness createHarness() {
 *     return new MastodonFake(WIREMOCK.server());
 * }
 * }</pre>
 *
 * It is a static field: the server lives for the class, and each harness resets it.
 */
public final class LoopbackWireMock implements BeforeAllCallback, AfterAllCallback {

    private final Extension[] extensions;
    private WireMockServer server;

    /** @param extensions WireMock extensions the server loads (a response transformer playing a platform) */
    public LoopbackWireMock(Extension... extensions) {
        this.extensions = extensions.clone();
    }

    /** The running server; only between the class's first and last test. */
    public WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the WireMock server runs only while its test class does: register "
                    + "LoopbackWireMock with @RegisterExtension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(extensions));
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
