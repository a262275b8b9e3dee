package io.cmkit.connectors.http.echo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.testkit.SimulatedHttpHarness;
import io.cmkit.connectors.testkit.FaultDriver;
import io.cmkit.connectors.testkit.WireMockFaults;
import io.cmkit.core.model.Account;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A WireMock fake of the echo platform and the kit's harness over it: sessions with JWT-looking
 * tokens that can expire, statuses, a mention feed paged with {@code Link} headers, and faults
 * injected for the next calls under {@code /api/}.
 */
final class EchoPlatform extends SimulatedHttpHarness {

    static final Account ACCOUNT = new Account(EchoConnector.ECHO, "kit@echo.test");
    static final String PASSWORD = "app-password-hunter2";
    static final String ACCESS_1 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJraXQiLCJuIjoxfQ.YWNjZXNzLW9uZQ";
    static final String REFRESH_1 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJraXQiLCJyIjoxfQ.cmVmcmVzaC1vbmU";
    static final String ACCESS_2 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJraXQiLCJuIjoyfQ.YWNjZXNzLXR3bw";
    static final String REFRESH_2 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJraXQiLCJyIjoyfQ.cmVmcmVzaC10d28";
    static final Instant START = Instant.parse("2025-03-03T08:00:00Z");

    private final WireMockServer server;
    private final EchoConnector connector;
    private final List<StubMapping> mentionStubs = new ArrayList<>();
    private final WireMockFaults faults;
    private final List<String> mentions = new ArrayList<>();

    /** The fake with the kit's configuration: 3 attempts, 2-minute rate-limit waits. */
    EchoPlatform(WireMockServer server) {
        this(server, kitConfig());
    }

    EchoPlatform(WireMockServer server, HttpConfig config) {
        super(START, config, false);
        this.server = server;
        server.resetAll();
        this.faults = new WireMockFaults(server, "/api/.*", server::stubFor);
        stubPlatform();
        this.connector = new EchoConnector(ACCOUNT, foundation().client(ACCOUNT, URI.create(baseUrl(server))),
                "kit@echo.test", Secret.of(PASSWORD), simulatedClock());
    }

    private void stubPlatform() {
        server.stubFor(post(urlPathEqualTo("/auth/session"))
                .withRequestBody(matchingJsonPath("$.password", equalTo(PASSWORD)))
                .willReturn(okJson("{\"accessJwt\":\"" + ACCESS_1 + "\",\"refreshJwt\":\"" + REFRESH_1 + "\"}")));
        server.stubFor(post(urlPathEqualTo("/auth/refresh"))
                .withHeader("Authorization", equalTo("Bearer " + REFRESH_1))
                .willReturn(okJson("{\"accessJwt\":\"" + ACCESS_2 + "\",\"refreshJwt\":\"" + REFRESH_2 + "\"}")));
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(9)
                .willReturn(json(401, "{\"error\":\"The access token is invalid\"}")));
        server.stubFor(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(4))
                .willReturn(okJson("{\"id\":\"101\",\"created_at\":\"2025-03-03T08:00:00.000Z\","
                        + "\"url\":\"https://echo.test/@kit/101\"}")));
        server.stubFor(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(3))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id"))
                .willReturn(okJson("{\"id\":\"102\",\"created_at\":\"2025-03-03T08:00:01.000Z\","
                        + "\"url\":\"https://echo.test/@kit/102\"}")));
        server.stubFor(authorized(delete(urlPathMatching("/api/v1/statuses/.*")).atPriority(4)).willReturn(okJson("{}")));
        stubMentions();
    }

    /** The loopback address itself, not "localhost", which may resolve to ::1 first. */
    static String baseUrl(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", matching("Bearer (" + ACCESS_1 + "|" + ACCESS_2 + ")"));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** From now on the first access token is answered with XRPC's 400 ExpiredToken. */
    void expireFirstAccessToken() {
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(2)
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
                .willReturn(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
    }

    private void stubMentions() {
        mentionStubs.forEach(server::removeStub);
        mentionStubs.clear();
        int after = 0;
        while (true) {
            int end = Math.min(after + 2, mentions.size());
            StringBuilder body = new StringBuilder("[");
            for (int i = after; i < end; i++) {
                if (i > after) {
                    body.append(',');
                }
                body.append("{\"id\":\"").append(i + 1).append("\",\"text\":\"").append(mentions.get(i))
                        .append("\",\"author\":\"fan").append(i + 1).append("\",\"created_at\":\"")
                        .append(START.plusSeconds(i + 1)).append("\"}");
            }
            body.append(']');
            ResponseDefinitionBuilder answer = okJson(body.toString());
            if (end > after) {
                answer = answer.withHeader("Link", "<" + baseUrl(server) + "/api/v1/mentions?limit=2&max_id="
                        + (after + 1) + ">; rel=\"next\", <" + baseUrl(server) + "/api/v1/mentions?limit=2&min_id="
                        + end + ">; rel=\"prev\"");
            }
            MappingBuilder mapping = authorized(get(urlPathEqualTo("/api/v1/mentions")).atPriority(4))
                    .withQueryParam("min_id", after == 0 ? absent() : equalTo(String.valueOf(after)));
            mentionStubs.add(server.stubFor(mapping.willReturn(answer)));
            if (end == after) {
                break;
            }
            after = end;
        }
    }

    /** Requests under {@code /api/} received so far. */
    int apiRequests() {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/")).count();
    }

    WireMockServer server() {
        return server;
    }

    EchoConnector echo() {
        return connector;
    }

    @Override
    public EchoConnector connector() {
        return connector;
    }

    @Override
    public FaultDriver faults() {
        return new FaultDriver() {
            @Override
            public void rateLimitOnce(Instant resetAt) {
                long seconds = Math.max(0, Duration.between(simulatedClock().instant(), resetAt).toSeconds());
                next(1, () -> json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                        .withHeader("RateLimit-Limit", "300").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", String.valueOf(seconds)));
            }

            @Override
            public void unauthorized(int times) {
                next(times, () -> json(401, "{\"error\":\"The access token is invalid\"}"));
            }

            @Override
            public void serverErrors(int times) {
                next(times, () -> json(503, "{\"error\":\"Service Unavailable\"}"));
            }

            @Override
            public void connectionResets(int times) {
                next(times, () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            }

            @Override
            public void malformedJson(int times) {
                next(times, () -> json(200, "{\"id\":\"101\",\"created_at\":\"2025-03-03T08:0"));
            }

            @Override
            public void rejectOnce(String reason) {
                next(1, () -> json(422, "{\"error\":\"" + reason.replace("\"", "\\\"") + "\"}"));
            }

            @Override
            public void clear() {
                clearFaults();
            }
        };
    }

    /** Answers the next {@code times} requests under {@code /api/} this way, then lets the others answer. */
    void next(int times, Supplier<ResponseDefinitionBuilder> answer) {
        faults.next(times, answer);
    }

    void clearFaults() {
        faults.clear();
    }

    @Override
    public List<String> seedMentions(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "mention " + (mentions.size() + 1) + " of @kit";
            mentions.add(text);
            texts.add(text);
        }
        stubMentions();
        return texts;
    }

    @Override
    public Set<String> secrets() {
        return Set.of(PASSWORD, ACCESS_1, REFRESH_1, ACCESS_2, REFRESH_2);
    }
}
