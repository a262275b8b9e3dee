package io.cmkit.connectors.bluesky.pds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmkit.connectors.contract.ContractRequest;
import io.cmkit.connectors.contract.LexiconContract;
import io.cmkit.connectors.contract.Violation;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The harness and the lexicon checker against a real PDS, with nothing but the JDK's HttpClient:
 * each request and each response is checked against its lexicon.
 */
@ExtendWith(BlueskyPdsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("a real Bluesky PDS, spoken to with plain HTTP and checked against the lexicons")
class BlueskyPdsSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LexiconContract LEXICONS = LexiconContract.bluesky();

    // HTTP/1.1: on an http:// URL the JDK client otherwise asks to upgrade to h2c, and the PDS
    // (Node) answers that by closing the connection: "header parser received no bytes".
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private BlueskyPds pds;
    private JsonNode session;

    /** One exchange: the request as sent, the response as received. */
    private record Exchange(ContractRequest request, int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        List<Violation> requestViolations() {
            return LEXICONS.checkRequest(request);
        }

        List<Violation> responseViolations() {
            return LEXICONS.checkResponse(request.method(), request.path(), status, contentType, body);
        }

        /** Both sides fit the lexicon. */
        Exchange checked() {
            assertThat(requestViolations()).as("request to %s", request.path()).isEmpty();
            assertThat(responseViolations()).as("response %s from %s: %s", status, request.path(), body).isEmpty();
            return this;
        }
    }

    @BeforeAll
    void session(BlueskyPds pds) throws Exception {
        this.pds = pds;
        Exchange created = post("com.atproto.server.createSession", null, "application/json",
                json(Map.of("identifier", pds.brand().handle(), "password", pds.brand().password()))).checked();
        assertThat(created.status()).isEqualTo(200);
        session = created.json();
        assertThat(session.path("handle").asText()).isEqualTo("brand.test");
        assertThat(session.path("did").asText()).startsWith("did:plc:");
    }

    @Test
    @DisplayName("publishes a post, reads it back, deletes it, and then it is gone")
    void postRoundTrip() throws Exception {
        String text = "Nouvelle torréfaction ce matin ☕ #café";
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text);
        record.put("langs", List.of("fr"));
        record.put("createdAt", Instant.now().toString());
        Exchange created = post("com.atproto.repo.createRecord", access(), "application/json",
                json(Map.of("repo", did(), "collection", "app.bsky.feed.post", "record", record))).checked();
        assertThat(created.status()).isEqualTo(200);
        String uri = created.json().path("uri").asText();
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        assertThat(uri).startsWith("at://" + did() + "/app.bsky.feed.post/");

        Exchange read = get("com.atproto.repo.getRecord?repo=" + did() + "&collection=app.bsky.feed.post&rkey=" + rkey, access()).checked();
        assertThat(read.json().path("value").path("text").asText()).isEqualTo(text);
        assertThat(read.json().path("cid").asText()).isEqualTo(created.json().path("cid").asText());

        Exchange deleted = post("com.atproto.repo.deleteRecord", access(), "application/json",
                json(Map.of("repo", did(), "collection", "app.bsky.feed.post", "rkey", rkey))).checked();
        assertThat(deleted.status()).isEqualTo(200);

        Exchange gone = get("com.atproto.repo.getRecord?repo=" + did() + "&collection=app.bsky.feed.post&rkey=" + rkey, access()).checked();
        assertThat(gone.status()).as("a missing record is 400 RecordNotFound in XRPC, not 404").isEqualTo(400);
        assertThat(gone.json().path("error").asText()).isEqualTo("RecordNotFound");
    }

    @Test
    @DisplayName("a fan replies with root and parent strong refs; the brand hides the reply with a threadgate (putRecord)")
    void replyAndHide() throws Exception {
        Exchange post = post("com.atproto.repo.createRecord", access(), "application/json", json(Map.of("repo", did(),
                "collection", "app.bsky.feed.post", "record", Map.of("$type", "app.bsky.feed.post", "text", "Quelle est votre boisson préférée ?",
                        "createdAt", Instant.now().toString())))).checked();
        Map<String, String> ref = Map.of("uri", post.json().path("uri").asText(), "cid", post.json().path("cid").asText());

        JsonNode fan = post("com.atproto.server.createSession", null, "application/json",
                json(Map.of("identifier", pds.fan().handle(), "password", pds.fan().password()))).checked().json();
        Exchange reply = post("com.atproto.repo.createRecord", fan.path("accessJwt").asText(), "application/json", json(Map.of(
                "repo", fan.path("did").asText(), "collection", "app.bsky.feed.post",
                "record", Map.of("$type", "app.bsky.feed.post", "text", "Un café noir, évidemment",
                        "reply", Map.of("root", ref, "parent", ref), "createdAt", Instant.now().toString())))).checked();
        String replyUri = reply.json().path("uri").asText();

        String postRkey = ref.get("uri").substring(ref.get("uri").lastIndexOf('/') + 1);
        Exchange gate = post("com.atproto.repo.putRecord", access(), "application/json", json(Map.of(
                "repo", did(), "collection", "app.bsky.feed.threadgate", "rkey", postRkey,
                "record", Map.of("$type", "app.bsky.feed.threadgate", "post", ref.get("uri"), "hiddenReplies", List.of(replyUri),
                        "createdAt", Instant.now().toString())))).checked();
        assertThat(gate.json().path("uri").asText()).isEqualTo("at://" + did() + "/app.bsky.feed.threadgate/" + postRkey);

        Exchange read = get("com.atproto.repo.getRecord?repo=" + did() + "&collection=app.bsky.feed.threadgate&rkey=" + postRkey, access()).checked();
        assertThat(read.json().path("value").path("hiddenReplies").get(0).asText()).isEqualTo(replyUri);
        Exchange listed = get("com.atproto.repo.listRecords?repo=" + did() + "&collection=app.bsky.feed.threadgate&limit=10", access()).checked();
        assertThat(listed.json().path("records")).isNotEmpty();
    }

    @Test
    @DisplayName("refreshes the session with the refresh JWT as bearer and no body")
    void refresh() throws Exception {
        Exchange refreshed = post("com.atproto.server.refreshSession", session.path("refreshJwt").asText(), null, null).checked();
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("accessJwt").asText()).isNotBlank();
        assertThat(refreshed.json().path("did").asText()).isEqualTo(did());
        // The access token is not a refresh token.
        Exchange wrong = post("com.atproto.server.refreshSession", access(), null, null).checked();
        assertThat(wrong.status()).isIn(400, 401);
        session = refreshed.json(); // the old refresh token is spent
    }

    @Test
    @DisplayName("a post over 300 graphemes is refused by the checker and by the server (400)")
    void overLong() throws Exception {
        Map<String, Object> record = Map.of("$type", "app.bsky.feed.post", "text", "é".repeat(301),
                "createdAt", Instant.now().toString());
        Exchange refused = post("com.atproto.repo.createRecord", access(), "application/json",
                json(Map.of("repo", did(), "collection", "app.bsky.feed.post", "record", record)));
        assertThat(refused.requestViolations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/record/text");
            assertThat(v.message()).isEqualTo("is 301 graphemes long, more than the maximum 300");
        });
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.responseViolations()).isEmpty();
        assertThat(refused.json().path("error").asText()).isEqualTo("InvalidRequest");
        assertThat(refused.json().path("message").asText()).contains("text").contains("300");
    }

    @Test
    @DisplayName("uploads an image blob and gets a blob reference back")
    void uploadBlob() throws Exception {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        HttpRequest request = HttpRequest.newBuilder(pds.xrpc("com.atproto.repo.uploadBlob"))
                .header("Authorization", "Bearer " + access()).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build();
        Exchange uploaded = send(request, new ContractRequest("POST", "/xrpc/com.atproto.repo.uploadBlob", Map.of(),
                Map.of("content-type", List.of("image/png")), png)).checked();
        assertThat(uploaded.json().path("blob").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(uploaded.json().path("blob").path("size").asInt()).isEqualTo(png.length);
    }

    @Test
    @DisplayName("a wrong password is 401 AuthenticationRequired")
    void wrongPassword() throws Exception {
        Exchange refused = post("com.atproto.server.createSession", null, "application/json",
                json(Map.of("identifier", pds.fan().handle(), "password", "not-the-password"))).checked();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asText()).isEqualTo("AuthenticationRequired");
    }

    @Test
    @DisplayName("AppView reads are not served here: getPostThread answers 5xx, so connectors stub those from the lexicons")
    void appViewIsAbsent() throws Exception {
        Exchange thread = get("app.bsky.feed.getPostThread?uri=at://" + did() + "/app.bsky.feed.post/3lbq2kx7mfs2a", access());
        assertThat(thread.requestViolations()).isEmpty();
        assertThat(thread.status()).isGreaterThanOrEqualTo(500);
    }

    // ---------------------------------------------------------------------------------------

    private String did() {
        return session.path("did").asText();
    }

    private String access() {
        return session.path("accessJwt").asText();
    }

    private Exchange post(String nsid, String bearer, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(pds.xrpc(nsid))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
            headers.put("content-type", List.of(contentType));
        }
        return send(b.build(), new ContractRequest("POST", "/xrpc/" + nsid, Map.of(), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private Exchange get(String nsidAndQuery, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(pds.baseUrl().resolve("/xrpc/" + nsidAndQuery)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build(), ContractRequest.of("GET", "/xrpc/" + nsidAndQuery));
    }

    private Exchange send(HttpRequest request, ContractRequest asSeen) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Exchange(asSeen, response.statusCode(), response.headers().firstValue("content-type").orElse(null), response.body());
    }

    private static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

}
