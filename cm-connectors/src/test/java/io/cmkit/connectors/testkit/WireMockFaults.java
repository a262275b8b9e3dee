package io.cmkit.connectors.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scripted faults for a WireMock-backed {@link FaultDriver}: the next requests whose path matches
 * answer as told, one scripted answer each and in order (a WireMock scenario stepping through
 * them), then the platform's own stubs answer again.
 */
public final class WireMockFaults {

    private final WireMockServer server;
    private final String urlPathRegex;
    private final Function<MappingBuilder, StubMapping> register;
    private final List<StubMapping> stubs = new ArrayList<>();
    private int steps;

    /**
     * @param server the platform's server
     * @param urlPathRegex the requests the faults apply to ({@code "/api/.*"})
     * @param register how a stub is registered: {@code server::stubFor}, or through a contract checker
     */
    public WireMockFaults(WireMockServer server, String urlPathRegex, Function<MappingBuilder, StubMapping> register) {
        this.server = Objects.requireNonNull(server, "server");
        this.urlPathRegex = Objects.requireNonNull(urlPathRegex, "urlPathRegex");
        this.register = Objects.requireNonNull(register, "register");
    }

    /** The next {@code times} matching requests get {@code answer}. */
    public void next(int times, Supplier<ResponseDefinitionBuilder> answer) {
        next(times, answer, (mapping, response) -> mapping);
    }

    /**
     * The next {@code times} matching requests get {@code answer}; {@code decorate} completes each
     * stub given its answer (metadata saying why a body is off the platform's contract, say).
     */
    public synchronized void next(int times, Supplier<ResponseDefinitionBuilder> answer,
                                  BiFunction<MappingBuilder, ResponseDefinitionBuilder, MappingBuilder> decorate) {
        for (int i = 0; i < times; i++) {
            String from = steps == 0 ? Scenario.STARTED : "fault-" + steps;
            steps++;
            ResponseDefinitionBuilder response = answer.get();
            MappingBuilder mapping = any(urlPathMatching(urlPathRegex)).atPriority(1)
                    .inScenario("faults").whenScenarioStateIs(from).willSetStateTo("fault-" + steps).willReturn(response);
            stubs.add(register.apply(decorate.apply(mapping, response)));
        }
    }

    /** Forgets the faults still waiting. */
    public synchronized void clear() {
        stubs.forEach(server::removeStub);
        stubs.clear();
        steps = 0;
        server.resetScenarios();
    }
}
