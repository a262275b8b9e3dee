package io.cmkit.connectors.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("WireMock held to a contract")
class WireMockContractTest {

    @RegisterExtension
    static WireMockExtension extension = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private static final String STATUS = Examples.text("mastodon/status.json");
    private final HttpClient http = HttpClient.newHttpClient();
    private WireMockServer wm;

    @AfterEach
    void stop() {
        if (wm != null) {
            wm.stop();
        }
    }

    private WireMockServer start(WireMockServer server) {
        wm = server;
        wm.start();
        return wm;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(wm.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @DisplayName("stubs")
    class Stubs {

        @Test
        @DisplayName("a stub whose body fits its endpoint is registered")
        void valid() {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), OpenApiContract.mastodon());
            contract.stubFor(post(urlPathEqualTo("/api/v1/statuses")).willReturn(okJson(STATUS)));
            contract.stubFor(delete(urlPathTemplate("/api/v1/statuses/{id}")).willReturn(okJson(STATUS)));
            contract.stubFor(get(urlPathMatching("/api/v1/statuses/[0-9]+/context"))
                    .willReturn(okJson("{\"ancestors\":[],\"descendants\":[" + STATUS + "]}")));
            assertThat(wm.getStubMappings()).hasSize(3);
            contract.verify();
        }

        @Test
        @DisplayName("a stub whose body breaks the schema is refused with the endpoint and the pointer, and not registered")
        void invalid() {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), OpenApiContract.mastodon());
            String broken = STATUS.replace("\"replies_count\": 2", "\"replies_count\": null");
            assertThatThrownBy(() -> contract.stubFor(post(urlPathEqualTo("/api/v1/statuses")).willReturn(okJson(broken))))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("WireMock stub POST /api/v1/statuses -> 200")
                    .hasMessageContaining("POST /api/v1/statuses stub response 200 body at /replies_count");
            assertThat(wm.getStubMappings()).isEmpty();
        }

        @Test
        @DisplayName("with the extension installed, the server itself refuses a bad stub")
        void extension() {
            start(new WireMockServer(options().dynamicPort().extensions(WireMockContract.stubChecks(LexiconContract.bluesky()))));
            wm.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                    .willReturn(okJson("{\"posts\":[" + Examples.text("bluesky/postView.json") + "]}")));
            assertThatThrownBy(() -> wm.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).willReturn(okJson("{\"posts\":[{}]}"))))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("app.bsky.feed.getPosts stub response 200 body at /posts/0/uri: required field 'uri' is missing");
            assertThat(wm.getStubMappings()).hasSize(1);
        }

        @Test
        @DisplayName("a stub for an endpoint outside the contract is refused")
        void unknownEndpoint() {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), OpenApiContract.mastodon());
            assertThatThrownBy(() -> contract.stubFor(get(urlPathEqualTo("/api/v1/timelines/home")).willReturn(okJson("[]"))))
                    .hasMessageContaining("names no endpoint of the Mastodon contract");
        }

        @Test
        @DisplayName("faults and stubs marked off-contract are not checked; stubs registered behind its back are checked by verify()")
        void exemptions() {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), OpenApiContract.mastodon());
            contract.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            contract.stubFor(get(urlPathEqualTo("/api/v2/instance")).willReturn(okJson("{\"domain\":")
                    .withHeader("X-Test", "truncated")).withMetadata(WireMockContract.offContract("truncated body on purpose")));
            contract.verify();
            wm.stubFor(get(urlPathEqualTo("/api/v2/instance")).willReturn(okJson("{}")));
            assertThatThrownBy(contract::verify).isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("GET /api/v2/instance stub response 200 body at /domain");
        }
    }

    @Test
    @DisplayName("works the same with JUnit's WireMockExtension")
    void withTheJUnitExtension() throws Exception {
        WireMockContract contract = WireMockContract.attach(extension, OpenApiContract.mastodon());
        contract.stubFor(get(urlPathEqualTo("/api/v2/instance")).willReturn(okJson(Examples.text("mastodon/instance.json"))));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(extension.baseUrl() + "/api/v2/instance?lang=fr")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(contract::verify).hasMessageContaining("GET /api/v2/instance query at /lang: query parameter 'lang' is not defined");
    }

    @Nested
    @DisplayName("requests and responses")
    class Traffic {

        @Test
        @DisplayName("a request that fits its endpoint passes verify()")
        void valid() throws Exception {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), OpenApiContract.mastodon());
            contract.stubFor(post(urlPathEqualTo("/api/v1/statuses")).willReturn(okJson(STATUS)));
            assertThat(send("POST", "/api/v1/statuses", "application/json", "{\"status\":\"Bonjour\"}").statusCode()).isEqualTo(200);
            contract.verify();
        }

        @Test
        @DisplayName("a request body that breaks the schema fails verify(), naming the endpoint and the pointer")
        void invalidBody() throws Exception {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), LexiconContract.bluesky());
            contract.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")).willReturn(okJson(
                    "{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/3lbq2kx7mfs2a\",\"cid\":\"bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q\"}")));
            send("POST", "/xrpc/com.atproto.repo.createRecord", "application/json",
                    "{\"repo\":\"brand.test\",\"collection\":\"app.bsky.feed.post\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + "é".repeat(301) + "\",\"createdAt\":\"2026-11-25T09:30:00Z\"}}");
            assertThatThrownBy(contract::verify).isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("WireMock traffic (1 requests) against the Bluesky contract breaks the contract")
                    .hasMessageContaining("com.atproto.repo.createRecord request body at /record/text: is 301 graphemes long, more than the maximum 300");
        }

        @Test
        @DisplayName("a missing required parameter, a wrong method and an unknown path fail verify(), even when no stub answered")
        void parametersAndPaths() throws Exception {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort())), LexiconContract.bluesky());
            send("GET", "/xrpc/com.atproto.repo.getRecord?repo=brand.test&collection=app.bsky.feed.post", null, null);
            send("GET", "/xrpc/com.atproto.server.createSession", null, null);
            send("GET", "/api/v1/statuses", null, null);
            assertThatThrownBy(contract::verify).isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("com.atproto.repo.getRecord query at /rkey: required parameter 'rkey' is missing")
                    .hasMessageContaining("com.atproto.server.createSession request: a procedure is called with POST, not GET")
                    .hasMessageContaining("GET /api/v1/statuses request: not an XRPC path");
        }

        @Test
        @DisplayName("a templated response is checked as served")
        void served() throws Exception {
            WireMockContract contract = WireMockContract.attach(start(new WireMockServer(options().dynamicPort().globalTemplating(true))), OpenApiContract.mastodon());
            contract.stubFor(get(urlPathTemplate("/api/v1/statuses/{id}")).willReturn(okJson("{\"id\":\"{{request.path.id}}\"}")));
            send("GET", "/api/v1/statuses/42", null, null);
            assertThatThrownBy(contract::verify).hasMessageContaining("GET /api/v1/statuses/{id} served response 200 body at /account");
        }
    }
}
