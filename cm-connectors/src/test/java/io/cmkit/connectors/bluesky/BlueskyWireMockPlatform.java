package io.cmkit.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.cmkit.connectors.bluesky.internal.BlueskyConnector;
import io.cmkit.connectors.contract.Examples;
import io.cmkit.connectors.contract.LexiconContract;
import io.cmkit.connectors.contract.WireMockContract;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.testkit.SimulatedHttpHarness;
import io.cmkit.connectors.testkit.FaultDriver;
import io.cmkit.connectors.testkit.WireMockFaults;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The kit's harness for the Bluesky connector: WireMock as PDS and AppView (one server), every
 * stub, request and answer held to the lexicons, a stateful repository and notification list
 * ({@link FakeBluesky}), and faults on the next XRPC calls outside sessions.
 */
final class BlueskyWireMockPlatform extends SimulatedHttpHarness {

    static final Account ACCOUNT = new Account(Platform.BLUESKY, "cafe-lumiere.bsky.social");
    static final String PASSWORD = "app-pass-abcd-efgh-ijkl";
    static final Instant START = Instant.parse("2025-03-03T08:00:00Z");
    static final String ACCESS_1 = jwt("access", 1);
    static final String REFRESH_1 = jwt("refresh", 1);
    static final String ACCESS_2 = jwt("access", 2);
    static final String REFRESH_2 = jwt("refresh", 2);
    static final String FAULTED = "/xrpc/(com\\.atproto\\.repo|com\\.atproto\\.identity|app\\.bsky)\\..*";

    private final WireMockServer server;
    private final FakeBluesky fake;
    private final WireMockContract contract;
    private final BlueskyConnector connector;
    private final WireMockFaults faults;
    private int mentions;

    BlueskyWireMockPlatform(WireMockServer server, FakeBluesky fake) {
        // the JDK's default client: the foundation itself must speak HTTP/1.1 to http://
        super(START, kitConfig(), true);
        this.server = server;
        this.fake = fake;
        server.resetAll();
        fake.reset();
        this.contract = WireMockContract.attach(server, LexiconContract.bluesky());
        this.faults = new WireMockFaults(server, FAULTED, contract::stubFor);
        stubPlatform();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        BlueskyConfig blueskyConfig = BlueskyConfig.of(ACCOUNT, base, ACCOUNT.handle(), Secret.of(PASSWORD))
                .withAppView(base).withFoundation(foundation()).withPageSize(2);
        this.connector = (BlueskyConnector) new BlueskyConnectorProvider().open(blueskyConfig,
                new io.cmkit.core.spi.ConnectorContext(simulatedClock()));
    }

