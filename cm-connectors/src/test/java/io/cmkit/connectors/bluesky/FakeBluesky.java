package io.cmkit.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stateful Bluesky behind WireMock stubs: a repository of records (create, get, put,
 * delete; a record key is written once) and a notification list paged backwards in time, newest
 * first, with an offset cursor, as the AppView does. Stubs name it with
 * {@code .withTransformers(FakeBluesky.NAME)}; their own bodies are lexicon-valid examples that
 * the contract checks, and every answer it serves is checked again by {@code contract.verify()}.
 */
final class FakeBluesky implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-bluesky";
    static final String BRAND_DID = "did:plc:brand4h2xq7ykhx3nqvqz4rm";
    static final String FAN_DID = "did:plc:fan7k3m2x5q4w6e8r9t0y1u2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] B32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();   // oldest first

    synchronized void reset() {
        records.clear();
        notifications.clear();
    }

    synchronized int recordCount(String collection) {
        return (int) records.keySet().stream().filter(u -> u.contains("/" + collection + "/")).count();
    }

    /** A mention of the brand by the fan, indexed at this instant. */
    synchronized void addMention(String text, Instant at) {
        int n = notifications.size() + 1;
        String uri = "at://" + FAN_DID + "/app.bsky.feed.post/"
                + io.cmkit.connectors.bluesky.internal.RecordKeys.forKey("mention", n + text);
        ObjectNode note = JSON.createObjectNode();
        note.put("uri", uri);
        note.put("cid", cid(uri));
        ObjectNode author = note.putObject("author");
        author.put("did", FAN_DID);
        author.put("handle", "marie.bsky.social");
        author.put("displayName", "Marie");
        note.put("reason", "mention");
        ObjectNode record = note.putObject("record");
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text);
        record.put("createdAt", at.toString());
        note.put("isRead", false);
        note.put("indexedAt", at.toString());
        notifications.add(note);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        try {
            return switch (path) {
                case "/xrpc/com.atproto.repo.createRecord" -> create(JSON.readTree(request.getBodyAsString()));
                case "/xrpc/com.atproto.repo.putRecord" -> put(JSON.readTree(request.getBodyAsString()));
                case "/xrpc/com.atproto.repo.deleteRecord" -> delete(JSON.readTree(request.getBodyAsString()));
                case "/xrpc/com.atproto.repo.getRecord" -> get(uri(request.queryParameter("repo").firstValue(),
                        request.queryParameter("collection").firstValue(), request.queryParameter("rkey").firstValue()));
                case "/xrpc/app.bsky.notification.listNotifications" -> list(request.queryParameter("limit"),
                        request.queryParameter("cursor"));
                default -> event.getResponseDefinition();
            };
        } catch (Exception e) {
            return json(500, "{\"error\":\"InternalServerError\",\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private ResponseDefinition create(JsonNode body) {
        String rkey = body.path("rkey").asText("3lbq2kx7mfs2a" + records.size());
        String uri = uri(body.path("repo").asText(), body.path("collection").asText(), rkey);
        if (records.containsKey(uri)) {
            return json(500, "{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}");
        }
        return write(uri, body);
    }

    private ResponseDefinition put(JsonNode body) {
        return write(uri(body.path("repo").asText(), body.path("collection").asText(), body.path("rkey").asText()), body);
    }

    private ResponseDefinition write(String uri, JsonNode body) {
        ObjectNode stored = JSON.createObjectNode();
        stored.put("uri", uri);
        stored.put("cid", cid(uri + body.path("record")));
        stored.set("value", body.path("record"));
        records.put(uri, stored);
        ObjectNode out = JSON.createObjectNode();
        out.put("uri", uri);
        out.put("cid", stored.path("cid").asText());
        return json(200, out.toString());
    }

    private ResponseDefinition delete(JsonNode body) {
        records.remove(uri(body.path("repo").asText(), body.path("collection").asText(), body.path("rkey").asText()));
        return json(200, "{}");
    }

    private ResponseDefinition get(String uri) {
        ObjectNode stored = records.get(uri);
        if (stored == null) {
            return json(400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record: " + uri + "\"}");
        }
        return json(200, stored.toString());
    }

    private ResponseDefinition list(QueryParameter limitParam, QueryParameter cursorParam) {
        int limit = limitParam.isPresent() ? Integer.parseInt(limitParam.firstValue()) : 50;
        int offset = cursorParam.isPresent() ? Integer.parseInt(cursorParam.firstValue()) : 0;
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("notifications");
        int end = Math.min(notifications.size(), offset + limit);
        for (int i = offset; i < end; i++) {
            items.add(notifications.get(notifications.size() - 1 - i));   // newest first
        }
        if (end < notifications.size()) {
            out.put("cursor", String.valueOf(end));
        }
        return json(200, out.toString());
    }

    private static String uri(String repo, String collection, String rkey) {
        return "at://" + repo + "/" + collection + "/" + rkey;
    }

    /** A CID-shaped string (CIDv1, dag-cbor, sha-256, base32) derived from the text. */
    static String cid(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder("bafyrei");
            for (int i = 0; i < 52; i++) {
                out.append(B32[(hash[i % hash.length] & 0xff) % 32]);
            }
            return out.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("RateLimit-Limit", "3000").withHeader("RateLimit-Remaining", "2999")
                .withHeader("RateLimit-Reset", "300").withBody(body).build();
    }
}
