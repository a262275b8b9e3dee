package io.cmkit.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.cmkit.connectors.bluesky.internal.BlueskyConnector;
import io.cmkit.connectors.bluesky.pds.BlueskyPds;
import io.cmkit.connectors.bluesky.pds.BlueskyPdsExtension;
import io.cmkit.connectors.bluesky.pds.TestAccount;
import io.cmkit.connectors.contract.LexiconContract;
import io.cmkit.connectors.contract.WireMockContract;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.Connectors;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RejectedException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bluesky connector against a real PDS: sessions, records and blobs for real; the AppView
 * views the PDS cannot serve (threads, profiles) from WireMock stubs held to the lexicons. One
 * session per account for the whole class (createSession is rate limited per account).
 */
@ExtendWith(BlueskyPdsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the Bluesky connector against a real PDS")
class BlueskyConnectorAgainstPdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LexiconContract LEXICONS = LexiconContract.bluesky();

    private WireMockServer appView;
    private WireMockContract contract;
    private BlueskyConnector brand;
    private BlueskyConnector fan;
    private Publishing publishing;

    @BeforeAll
    void open(BlueskyPds pds) throws Exception {
        appView = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        appView.start();
        contract = WireMockContract.attach(appView, LEXICONS);
        brand = open(pds, pds.brand());
        fan = open(pds, pds.fan());
        publishing = brand.publishing().orElseThrow();
    }

    private BlueskyConnector open(BlueskyPds pds, TestAccount who) {
        BlueskyConfig config = BlueskyConfig.of(new Account(Platform.BLUESKY, who.handle()), pds.baseUrl(), who.handle(),
                Secret.of(who.password())).withAppView(java.net.URI.create("http://127.0.0.1:" + appView.port()));
        Connector connector = Connectors.discover().open(config);
        assertThat(connector).isInstanceOf(BlueskyConnector.class);
        return (BlueskyConnector) connector;
    }

    @AfterEach
    void verifyContract() {
        contract.verify();
        appView.resetAll();
    }

    @AfterAll
    void stop() {
        if (appView != null) {
            appView.stop();
        }
    }

    @Test
    @DisplayName("publishes a post whose link, hashtag and mention facets sit at UTF-8 byte offsets, after accents and emoji")
    void facets() throws Exception {
        String text = "Café ☕ déjà 🇫🇷👩‍🍳 ouvert ! Menu https://example.com/menu?jour=lundi #CaféLumière merci @fan.test et @nobody.invalid.";
        PublishedPost post = publishing.publish(PublishRequest.now(PostVariant.text(Platform.BLUESKY, text), key()));

        JsonNode record = record(post.ref().id());
        assertThat(LEXICONS.checkRecord("app.bsky.feed.post", record.toString())).isEmpty();
        assertThat(record.path("text").asText()).isEqualTo(text);
        JsonNode facets = record.path("facets");
        assertThat(facets).hasSize(3);
        assertFacet(facets.get(0), text, "https://example.com/menu?jour=lundi", "link", "uri",
                "https://example.com/menu?jour=lundi");
        assertFacet(facets.get(1), text, "#CaféLumière", "tag", "tag", "CaféLumière");
        assertFacet(facets.get(2), text, "@fan.test", "mention", "did", fan.did());
        assertThat(post.ref().version()).as("the CID").isPresent();
        assertThat(post.ref().url().orElseThrow().toString()).startsWith("https://bsky.app/profile/" + brand.did() + "/post/");
    }

    private static void assertFacet(JsonNode facet, String text, String covered, String kind, String field, String value) {
        int at = text.indexOf(covered);
        int start = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        int end = start + covered.getBytes(StandardCharsets.UTF_8).length;
        assertThat(facet.path("index").path("byteStart").asInt()).as("byteStart of %s", covered).isEqualTo(start);
        assertThat(facet.path("index").path("byteEnd").asInt()).as("byteEnd of %s", covered).isEqualTo(end);
        assertThat(start).as("bytes, not chars").isNotEqualTo(at);
        JsonNode feature = facet.path("features").get(0);
        assertThat(feature.path("$type").asText()).isEqualTo("app.bsky.richtext.facet#" + kind);
        assertThat(feature.path(field).asText()).isEqualTo(value);
    }

    @Test
    @DisplayName("a reply deep in a thread carries the root and parent strong refs (uri + cid)")
    void replyStrongRefs() throws Exception {
        PublishedPost root = publishing.publish(PublishRequest.now(text("Question du jour : votre café préféré ?"), key()));
        PublishedPost fanReply = fan.publishing().orElseThrow().publish(PublishRequest.reply(text("Un cappuccino !"), key(),
                root.ref()));
        PublishedPost brandReply = publishing.publish(PublishRequest.reply(text("Excellent choix 😊"), key(), fanReply.ref()));

        JsonNode reply = record(brandReply.ref().id()).path("reply");
        assertThat(reply.path("root").path("uri").asText()).isEqualTo(root.ref().id());
        assertThat(reply.path("root").path("cid").asText()).isEqualTo(root.ref().version().orElseThrow());
        assertThat(reply.path("parent").path("uri").asText()).isEqualTo(fanReply.ref().id());
        assertThat(reply.path("parent").path("cid").asText()).isEqualTo(fanReply.ref().version().orElseThrow());
        assertThat(LEXICONS.checkRecord("app.bsky.feed.post", record(brandReply.ref().id()).toString())).isEmpty();
    }

    @Test
    @DisplayName("uploads a PNG through uploadBlob and embeds it as app.bsky.embed.images with its alt text")
    void image(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8B5A2B));
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path file = dir.resolve("latte.png");
        Files.write(file, png.toByteArray());
        MediaAsset asset = new MediaAsset(MediaAsset.Kind.IMAGE, file.toUri(), "image/png", png.size(),
                Optional.of("Un latte art en forme de cœur"));

        PublishedPost post = publishing.publish(PublishRequest.now(new PostVariant(Platform.BLUESKY, "Latte du jour",
                List.of(asset)), key()));

        JsonNode record = record(post.ref().id());
        assertThat(LEXICONS.checkRecord("app.bsky.feed.post", record.toString())).isEmpty();
        JsonNode embedded = record.path("embed").path("images").get(0);
        assertThat(record.path("embed").path("$type").asText()).isEqualTo("app.bsky.embed.images");
        assertThat(embedded.path("alt").asText()).isEqualTo("Un latte art en forme de cœur");
        assertThat(embedded.path("image").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(embedded.path("image").path("size").asInt()).isEqualTo(png.size());
    }

    @Test
    @DisplayName("an image over 2,000,000 bytes or a fifth image is refused before anything is sent, naming the limit")
    void imageLimitsLocal(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("big.png"), new byte[10]);
        MediaAsset big = new MediaAsset(MediaAsset.Kind.IMAGE, file.toUri(), "image/png", 2_000_001, Optional.empty());
        RejectedException tooBig = catchThrowableOfType(RejectedException.class, () -> publishing.publish(
                PublishRequest.now(new PostVariant(Platform.BLUESKY, "big", List.of(big)), key())));
        assertThat(tooBig.reason()).contains("image size is 2000001 bytes, limit 2000000 (1 over)");

        MediaAsset small = new MediaAsset(MediaAsset.Kind.IMAGE, file.toUri(), "image/png", 10, Optional.empty());
        RejectedException tooMany = catchThrowableOfType(RejectedException.class, () -> publishing.publish(
                PublishRequest.now(new PostVariant(Platform.BLUESKY, "five", List.of(small, small, small, small, small)),
                        key())));
        assertThat(tooMany.reason()).contains("media count is 5 media, limit 4 (1 over)");
    }

    @Test
    @DisplayName("hides a fan's reply through the post's threadgate (hiddenReplies), keeping its allow rules, and shows it again")
    void hideThroughThreadgate() throws Exception {
        PublishedPost post = publishing.publish(PublishRequest.now(text("Nouveau menu d'hiver ❄️"), key()));
        PublishedPost reply = fan.publishing().orElseThrow().publish(PublishRequest.reply(text("Trop cher !!!"), key(),
                post.ref()));
        stubThread(post, reply);

        CommentModeration moderation = brand.commentModeration().orElseThrow();
        Page<Interaction> comments = moderation.comments(post.ref(), Optional.empty());
        assertThat(comments.items()).hasSize(1);
        Interaction comment = comments.items().get(0);
        assertThat(comment.kind()).isEqualTo(Interaction.Kind.COMMENT);
        assertThat(comment.author().handle()).isEqualTo("fan.test");
        assertThat(comment.thread().replyToBrand()).isTrue();
        assertThat(moderation.comments(post.ref(), comments.next()).items()).as("nothing new since").isEmpty();

        moderation.hide(comment);
        JsonNode gate = gate(post);
        assertThat(LEXICONS.checkRecord("app.bsky.feed.threadgate", gate.toString())).isEmpty();
        assertThat(gate.path("post").asText()).isEqualTo(post.ref().id());
        assertThat(gate.path("hiddenReplies")).extracting(JsonNode::asText).containsExactly(reply.ref().id());
        assertThat(gate.has("allow")).as("no allow rules invented: anyone may still reply").isFalse();

        moderation.unhide(comment);
        assertThat(gate(post).path("hiddenReplies")).isEmpty();

        RejectedException notOurs = catchThrowableOfType(RejectedException.class, () -> moderation.delete(comment));
        assertThat(notOurs.reason()).contains("only its own posts");
    }

    @Test
    @DisplayName("answers a comment as the brand, then deletes that answer of its own")
    void replyAndDeleteOwn() throws Exception {
        PublishedPost post = publishing.publish(PublishRequest.now(text("Ouvert dimanche ?"), key()));
        PublishedPost fanReply = fan.publishing().orElseThrow().publish(PublishRequest.reply(text("Oui ?"), key(),
                post.ref()));
        stubThread(post, fanReply);
        CommentModeration moderation = brand.commentModeration().orElseThrow();
        Interaction comment = moderation.comments(post.ref(), Optional.empty()).items().get(0);

        String key = key();
        PublishedPost answer = moderation.reply(comment, "Oui, de 8 h à 13 h !", key);

        JsonNode reply = record(answer.ref().id()).path("reply");
        assertThat(reply.path("root").path("uri").asText()).isEqualTo(post.ref().id());
        assertThat(reply.path("parent").path("uri").asText()).isEqualTo(fanReply.ref().id());
        Interaction own = new Interaction(answer.ref().id(), brand.account(), Interaction.Kind.REPLY,
                io.cmkit.core.model.Author.of(brand.did(), "brand.test"), "Oui, de 8 h à 13 h !", answer.publishedAt(),
                new io.cmkit.core.model.ThreadPosition(Optional.of(post.ref().id()), Optional.of(fanReply.ref().id()), 2,
                        false), Optional.empty(), Optional.empty());
        moderation.delete(own);
        assertThat(publishing.findPublished(key)).isEmpty();
    }

    @Test
    @DisplayName("blocks a comment's author with an app.bsky.graph.block record, once however often asked")
    void block() throws Exception {
        PublishedPost post = publishing.publish(PublishRequest.now(text("Qui vient ce soir ?"), key()));
        PublishedPost reply = fan.publishing().orElseThrow().publish(PublishRequest.reply(text("moi"), key(), post.ref()));
        stubThread(post, reply);
        Interaction comment = brand.commentModeration().orElseThrow().comments(post.ref(), Optional.empty()).items().get(0);

        brand.commentModeration().orElseThrow().blockAuthor(comment.author());
        brand.commentModeration().orElseThrow().blockAuthor(comment.author());

        JsonNode blocks = JSON.readTree(brand.pdsClient().send(ApiRequest.get("/xrpc/com.atproto.repo.listRecords")
                .query("repo", brand.did()).query("collection", "app.bsky.graph.block")).bodyText());
        assertThat(blocks.path("records")).hasSize(1);
        assertThat(blocks.path("records").get(0).path("value").path("subject").asText()).isEqualTo(fan.did());
    }

    @Test
    @DisplayName("deletes a post; deleting it again is not an error, and its key then finds nothing")
    void delete() throws Exception {
        String key = key();
        PublishedPost post = publishing.publish(PublishRequest.now(text("Éphémère"), key));
        assertThat(publishing.findPublished(key)).map(p -> p.ref().id()).contains(post.ref().id());

        publishing.delete(post.ref());
        publishing.delete(post.ref());

        assertThat(publishing.findPublished(key)).isEmpty();
    }

    @Test
    @DisplayName("after a lost answer, findPublished finds the post by its key and publishing again returns it, not a twin")
    void lostResponse() throws Exception {
        String key = key();
        // the record reached the PDS, but its answer was lost on the way back
        Map<String, Object> record = Map.of("$type", "app.bsky.feed.post", "text", "Réponse perdue",
                "createdAt", "2026-11-26T01:00:00.000Z");
        String body = JSON.writeValueAsString(Map.of("repo", brand.did(), "collection", "app.bsky.feed.post",
                "rkey", BlueskyConnector.postRecordKey(key), "record", record));
        assertThat(LEXICONS.checkRequest(io.cmkit.connectors.contract.ContractRequest.json("POST",
                "/xrpc/com.atproto.repo.createRecord", body))).isEmpty();
        brand.pdsClient().send(ApiRequest.post("/xrpc/com.atproto.repo.createRecord").body("application/json",
                body.getBytes(StandardCharsets.UTF_8)));

        PublishedPost found = publishing.findPublished(key).orElseThrow();
        PublishedPost again = publishing.publish(PublishRequest.now(text("Réponse perdue"), key));

        assertThat(again.ref().id()).isEqualTo(found.ref().id());
        assertThat(again.ref().version()).isEqualTo(found.ref().version());
        JsonNode posts = JSON.readTree(brand.pdsClient().send(ApiRequest.get("/xrpc/com.atproto.repo.listRecords")
                .query("repo", brand.did()).query("collection", "app.bsky.feed.post").query("limit", 100)).bodyText());
        List<String> texts = new ArrayList<>();
        posts.path("records").forEach(r -> texts.add(r.path("value").path("text").asText()));
        assertThat(texts).containsOnlyOnce("Réponse perdue");
    }

    @Test
    @DisplayName("refreshes its session with refreshSession and goes on publishing")
    void refresh() throws Exception {
        brand.refreshSession();
        brand.refreshSession();   // the refresh JWT rotates: the second uses the one the first returned

        PublishedPost post = publishing.publish(PublishRequest.now(text("Toujours là après un rafraîchissement"), key()));
        assertThat(record(post.ref().id()).path("text").asText()).isEqualTo("Toujours là après un rafraîchissement");
    }

    @Test
    @DisplayName("a post over 300 graphemes is refused locally with the excess, and by the server with its own reason")
    void overLimit() {
        String text = "é".repeat(280) + "👩‍👩‍👧".repeat(21);   // 301 graphemes
        RejectedException local = catchThrowableOfType(RejectedException.class,
                () -> publishing.publish(PublishRequest.now(text(text), key())));
        assertThat(local.reason()).contains("text length is 301 graphemes, limit 300 (1 over)");

        RejectedException server = catchThrowableOfType(RejectedException.class,
                () -> brand.publishUnchecked(PublishRequest.now(text(text), key())));
        assertThat(server).as("the PDS's refusal").isNotNull();
        assertThat(server.code()).contains("InvalidRequest");
        assertThat(server.reason()).contains("grapheme too big (maximum 300, got 301)");
    }

    @Test
    @DisplayName("updates the profile record (getRecord, putRecord with swapRecord) and keeps fields it was not asked to change")
    void profile() throws Exception {
        io.cmkit.core.spi.Profiles profiles = brand.profiles().orElseThrow();
        contract.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor", equalTo(brand.did()))
                .willReturn(okJson("{\"did\":\"" + brand.did() + "\",\"handle\":\"brand.test\",\"displayName\":\"Café Lumière\","
                        + "\"description\":\"Torréfacteur à Lyon\",\"followersCount\":12}")));

        profiles.update(io.cmkit.core.spi.ProfileUpdate.none().withDisplayName("Café Lumière").withBio("Torréfacteur"));
        io.cmkit.core.spi.Profile after = profiles.update(io.cmkit.core.spi.ProfileUpdate.none().withBio("Torréfacteur à Lyon"));

        JsonNode record = JSON.readTree(brand.pdsClient().send(ApiRequest.get("/xrpc/com.atproto.repo.getRecord")
                .query("repo", brand.did()).query("collection", "app.bsky.actor.profile").query("rkey", "self")).bodyText())
                .path("value");
        assertThat(LEXICONS.checkRecord("app.bsky.actor.profile", record.toString())).isEmpty();
        assertThat(record.path("displayName").asText()).isEqualTo("Café Lumière");
        assertThat(record.path("description").asText()).isEqualTo("Torréfacteur à Lyon");
        assertThat(after.displayName()).isEqualTo("Café Lumière");
        assertThat(brand.metrics().orElseThrow().accountSnapshot().value(io.cmkit.core.model.Metric.FOLLOWERS)).contains(12L);
    }

    // ---------------------------------------------------------------------------------------

    private void stubThread(PublishedPost post, PublishedPost reply) throws Exception {
        ObjectNode root = postView(post, brand, "brand.test");
        ObjectNode child = postView(reply, fan, "fan.test");
        ObjectNode thread = JSON.createObjectNode();
        thread.put("$type", "app.bsky.feed.defs#threadViewPost");
        thread.set("post", root);
        ArrayNode replies = thread.putArray("replies");
        ObjectNode r = replies.addObject();
        r.put("$type", "app.bsky.feed.defs#threadViewPost");
        r.set("post", child);
        r.putArray("replies");
        ObjectNode out = JSON.createObjectNode();
        out.set("thread", thread);
        contract.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPostThread")).withQueryParam("uri", equalTo(post.ref().id()))
                .willReturn(okJson(out.toString())));
    }

    private ObjectNode postView(PublishedPost post, BlueskyConnector who, String handle) throws Exception {
        ObjectNode view = JSON.createObjectNode();
        view.put("uri", post.ref().id());
        view.put("cid", post.ref().version().orElseThrow());
        ObjectNode author = view.putObject("author");
        author.put("did", who.did());
        author.put("handle", handle);
        view.set("record", record(post.ref().id()));
        view.put("replyCount", 0);
        view.put("indexedAt", post.publishedAt().toString());
        return view;
    }

    private JsonNode gate(PublishedPost post) throws Exception {
        String rkey = post.ref().id().substring(post.ref().id().lastIndexOf('/') + 1);
        return JSON.readTree(brand.pdsClient().send(ApiRequest.get("/xrpc/com.atproto.repo.getRecord")
                .query("repo", brand.did()).query("collection", "app.bsky.feed.threadgate").query("rkey", rkey))
                .bodyText()).path("value");
    }

    private JsonNode record(String uri) throws Exception {
        String[] parts = uri.substring("at://".length()).split("/");
        return JSON.readTree(brand.pdsClient().send(ApiRequest.get("/xrpc/com.atproto.repo.getRecord")
                .query("repo", parts[0]).query("collection", parts[1]).query("rkey", parts[2])).bodyText()).path("value");
    }

    private static PostVariant text(String text) {
        return PostVariant.text(Platform.BLUESKY, text);
    }

    private static String key() {
        return "pds-test-" + UUID.randomUUID();
    }
}