    /** A JWT-looking token with an {@code exp} far after the simulated start. */
    static String jwt(String kind, int n) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"ES256K\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"scope\":\"com.atproto." + kind + "\",\"sub\":\"" + FakeBluesky.BRAND_DID
                + "\",\"n\":" + n + ",\"exp\":1900000000}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString((kind + "-signature-" + n).getBytes(StandardCharsets.UTF_8));
    }

    private String session(String access, String refresh) {
        return "{\"accessJwt\":\"" + access + "\",\"refreshJwt\":\"" + refresh + "\",\"handle\":\"" + ACCOUNT.handle()
                + "\",\"did\":\"" + FakeBluesky.BRAND_DID + "\",\"active\":true}";
    }

    private void stubPlatform() {
        contract.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
                .withRequestBody(matchingJsonPath("$.password", equalTo(PASSWORD)))
                .willReturn(okJson(session(ACCESS_1, REFRESH_1))));
        contract.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .withHeader("Authorization", equalTo("Bearer " + REFRESH_1))
                .willReturn(okJson(session(ACCESS_2, REFRESH_2))));
        contract.stubFor(any(urlPathMatching(FAULTED)).atPriority(9)
                .willReturn(xrpcError(401, "AuthMissing", "Authentication Required")));
        String ref = "{\"uri\":\"at://" + FakeBluesky.BRAND_DID + "/app.bsky.feed.post/3lbq2kx7mfs2a\",\"cid\":\""
                + FakeBluesky.cid("x") + "\"}";
        for (String procedure : List.of("createRecord", "putRecord")) {
            contract.stubFor(authorized(post(urlPathEqualTo("/xrpc/com.atproto.repo." + procedure)).atPriority(4))
                    .willReturn(okJson(ref).withTransformers(FakeBluesky.NAME)));
        }
        contract.stubFor(authorized(post(urlPathEqualTo("/xrpc/com.atproto.repo.deleteRecord")).atPriority(4))
                .willReturn(okJson("{}").withTransformers(FakeBluesky.NAME)));
        contract.stubFor(authorized(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord")).atPriority(4))
                .willReturn(xrpcError(400, "RecordNotFound", "Could not locate record").withTransformers(FakeBluesky.NAME)));
        contract.stubFor(authorized(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications")).atPriority(4))
                .willReturn(okJson(Examples.text("bluesky/listNotifications.json")).withTransformers(FakeBluesky.NAME)));
    }

    static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", matching("Bearer (" + ACCESS_1 + "|" + ACCESS_2 + ")"));
    }

    static ResponseDefinitionBuilder xrpcError(int status, String error, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    /** From now on the first access token is answered with XRPC's 400 ExpiredToken. */
    void expireFirstAccessToken() {
        contract.stubFor(any(urlPathMatching(FAULTED)).atPriority(2)
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
                .willReturn(xrpcError(400, "ExpiredToken", "Token has expired")));
    }

    WireMockServer server() {
        return server;
    }

    WireMockContract contract() {
        return contract;
    }

    FakeBluesky fake() {
        return fake;
    }

    @Override
    public BlueskyConnector connector() {
        return connector;
    }

    @Override
    public FaultDriver faults() {
        return new FaultDriver() {
            @Override
            public void rateLimitOnce(Instant resetAt) {
                long seconds = Math.max(0, Duration.between(simulatedClock().instant(), resetAt).toSeconds());
                next(1, () -> xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
                        .withHeader("RateLimit-Limit", "5000").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", String.valueOf(seconds)).withHeader("RateLimit-Policy", "5000;w=3600"));
            }

            @Override
            public void unauthorized(int times) {
                next(times, () -> xrpcError(401, "AuthMissing", "Authentication Required"));
            }

            @Override
            public void serverErrors(int times) {
                next(times, () -> xrpcError(502, "UpstreamFailure", "Upstream Failure"));
            }

            @Override
            public void connectionResets(int times) {
                next(times, () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            }

            @Override
            public void malformedJson(int times) {
                next(times, () -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"uri\":\"at://did:plc:brand4h2xq7ykhx3nqvqz4rm/app.bsky.feed.po"));
            }

            @Override
            public void rejectOnce(String reason) {
                next(1, () -> xrpcError(400, "InvalidRequest", reason));
            }

            @Override
            public void clear() {
                clearFaults();
            }
        };
    }

    /** Answers the next {@code times} XRPC calls outside sessions this way, then lets the others answer. */
    void next(int times, Supplier<ResponseDefinitionBuilder> answer) {
        faults.next(times, answer, (mapping, a) -> a.build().getStatus() == 200
                ? mapping.withMetadata(WireMockContract.offContract("a truncated body on purpose")) : mapping);
    }

    void clearFaults() {
        faults.clear();
    }

    @Override
    public List<String> seedMentions(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mentions++;
            String text = "@" + ACCOUNT.handle() + " mention " + mentions;
            fake.addMention(text, START.plusSeconds(mentions));
            texts.add(text);
        }
        return texts;
    }

    @Override
    public Set<String> secrets() {
        return Set.of(PASSWORD, ACCESS_1, REFRESH_1, ACCESS_2, REFRESH_2);
    }

    @Override
    public void close() {
        super.close();
        clearFaults();
        contract.verify();
    }
}
