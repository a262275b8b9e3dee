package io.cmkit.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the Bluesky lexicon checker")
class BlueskyContractTest {

    private static final String DID = "did:plc:brand4h2xq7ykhx3nqvqz4rm";
    private static final String URI = "at://" + DID + "/app.bsky.feed.post/3lbq2kx7mfs2a";
    private static final String CID = "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q";

    private final LexiconContract bluesky = LexiconContract.bluesky();
    private final String postView = Examples.text("bluesky/postView.json");

    private static String createPost(String record) {
        return "{\"repo\":\"" + DID + "\",\"collection\":\"app.bsky.feed.post\",\"record\":" + record + "}";
    }

    private List<Violation> create(String record) {
        return bluesky.checkRequest(ContractRequest.json("POST", "/xrpc/com.atproto.repo.createRecord", createPost(record)));
    }

    @Nested
    @DisplayName("finds endpoints")
    class Endpoints {

        @Test
        @DisplayName("queries by GET and procedures by POST, under /xrpc")
        void methods() {
            assertThat(bluesky.endpoint("POST", "/xrpc/com.atproto.repo.createRecord")).contains("com.atproto.repo.createRecord");
            assertThat(bluesky.endpoint("GET", "/xrpc/app.bsky.feed.getPostThread")).contains("app.bsky.feed.getPostThread");
            assertThat(bluesky.endpoint("GET", "/xrpc/com.atproto.repo.createRecord")).isEmpty();
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/com.atproto.repo.createRecord")))
                    .singleElement().extracting(Violation::message).asString().contains("a procedure is called with POST, not GET");
        }

        @Test
        @DisplayName("carries every lexicon cmkit uses, and what they reference")
        void carried() {
            assertThat(bluesky.lexiconIds()).contains("com.atproto.server.createSession", "com.atproto.server.refreshSession",
                    "com.atproto.repo.createRecord", "com.atproto.repo.putRecord", "com.atproto.repo.deleteRecord",
                    "com.atproto.repo.getRecord", "com.atproto.repo.listRecords", "com.atproto.repo.uploadBlob",
                    "com.atproto.repo.strongRef", "app.bsky.feed.post", "app.bsky.feed.threadgate",
                    "app.bsky.feed.getPostThread", "app.bsky.feed.getPosts", "app.bsky.feed.getLikes",
                    "app.bsky.feed.getRepostedBy", "app.bsky.feed.defs", "app.bsky.notification.listNotifications",
                    "app.bsky.actor.getProfile", "app.bsky.actor.defs", "app.bsky.actor.profile",
                    "app.bsky.richtext.facet", "app.bsky.embed.images", "app.bsky.embed.external",
                    "app.bsky.embed.record", "app.bsky.embed.defs", "com.atproto.label.defs");
        }

        @Test
        @DisplayName("an unknown method fails, naming what is carried")
        void unknown() {
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/app.bsky.feed.getTimeline")))
                    .singleElement().satisfies(v -> {
                        assertThat(v.endpoint()).isEqualTo("GET /xrpc/app.bsky.feed.getTimeline");
                        assertThat(v.message()).contains("not a query or procedure carried by the Bluesky contract");
                    });
        }
    }

    @Nested
    @DisplayName("checks records")
    class Records {

        @Test
        @DisplayName("a post with text, facets, a reply and an image passes")
        void validPost() {
            String post = "{\"$type\":\"app.bsky.feed.post\",\"text\":\"Bonjour https://cafe.example #café\","
                    + "\"createdAt\":\"2026-11-25T09:30:00.000Z\",\"langs\":[\"fr\"],"
                    + "\"facets\":[{\"index\":{\"byteStart\":8,\"byteEnd\":28},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://cafe.example\"}]}],"
                    + "\"reply\":{\"root\":{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"},\"parent\":{\"uri\":\"" + URI + "\",\"cid\":\"" + CID + "\"}},"
                    + "\"embed\":{\"$type\":\"app.bsky.embed.images\",\"images\":[{\"alt\":\"Une tasse\",\"image\":{\"$type\":\"blob\","
                    + "\"ref\":{\"$link\":\"bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy\"},\"mimeType\":\"image/png\",\"size\":1234}}]}}";
            assertThat(create(post)).isEmpty();
            assertThat(bluesky.checkRecord("app.bsky.feed.post", post)).isEmpty();
        }

