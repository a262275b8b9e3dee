package io.cmkit.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmkit.connectors.contract.Examples;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.UnsupportedCapabilityException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.cmkit.connectors.testkit.LoopbackWireMock;

/**
 * The AppView reads (threads, notifications, counters, profiles), which a lone PDS cannot serve,
 * against WireMock stubs built from the lexicons' example bodies; every stub, request and answer
 * is checked against the lexicons when each test ends.
 */
@DisplayName("Bluesky AppView reads against stubs held to the lexicons")
class BlueskyAppViewReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeBluesky FAKE = new FakeBluesky();
    private static final String POST = "at://did:plc:brand4h2xq7ykhx3nqvqz4rm/app.bsky.feed.post/3lbq2kx7mfs2a";
    private static final String MARIE = "at://did:plc:fan7k3m2x5q4w6e8r9t0y1u2/app.bsky.feed.post/3lbq3abcd2k2x";
    @RegisterExtension
    static final LoopbackWireMock WIREMOCK = new LoopbackWireMock(FAKE);
    private BlueskyWireMockPlatform platform;

    @BeforeEach
    void open() {
        platform = new BlueskyWireMockPlatform(WIREMOCK.server(), FAKE);
    }

    @AfterEach
    void close() {
        platform.close();   // verifies the contract
    }

    @Test
    @DisplayName("comments flatten the thread oldest first, with thread positions; a later read returns only new replies")
    void comments() throws Exception {
        ObjectNode thread = (ObjectNode) JSON.readTree(Examples.text("bluesky/getPostThread.json"));
        ObjectNode marie = (ObjectNode) thread.path("thread").path("replies").get(0);
        ArrayNode under = marie.putArray("replies");
        under.add(reply("3lbq4brand2k2x", "did:plc:brand4h2xq7ykhx3nqvqz4rm", "cafe-lumiere.bsky.social",
                "Dès 7 h !", MARIE, "2026-11-25T09:45:00.000Z"));
        stubThread(thread);

        CommentModeration moderation = platform.connector().commentModeration().orElseThrow();
        Page<Interaction> page = moderation.comments(PostRef.of(Platform.BLUESKY, POST), Optional.empty());

        assertThat(page.items()).extracting(Interaction::text).containsExactly("Miam ! Vous ouvrez à quelle heure ?",
                "Dès 7 h !");
        Interaction first = page.items().get(0);
        assertThat(first.kind()).isEqualTo(Interaction.Kind.COMMENT);
        assertThat(first.author().handle()).isEqualTo("marie.bsky.social");
        assertThat(first.thread().depth()).isEqualTo(1);
        assertThat(first.thread().replyToBrand()).isTrue();
        assertThat(first.language()).contains(java.util.Locale.FRENCH);
        Interaction second = page.items().get(1);
        assertThat(second.kind()).isEqualTo(Interaction.Kind.REPLY);
        assertThat(second.thread().rootId()).contains(POST);
        assertThat(second.thread().parentId()).contains(MARIE);
        assertThat(second.thread().replyToBrand()).isFalse();
        assertThat(page.next()).isPresent();

        assertThat(moderation.comments(PostRef.of(Platform.BLUESKY, POST), page.next()).items()).isEmpty();

        ((ArrayNode) thread.path("thread").path("replies")).add(reply("3lbq5paul2k2x", "did:plc:paul5k3m2x5q4w6e8r9t0y1u",
                "paul.bsky.social", "Et le dimanche ?", POST, "2026-11-25T10:00:00.000Z"));
        stubThread(thread);
        Page<Interaction> later = moderation.comments(PostRef.of(Platform.BLUESKY, POST), page.next());
        assertThat(later.items()).extracting(Interaction::text).containsExactly("Et le dimanche ?");
        WIREMOCK.server().verify(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.getPostThread"))
                .withQueryParam("uri", equalTo(POST)).withQueryParam("parentHeight", equalTo("0")));
    }

    @Test
    @DisplayName("moderation offers hide, unhide, delete, reply and block; report is left out and says why")
    void operations() {
        CommentModeration moderation = platform.connector().commentModeration().orElseThrow();
        assertThat(moderation.supportedOperations()).containsExactlyInAnyOrder(ModerationOperation.HIDE,
                ModerationOperation.UNHIDE, ModerationOperation.DELETE, ModerationOperation.REPLY,
                ModerationOperation.BLOCK_AUTHOR);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> moderation.report(null, "spam"))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("createReport");
    }

    @Test
    @DisplayName("mentions and quotes come from notifications, oldest first; likes and follows are not mentions")
    void mentionsAndQuotes() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Examples.text("bluesky/listNotifications.json"));
        body.remove("cursor");
        ArrayNode items = (ArrayNode) body.path("notifications");
        ObjectNode quote = items.get(0).deepCopy();
        quote.put("uri", "at://did:plc:fan7k3m2x5q4w6e8r9t0y1u2/app.bsky.feed.post/3lbq9quote2k2");
        quote.put("reason", "quote");
        quote.put("indexedAt", "2026-11-25T10:00:00.000Z");
        ((ObjectNode) quote.path("record")).put("text", "Regardez ça");
        ((ObjectNode) quote.path("record")).remove("facets");
        ObjectNode like = items.get(0).deepCopy();
        like.put("uri", "at://did:plc:fan7k3m2x5q4w6e8r9t0y1u2/app.bsky.feed.like/3lbq9like22k2");
        like.put("reason", "like");
        like.put("indexedAt", "2026-11-25T11:00:00.000Z");
        like.set("record", JSON.createObjectNode().put("$type", "app.bsky.feed.like"));
        items.insert(0, quote);
        items.insert(0, like);
        platform.contract().stubFor(BlueskyWireMockPlatform.authorized(
                get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications")).atPriority(3))
                .willReturn(okJson(body.toString())));

        Page<Interaction> page = platform.connector().mentionFeed().orElseThrow().mentions(Optional.empty());

        assertThat(page.items()).extracting(Interaction::kind).containsExactly(Interaction.Kind.MENTION,
                Interaction.Kind.QUOTE);
        assertThat(page.items().get(0).text()).isEqualTo("@cafe-lumiere.bsky.social vous ouvrez quand ?");
        assertThat(page.items().get(0).thread()).isEqualTo(io.cmkit.core.model.ThreadPosition.standalone());
        assertThat(page.next()).isPresent();
        WIREMOCK.server().verify(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .withQueryParam("reasons", equalTo("mention")));
    }

    @Test
    @DisplayName("post counters are likes, reposts, replies and quotes; the account's is followers; no impressions or reach")
    void metrics() throws Exception {
        platform.contract().stubFor(BlueskyWireMockPlatform.authorized(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")))
                .withQueryParam("uris", equalTo(POST)).willReturn(okJson(Examples.text("bluesky/getPosts.json"))));
        stubProfile();
        var metrics = platform.connector().metrics().orElseThrow();

        MetricSnapshot post = metrics.snapshot(PostRef.of(Platform.BLUESKY, POST));
        MetricSnapshot account = metrics.accountSnapshot();

        assertThat(post.values()).containsOnly(java.util.Map.entry(Metric.LIKES, 17L), java.util.Map.entry(Metric.SHARES, 5L),
                java.util.Map.entry(Metric.COMMENTS, 2L), java.util.Map.entry(Metric.QUOTES, 1L));
        assertThat(post.value(Metric.IMPRESSIONS)).isEmpty();
        assertThat(account.value(Metric.FOLLOWERS)).contains(1520L);
        assertThat(metrics.postMetrics()).doesNotContain(Metric.IMPRESSIONS, Metric.REACH);
    }

    @Test
    @DisplayName("the profile is read from getProfile")
    void profile() throws Exception {
        stubProfile();
        Profile profile = platform.connector().profiles().orElseThrow().profile();
        assertThat(profile.displayName()).isEqualTo("Café Lumière");
        assertThat(profile.bio()).isEqualTo("Torréfacteur à Lyon");
        assertThat(profile.avatar()).isPresent();
    }

    private void stubProfile() {
        platform.contract().stubFor(BlueskyWireMockPlatform.authorized(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")))
                .withQueryParam("actor", equalTo(FakeBluesky.BRAND_DID))
                .willReturn(okJson(Examples.text("bluesky/getProfile.json"))));
    }

    private void stubThread(ObjectNode thread) {
        platform.contract().stubFor(BlueskyWireMockPlatform.authorized(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPostThread")))
                .willReturn(okJson(thread.toString())));
    }

    private static ObjectNode reply(String rkey, String did, String handle, String text, String parent, String at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("$type", "app.bsky.feed.defs#threadViewPost");
        ObjectNode post = node.putObject("post");
        String uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
        post.put("uri", uri);
        post.put("cid", FakeBluesky.cid(uri));
        ObjectNode author = post.putObject("author");
        author.put("did", did);
        author.put("handle", handle);
        ObjectNode record = post.putObject("record");
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text);
        ObjectNode reply = record.putObject("reply");
        reply.putObject("root").put("uri", POST).put("cid", "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q");
        reply.putObject("parent").put("uri", parent).put("cid", FakeBluesky.cid(parent));
        record.put("createdAt", at);
        post.put("indexedAt", at);
        return node;
    }
}
