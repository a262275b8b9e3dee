package io.cmkit.bench.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A local WireMock on 127.0.0.1 (dynamic port, no request journal) answering a GET and a POST of
 * a status with a small JSON body and Mastodon's rate-limit headers. The window it states is wide
 * (a billion requests, resetting in a day) so the client's limiter takes its normal path, never a
 * wait, however long the benchmark runs.
 */
public final class OverheadStub implements AutoCloseable {

    static final String TOKEN = "bench-token-7f3c9a";
    static final String GET_PATH = "/api/v1/statuses/109876543210";
    static final String POST_PATH = "/api/v1/statuses";
    static final String IDEMPOTENCY_KEY = "bench-4b1d0c6e";
    static final NewStatus NEW_STATUS = new NewStatus("Nouvelle collection disponible ! #launch", "public", "fr");

    static final String GET_BODY = """
            {"id":"109876543210","created_at":"2026-11-26T08:00:00.000Z","visibility":"public",\
            "language":"fr","url":"https://mastodon.example/@brand/109876543210",\
            "replies_count":4,"reblogs_count":12,"favourites_count":57,\
            "content":"<p>Notre nouvelle collection arrive demain \\u2728</p>",\
            "account":{"id":"42","username":"brand","acct":"brand"}}""";
    static final String POST_BODY = """
            {"id":"109876543211","created_at":"2026-11-26T08:01:00.000Z","visibility":"public",\
            "language":"fr","url":"https://mastodon.example/@brand/109876543211",\
            "replies_count":0,"reblogs_count":0,"favourites_count":0,\
            "content":"<p>Nouvelle collection disponible ! #launch</p>",\
            "account":{"id":"42","username":"brand","acct":"brand"}}""";

    private final WireMockServer server;

    public OverheadStub() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false)));
        server.start();
        String reset = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.stubFor(get(urlEqualTo(GET_PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(ok(GET_BODY, reset)));
        server.stubFor(post(urlEqualTo(POST_PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Idempotency-Key", equalTo(IDEMPOTENCY_KEY))
                .withRequestBody(equalToJson("{\"status\":\"Nouvelle collection disponible ! #launch\","
                        + "\"visibility\":\"public\",\"language\":\"fr\"}"))
                .willReturn(ok(POST_BODY, reset)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body, String reset) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "1000000000")
                .withHeader("X-RateLimit-Remaining", "999999999")
                .withHeader("X-RateLimit-Reset", reset)
                .withBody(body);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