        @Test
        @DisplayName("a post without createdAt fails at /record/createdAt")
        void missingRequired() {
            assertThat(create("{\"$type\":\"app.bsky.feed.post\",\"text\":\"Bonjour\"}")).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("/record/createdAt");
                assertThat(v).hasToString("com.atproto.repo.createRecord request body at /record/createdAt: required field 'createdAt' is missing");
            });
        }

        @Test
        @DisplayName("a record without $type is still checked against its collection")
        void withoutType() {
            assertThat(create("{\"text\":42,\"createdAt\":\"2026-11-25T09:30:00Z\"}"))
                    .singleElement().satisfies(v -> {
                        assertThat(v.pointer()).isEqualTo("/record/text");
                        assertThat(v.message()).isEqualTo("expected string, found number 42");
                    });
        }

        @Test
        @DisplayName("301 graphemes fail; 300 family emoji (each one grapheme, 25 bytes) pass the grapheme limit but not the byte limit")
        void overLong() {
            String text = "a".repeat(301);
            assertThat(create("{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + text + "\",\"createdAt\":\"2026-11-25T09:30:00Z\"}"))
                    .singleElement().satisfies(v -> {
                        assertThat(v.pointer()).isEqualTo("/record/text");
                        assertThat(v.message()).isEqualTo("is 301 graphemes long, more than the maximum 300");
                    });
            String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66".repeat(300);
            assertThat(create("{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + family + "\",\"createdAt\":\"2026-11-25T09:30:00Z\"}"))
                    .singleElement().extracting(Violation::message).asString().isEqualTo("is 7500 UTF-8 bytes long, more than the maximum 3000");
        }

        @Test
        @DisplayName("a bad at-uri, a bad datetime and a reply without its root fail, each at its pointer")
        void formats() {
            List<Violation> v = create("{\"text\":\"x\",\"createdAt\":\"25/11/2026\",\"reply\":{\"parent\":{\"uri\":\"https://bsky.app/x\",\"cid\":\"" + CID + "\"}}}");
            assertThat(v).extracting(Violation::pointer)
                    .containsExactlyInAnyOrder("/record/createdAt", "/record/reply/root", "/record/reply/parent/uri");
        }

        @Test
        @DisplayName("a union member needs its $type; an unknown one passes an open union, a known one is checked")
        void openUnion() {
            assertThat(create("{\"text\":\"x\",\"createdAt\":\"2026-11-25T09:30:00Z\",\"embed\":{\"images\":[]}}"))
                    .extracting(Violation::pointer).containsExactly("/record/embed/$type");
            assertThat(create("{\"text\":\"x\",\"createdAt\":\"2026-11-25T09:30:00Z\",\"embed\":{\"$type\":\"app.example.future\"}}")).isEmpty();
            assertThat(create("{\"text\":\"x\",\"createdAt\":\"2026-11-25T09:30:00Z\",\"embed\":{\"$type\":\"app.bsky.embed.external\",\"external\":{\"uri\":\"https://x.example\"}}}"))
                    .extracting(Violation::pointer).containsExactlyInAnyOrder("/record/embed/external/title", "/record/embed/external/description");
        }

        @Test
        @DisplayName("an unknown $type fails a closed union")
        void closedUnion() {
            LexiconContract test = LexiconContract.fromClasspath("Test", "contracts-test/lexicons");
            String path = "/xrpc/test.cmkit.closed";
            assertThat(test.checkRequest(ContractRequest.json("POST", path, "{\"item\":{\"$type\":\"test.cmkit.closed#a\",\"n\":3}}"))).isEmpty();
            assertThat(test.checkRequest(ContractRequest.json("POST", path, "{\"item\":{\"$type\":\"#b\",\"s\":\"abcde\"}}")))
                    .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/item/s"));
            assertThat(test.checkRequest(ContractRequest.json("POST", path, "{\"item\":{\"$type\":\"test.cmkit.closed#c\"}}")))
                    .singleElement().satisfies(v -> {
                        assertThat(v.pointer()).isEqualTo("/item/$type");
                        assertThat(v.message()).contains("is not one of the closed union's types");
                    });
        }
    }

    @Nested
    @DisplayName("checks requests")
    class Requests {

        @Test
        @DisplayName("createSession with identifier and password passes; without password fails")
        void createSession() {
            String path = "/xrpc/com.atproto.server.createSession";
            assertThat(bluesky.checkRequest(ContractRequest.json("POST", path, "{\"identifier\":\"brand.test\",\"password\":\"p\"}"))).isEmpty();
            assertThat(bluesky.checkRequest(ContractRequest.json("POST", path, "{\"identifier\":\"brand.test\"}")))
                    .extracting(Violation::pointer).containsExactly("/password");
        }

        @Test
        @DisplayName("refreshSession takes no body")
        void refreshSession() {
            String path = "/xrpc/com.atproto.server.refreshSession";
            assertThat(bluesky.checkRequest(ContractRequest.of("POST", path))).isEmpty();
            assertThat(bluesky.checkRequest(ContractRequest.json("POST", path, "{}")))
                    .singleElement().extracting(Violation::message).asString().contains("takes no input");
        }

        @Test
        @DisplayName("uploadBlob needs a body and its Content-Type")
        void uploadBlob() {
            String path = "/xrpc/com.atproto.repo.uploadBlob";
            assertThat(bluesky.checkRequest(ContractRequest.of("POST", path, "image/png", "\u0089PNG"))).isEmpty();
            assertThat(bluesky.checkRequest(ContractRequest.of("POST", path))).singleElement()
                    .extracting(Violation::message).asString().contains("input (*/*) is missing");
        }

        @Test
        @DisplayName("query parameters: a missing required one, a wrong type, an unknown one and an over-large value fail")
        void parameters() {
            assertThat(bluesky.checkRequest(ContractRequest.of("GET",
                    "/xrpc/com.atproto.repo.getRecord?repo=brand.test&collection=app.bsky.feed.post&rkey=3lbq2kx7mfs2a"))).isEmpty();
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/com.atproto.repo.getRecord?repo=brand.test&collection=app.bsky.feed.post")))
                    .singleElement().satisfies(v -> {
                        assertThat(v.pointer()).isEqualTo("/rkey");
                        assertThat(v.message()).isEqualTo("required parameter 'rkey' is missing");
                    });
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/app.bsky.feed.getPostThread?uri=" + URI + "&depth=deep")))
                    .extracting(Violation::pointer).containsExactly("/depth");
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/app.bsky.feed.getPostThread?uri=" + URI + "&depth=1001")))
                    .singleElement().extracting(Violation::message).asString().contains("more than the maximum 1000");
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/app.bsky.feed.getPostThread?url=" + URI)))
                    .extracting(Violation::pointer).containsExactlyInAnyOrder("/uri", "/url");
            assertThat(bluesky.checkRequest(ContractRequest.of("GET", "/xrpc/app.bsky.feed.getPosts?uris=" + URI + "&uris=" + URI))).isEmpty();
        }
    }

    @Nested
    @DisplayName("checks responses")
    class Responses {

        @Test
        @DisplayName("getPosts with a complete post view passes; a view without its author fails at /posts/0/author")
        void views() {
            String path = "/xrpc/app.bsky.feed.getPosts";
            assertThat(bluesky.checkResponse("GET", path, 200, "application/json", "{\"posts\":[" + postView + "]}")).isEmpty();
            assertThat(bluesky.checkValue("app.bsky.feed.defs#postView", postView)).isEmpty();
            String broken = postView.replace("\"author\"", "\"auteur\"");
            assertThat(bluesky.checkResponse("GET", path, 200, "application/json", "{\"posts\":[" + broken + "]}"))
                    .extracting(Violation::pointer).containsExactly("/posts/0/author");
        }

        @Test
        @DisplayName("a record inside a view is checked by its $type")
        void recordInView() {
            String broken = postView.replace("\"langs\": [\"fr\"]", "\"langs\": \"fr\"");
            assertThat(bluesky.checkValue("app.bsky.feed.defs#postView", broken))
                    .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/record/langs"));
        }

        @Test
        @DisplayName("an XRPC error is {error, message}; anything else fails")
        void errors() {
            String path = "/xrpc/com.atproto.repo.getRecord";
            assertThat(bluesky.checkResponse("GET", path, 400, "application/json", "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}")).isEmpty();
            assertThat(bluesky.checkResponse("GET", path, 400, "application/json", "{\"code\":404}"))
                    .extracting(Violation::pointer).containsExactly("/error");
        }

        @Test
        @DisplayName("a success other than 200, and a 200 without its output, fail")
        void success() {
            String path = "/xrpc/com.atproto.server.createSession";
            assertThat(bluesky.checkResponse("POST", path, 201, "application/json", "{}")).isNotEmpty();
            assertThat(bluesky.checkResponse("POST", path, 200, "application/json", ""))
                    .singleElement().extracting(Violation::message).asString().contains("empty");
            assertThat(bluesky.checkResponse("POST", path, 200, "application/json", "{\"did\":\"" + DID + "\",\"handle\":\"brand.test\"}"))
                    .extracting(Violation::pointer).containsExactlyInAnyOrder("/accessJwt", "/refreshJwt");
        }
    }
}
