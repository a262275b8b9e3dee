package io.cmkit.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.cmkit.connectors.mastodon.MastodonFake.BRAND_ID;
import static io.cmkit.connectors.mastodon.MastodonFake.START;
import static io.cmkit.connectors.mastodon.MastodonFake.authorized;
import static io.cmkit.connectors.mastodon.MastodonFake.brand;
import static io.cmkit.connectors.mastodon.MastodonFake.fan;
import static io.cmkit.connectors.mastodon.MastodonFake.json;
import static io.cmkit.connectors.mastodon.MastodonFake.statusNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cmkit.connectors.contract.Examples;
import io.cmkit.connectors.contract.WireMockContract;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.mastodon.internal.Html;
import io.cmkit.connectors.testkit.CapturedLine;
import io.cmkit.connectors.testkit.LogCapture;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import io.cmkit.core.spi.Connectors;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.Pager;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.ProfileUpdate;
import io.cmkit.core.spi.Profiles;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import io.cmkit.core.spi.UnsupportedCapabilityException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.cmkit.connectors.testkit.LoopbackWireMock;

/**
 * What the Mastodon connector does, against a WireMock instance held to the carried Mastodon
 * OpenAPI: every stub is checked when registered, and every request and answer after each test.
 */
@DisplayName("the Mastodon connector")
class MastodonConnectorTest {

    @RegisterExtension
    static final LoopbackWireMock WIREMOCK = new LoopbackWireMock();
    private MastodonFake fake;

    @BeforeEach
    void open() {
        fake = new MastodonFake(WIREMOCK.server());
    }

    @AfterEach
    void verifyContract() {
        fake.close(); // contract.verify(): every request, stub and answer of the test
    }

    private Connector connector() {
        return fake.connector();
    }

    private Publishing publishing() {
        return connector().require(Publishing.class);
    }

    private static PostVariant text(String text) {
        return PostVariant.text(Platform.MASTODON, text);
    }

    private static JsonNode body(LoggedRequest request) {
        return MastodonFake.readArray(request.getBodyAsString());
    }

    private static List<LoggedRequest> statusPosts() {
        return WIREMOCK.server().findAll(postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    }

    @Nested
    @DisplayName("opening")
    class Opening {

        @Test
        @DisplayName("is found by ServiceLoader beside the sandbox, and makes no network call")
        void discovered() {
            int before = WIREMOCK.server().getAllServeEvents().size();
            Connectors connectors = Connectors.discover(MastodonConnectorTest.class.getClassLoader(),
                    new ConnectorContext(fake.clock()));
            assertThat(connectors.providers()).extracting(p -> p.getClass().getSimpleName())
                    .contains("MastodonConnectorProvider", "SandboxConnectorProvider");
            try (Connector c = connectors.open(new MastodonConfig(MastodonFake.ACCOUNT, URI.create(fake.baseUrl()),
                    Secret.of(MastodonFake.TOKEN)).withFoundation(fake.foundation()))) {
                assertThat(c.platform()).isEqualTo(Platform.MASTODON);
                assertThat(c.capabilities()).hasSize(5);
            }
            assertThat(WIREMOCK.server().getAllServeEvents()).hasSize(before);
        }

        @Test
        @DisplayName("takes any instance as an absolute http(s) URI, and keeps the token out of toString()")
        void config() {
            Account account = MastodonFake.ACCOUNT;
            Secret token = Secret.of("tok-" + "s3cr3t-value");
            MastodonConfig config = new MastodonConfig(account, URI.create("https://piaille.fr/"), token);
            assertThat(config.instance()).isEqualTo(URI.create("https://piaille.fr"));
            assertThat(config.toString()).doesNotContain("s3cr3t").contains("piaille.fr");
            assertThatThrownBy(() -> new MastodonConfig(account, URI.create("mastodon.social"), token))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute https://");
            assertThatThrownBy(() -> new MastodonConfig(account, URI.create("ftp://mastodon.social"), token))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new MastodonConfig(new Account(Platform.BLUESKY, "brand.bsky.social"),
                    URI.create("https://mastodon.social"), token))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mastodon account");
        }
    }

    @Nested
    @DisplayName("publishing")
    class PublishingGroup {

        @Test
        @DisplayName("uploads two images, waits for their processing (202), then posts the status with media_ids;"
                + " a retry after a 500 re-sends the same Idempotency-Key")
        void twoImages(@TempDir Path dir) throws Exception {
            Path one = Files.write(dir.resolve("one.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
            Path two = Files.write(dir.resolve("two.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 2});
            stubUpload("one.png", "9001");
            stubUpload("two.png", "9002");
            fake.stub(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1))
                    .inScenario("500 once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                    .withMetadata(WireMockContract.offContract("a 500 before the status was made"))
                    .willReturn(json(500, "{\"error\":\"Internal server error\"}")));
            PostVariant variant = new PostVariant(Platform.MASTODON, "Deux photos ☕", List.of(
                    new MediaAsset(MediaAsset.Kind.IMAGE, one.toUri(), "image/png", 5, Optional.of("Une tasse")),
                    new MediaAsset(MediaAsset.Kind.IMAGE, two.toUri(), "image/png", 5, Optional.empty())));

            PublishedPost post = publishing().publish(PublishRequest.now(variant, "launch-42"));

            assertThat(post.ref().id()).isEqualTo("101");
            assertThat(post.idempotencyKey()).isEqualTo("launch-42");
            WIREMOCK.server().verify(2, postRequestedFor(urlPathEqualTo("/api/v2/media")));
            WIREMOCK.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/media/9001")));
            WIREMOCK.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/media/9002")));
            List<LoggedRequest> sent = statusPosts();
            assertThat(sent).hasSize(2);
            assertThat(sent).allSatisfy(r -> {
                assertThat(r.getHeader("Idempotency-Key")).isEqualTo("launch-42");
                assertThat(body(r).path("media_ids").toString()).isEqualTo("[\"9001\",\"9002\"]");
                assertThat(body(r).path("status").asText()).isEqualTo("Deux photos ☕");
            });
            assertThat(WIREMOCK.server().findAll(postRequestedFor(urlPathEqualTo("/api/v2/media"))).get(0).getBodyAsString())
                    .contains("name=\"description\"").contains("Une tasse");
        }

        /** The upload answers 202 (still processing); the first poll 206, the next 200 with its URL. */
        private void stubUpload(String filename, String id) {
            ObjectNode processing = MastodonFake.read(Examples.text("mastodon/media.json"));
            processing.put("id", id);
            processing.putNull("url");
            ObjectNode done = MastodonFake.read(Examples.text("mastodon/media.json"));
            done.put("id", id);
            fake.stub(authorized(post(urlPathEqualTo("/api/v2/media")))
                    .withRequestBody(containing("filename=\"" + filename + "\""))
                    .willReturn(json(202, processing.toString())));
            fake.stub(authorized(get(urlPathEqualTo("/api/v1/media/" + id))).inScenario("media " + id)
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("processed")
                    .willReturn(json(206, processing.toString())));
            fake.stub(authorized(get(urlPathEqualTo("/api/v1/media/" + id))).inScenario("media " + id)
                    .whenScenarioStateIs("processed").willReturn(json(200, done.toString())));
        }

        @Test
        @DisplayName("replies with in_reply_to_id")
        void reply() throws Exception {
            PublishedPost reply = publishing().publish(PublishRequest.reply(text("Merci !"), "r-1",
                    PostRef.of(Platform.MASTODON, "101")));

            assertThat(reply.ref().id()).isEqualTo("102");
            assertThat(reply.ref().url()).isPresent();
            assertThat(body(statusPosts().get(0)).path("in_reply_to_id").asText()).isEqualTo("101");
            assertThat(statusPosts().get(0).getHeader("Idempotency-Key")).isEqualTo("r-1");
        }

        @Test
        @DisplayName("deleting a status already gone is not an error")
        void deleteGone() throws Exception {
            fake.stub(authorized(delete(urlPathEqualTo("/api/v1/statuses/4040")).atPriority(1))
                    .willReturn(json(404, "{\"error\":\"Record not found\"}")));

            publishing().delete(PostRef.of(Platform.MASTODON, "4040"));

            WIREMOCK.server().verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/statuses/4040")));
        }

        @Test
        @DisplayName("schedules natively through scheduled_at, and cancels a scheduled status")
        void scheduled() throws Exception {
            fake.stub(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(2))
                    .withRequestBody(matchingJsonPath("$.scheduled_at"))
                    .willReturn(json(200, Examples.text("mastodon/scheduled-status.json"))));
            fake.stub(authorized(delete(urlPathEqualTo("/api/v1/scheduled_statuses/3221"))).willReturn(json(200, "{}")));
            Instant at = Instant.parse("2026-12-01T09:00:00Z");
            assertThat(publishing().supportsNativeScheduling()).isTrue();

            PublishedPost post = publishing().publish(new PublishRequest(text("Plus tard"), "later-1", Optional.empty(),
                    Optional.of(at)));

            assertThat(post.ref().id()).isEqualTo("scheduled:3221");
            assertThat(post.publishedAt()).isEqualTo(at);
            assertThat(body(statusPosts().get(0)).path("scheduled_at").asText()).isEqualTo("2026-12-01T09:00:00Z");
            publishing().delete(post.ref());
            WIREMOCK.server().verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/scheduled_statuses/3221")));
        }

        @Test
        @DisplayName("refuses a schedule less than 5 minutes ahead, as Mastodon does, without calling it")
        void scheduledTooSoon() {
            RejectedException e = catchThrowableOfType(RejectedException.class, () -> publishing().publish(
                    new PublishRequest(text("Tout de suite"), "soon-1", Optional.empty(),
                            Optional.of(START.plus(Duration.ofMinutes(2))))));

            assertThat(e).isNotNull();
            assertThat(e.reason()).contains("at least 5 minutes ahead");
            assertThat(statusPosts()).isEmpty();
        }

        @Test
        @DisplayName("says a key is NATIVE idempotency, and findPublished is empty: re-send with the same key instead")
        void idempotency() throws Exception {
            assertThat(publishing().idempotency()).isEqualTo(Publishing.Idempotency.NATIVE);
            assertThat(publishing().findPublished("launch-42")).isEmpty();
        }

        @Test
        @DisplayName("refuses a text over the instance's own limit before sending it")
        void overLimit() {
            RejectedException e = catchThrowableOfType(RejectedException.class,
                    () -> publishing().publish(PublishRequest.now(text("a".repeat(501)), "long-1")));

            assertThat(e).isNotNull();
            assertThat(e.reason()).contains("text length").contains("500");
            assertThat(statusPosts()).isEmpty();
        }
    }

    @Nested
    @DisplayName("comment moderation")
    class Moderation {

        static final String POST = "113546798012345678";
        static final String FAN_A = "2001";
        static final String FAN_B = "2002";

        private CommentModeration moderation() {
            return connector().require(CommentModeration.class);
        }

        /** Mastodon lists descendants depth first, not by id. */
        private void stubContext(boolean withNewOne) {
            ObjectNode a = fan(FAN_A, "alice@social.example");
            ObjectNode b = fan(FAN_B, "bob@other.example");
            com.fasterxml.jackson.databind.node.ArrayNode d = MastodonFake.JSON.createArrayNode();
            d.add(statusNode("113546798012340001", "<p>Super café !</p>", POST, BRAND_ID, a));
            d.add(statusNode("113546798012340003", "<p>Merci Alice</p>", "113546798012340001", FAN_A, brand()));
            d.add(statusNode("113546798012340004", "<p>Vous livrez à Lyon ?</p>", "113546798012340003", BRAND_ID, b));
            d.add(statusNode("113546798012340002", "<p>Trop cher &amp; trop loin</p>", POST, BRAND_ID, b));
            if (withNewOne) {
                d.add(statusNode("113546798012340005", "<p>Et le déca ?</p>", POST, BRAND_ID, a));
            }
            ObjectNode context = MastodonFake.read(Examples.text("mastodon/context.json"));
            context.set("descendants", d);
            fake.stub(authorized(get(urlPathEqualTo("/api/v1/statuses/" + POST + "/context")).atPriority(1))
                    .willReturn(json(200, context.toString())));
        }

        @Test
        @DisplayName("reads the replies under a post, oldest first, with their thread positions")
        void comments() throws Exception {
            stubContext(false);

            Page<Interaction> page = moderation().comments(PostRef.of(Platform.MASTODON, POST), Optional.empty());

            assertThat(page.items()).extracting(Interaction::id).containsExactly("113546798012340001",
                    "113546798012340002", "113546798012340003", "113546798012340004");
            Interaction first = page.items().get(0);
            assertThat(first.kind()).isEqualTo(Interaction.Kind.COMMENT);
            assertThat(first.text()).isEqualTo("Super café !");
            assertThat(first.author().handle()).isEqualTo("alice@social.example");
            assertThat(first.author().followers()).hasValue(42);
            assertThat(first.thread().rootId()).contains(POST);
            assertThat(first.thread().parentId()).contains(POST);
            assertThat(first.thread().depth()).isEqualTo(1);
            assertThat(first.thread().replyToBrand()).isTrue();
            Interaction brandReply = page.items().get(2);
            assertThat(brandReply.kind()).isEqualTo(Interaction.Kind.REPLY);
            assertThat(brandReply.thread().depth()).isEqualTo(2);
            assertThat(brandReply.thread().parentId()).contains("113546798012340001");
            assertThat(brandReply.thread().replyToBrand()).isFalse();
            Interaction deep = page.items().get(3);
            assertThat(deep.thread().depth()).isEqualTo(3);
            assertThat(deep.thread().replyToBrand()).isTrue();
            assertThat(page.items().get(1).text()).isEqualTo("Trop cher & trop loin");
            assertThat(page.next()).isPresent();
        }

        @Test
        @DisplayName("resumes from a stored cursor with only the replies that came since, then an empty page")
        void resumed() throws Exception {
            stubContext(false);
            PostRef post = PostRef.of(Platform.MASTODON, POST);
            String stored = moderation().comments(post, Optional.empty()).next().orElseThrow().value();

            stubContext(true);
            Page<Interaction> later = moderation().comments(post, Optional.of(Cursor.of(stored)));

            assertThat(later.items()).extracting(Interaction::text).containsExactly("Et le déca ?");
            Page<Interaction> caughtUp = moderation().comments(post, later.next());
            assertThat(caughtUp.items()).isEmpty();
            assertThat(caughtUp.next()).isEqualTo(later.next());
        }

        @Test
        @DisplayName("cannot hide a reply, and says plainly what to do instead")
        void cannotHide() throws Exception {
            stubContext(false);
            Interaction comment = moderation().comments(PostRef.of(Platform.MASTODON, POST), Optional.empty()).items().get(0);

            assertThat(moderation().supportedOperations()).containsExactlyInAnyOrder(ModerationOperation.DELETE,
                    ModerationOperation.REPLY, ModerationOperation.REPORT, ModerationOperation.BLOCK_AUTHOR);
            assertThat(moderation().supports(ModerationOperation.HIDE)).isFalse();
            assertThatThrownBy(() -> moderation().hide(comment))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessage("Mastodon cannot hide a reply: Mastodon has no way to hide a reply under a post."
                            + " Report it to the instance's moderators (REPORT), block its author (BLOCK_AUTHOR),"
                            + " or delete it if the brand wrote it (DELETE)");
            assertThatThrownBy(() -> moderation().unhide(comment)).isInstanceOf(UnsupportedCapabilityException.class);
        }

        @Test
        @DisplayName("deletes the brand's own reply, and refuses to delete someone else's")
        void delete() throws Exception {
            stubContext(false);
            List<Interaction> comments = moderation().comments(PostRef.of(Platform.MASTODON, POST), Optional.empty()).items();

            moderation().delete(comments.get(2));
            assertThatThrownBy(() -> moderation().delete(comments.get(0)))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("only its own replies").hasMessageContaining("report");

            WIREMOCK.server().verify(1, deleteRequestedFor(urlPathMatching("/api/v1/statuses/.*")));
            WIREMOCK.server().verify(deleteRequestedFor(urlPathEqualTo("/api/v1/statuses/113546798012340003")));
        }

        @Test
        @DisplayName("reports a reply with the reason, blocks its author, and answers it addressed to them")
        void reportBlockReply() throws Exception {
            stubContext(false);
            fake.stub(authorized(post(urlPathEqualTo("/api/v1/reports"))).willReturn(json(200, Examples.text("mastodon/report.json"))));
            fake.stub(authorized(post(urlPathEqualTo("/api/v1/accounts/" + FAN_B + "/block"))).willReturn(json(200,
                    "{\"id\":\"" + FAN_B + "\",\"following\":false,\"showing_reblogs\":false,\"notifying\":false,"
                            + "\"followed_by\":false,\"blocking\":true,\"blocked_by\":false,\"muting\":false,"
                            + "\"muting_notifications\":false,\"requested\":false,\"requested_by\":false,"
                            + "\"domain_blocking\":false,\"endorsed\":false,\"note\":\"\"}")));
            Interaction rude = moderation().comments(PostRef.of(Platform.MASTODON, POST), Optional.empty()).items().get(1);

            moderation().report(rude, "Insulte envers l'équipe");
            moderation().blockAuthor(rude.author());
            PublishedPost answer = moderation().reply(rude, "Nous livrons partout en France.", "answer-1");

            JsonNode report = body(WIREMOCK.server().findAll(postRequestedFor(urlPathEqualTo("/api/v1/reports"))).get(0));
            assertThat(report.path("account_id").asText()).isEqualTo(FAN_B);
            assertThat(report.path("status_ids").toString()).isEqualTo("[\"113546798012340002\"]");
            assertThat(report.path("comment").asText()).isEqualTo("Insulte envers l'équipe");
            WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/accounts/" + FAN_B + "/block")));
            assertThat(answer.ref().id()).isEqualTo("102");
            JsonNode sent = body(statusPosts().get(0));
            assertThat(sent.path("in_reply_to_id").asText()).isEqualTo("113546798012340002");
            assertThat(sent.path("status").asText()).isEqualTo("@bob@other.example Nous livrons partout en France.");
        }
    }

    @Nested
    @DisplayName("mentions")
    class Mentions {

        private MentionFeed feed() {
            return connector().require(MentionFeed.class);
        }

        @Test
        @DisplayName("come from notifications of type mention, oldest first, paged by the Link header from a stored"
                + " cursor, with an empty page at the end")
        void paged() throws Exception {
            fake.seedMentions(5);

            Page<Interaction> first = feed().mentions(Optional.empty());
            assertThat(first.items()).extracting(Interaction::text)
                    .containsExactly("@cafelumiere mention 1 of the brand", "@cafelumiere mention 2 of the brand");
            assertThat(first.items().get(0).kind()).isEqualTo(Interaction.Kind.MENTION);
            assertThat(first.items().get(0).author().handle()).isEqualTo("fan1@social.example");
            String stored = first.next().orElseThrow().value();
            assertThat(stored).isEqualTo("min_id=" + MastodonFake.notificationId(2));

            Page<Interaction> second = feed().mentions(Optional.of(Cursor.of(stored)));
            Page<Interaction> third = feed().mentions(second.next());
            Page<Interaction> end = feed().mentions(third.next());

            assertThat(second.items()).extracting(Interaction::text).containsExactly(
                    "@cafelumiere mention 3 of the brand", "@cafelumiere mention 4 of the brand");
            assertThat(third.items()).extracting(Interaction::text).containsExactly("@cafelumiere mention 5 of the brand");
            assertThat(end.items()).isEmpty();
            assertThat(end.next()).isEqualTo(third.next());
            assertThat(WIREMOCK.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/notifications"))))
                    .allSatisfy(r -> assertThat(r.queryParameter("types[]").firstValue()).isEqualTo("mention"));

            fake.seedMentions(1);
            assertThat(feed().mentions(end.next()).items()).extracting(Interaction::text)
                    .containsExactly("@cafelumiere mention 6 of the brand");
        }

        @Test
        @DisplayName("a mention that replies to the brand's post says so in its thread position")
        void replyMention() throws Exception {
            ObjectNode reply = statusNode("113546900000000042", "<p>@cafelumiere oui&nbsp;!</p>", "113546798012345678",
                    BRAND_ID, fan("2042", "zoe@social.example"));
            fake.stub(authorized(get(urlPathEqualTo("/api/v1/notifications")).atPriority(1))
                    .withQueryParam("min_id", equalTo("0"))
                    .willReturn(json(200, "[" + MastodonFake.notification("35000042", reply) + "]")));

            Page<Interaction> page = feed().mentions(Optional.empty());

            Interaction mention = page.items().get(0);
            assertThat(mention.id()).isEqualTo("113546900000000042");
            assertThat(mention.text()).isEqualTo("@cafelumiere oui\u00a0!");
            assertThat(mention.thread().parentId()).contains("113546798012345678");
            assertThat(mention.thread().replyToBrand()).isTrue();
            assertThat(mention.language()).contains(java.util.Locale.FRENCH);
            assertThat(page.next()).as("no Link header: the cursor after the newest one")
                    .contains(Cursor.of("min_id=35000042"));
        }

        @Test
        @DisplayName("a token refused in the middle of pagination stops the read where it was; nothing is lost")
        void tokenExpiresMidway() throws Exception {
            fake.seedMentions(5);
            Pager<Interaction> pager = Pager.from(Optional.empty(), feed()::mentions);
            List<Interaction> read = new java.util.ArrayList<>(pager.next().orElseThrow().items());
            Optional<Cursor> before = pager.resumeFrom();
            fake.faults().unauthorized(1);

            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, pager::next);

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("The access token is invalid").doesNotContain(MastodonFake.TOKEN);
            assertThat(pager.resumeFrom()).isEqualTo(before);
            fake.faults().clear();
            read.addAll(pager.collect(100));
            assertThat(read).extracting(Interaction::id).doesNotHaveDuplicates().hasSize(5);
        }
    }

    @Nested
    @DisplayName("HTML to text")
    class HtmlToText {

        @Test
        @DisplayName("strips tags, keeps link text and line breaks from <br> and <p>, unescapes entities")
        void converts() {
            assertThat(Html.toText("<p>Bonjour <a href=\"https://mastodon.example/@bob\" class=\"u-url mention\">"
                    + "@<span>bob</span></a>&nbsp;!<br>Ligne 2<br/>L&#39;été &amp; l&#x2019;hiver</p>"
                    + "<p>Voir <a href=\"https://cafe.example/menu\"><span class=\"invisible\">https://</span>"
                    + "<span class=\"\">cafe.example/menu</span></a> &lt;3 &#128512;</p>"))
                    .isEqualTo("Bonjour @bob\u00a0!\nLigne 2\nL'été & l’hiver\n\nVoir https://cafe.example/menu <3 😀");
            assertThat(Html.toText(null)).isEmpty();
            assertThat(Html.toText("sans balise &unknown; & rien")).isEqualTo("sans balise &unknown; & rien");
        }
    }

    @Nested
    @DisplayName("metrics")
    class MetricsGroup {

        @Test
        @DisplayName("per status: favourites, boosts and replies; no impressions nor reach (absent, never zero)")
        void perStatus() throws Exception {
            fake.stub(authorized(get(urlPathEqualTo("/api/v1/statuses/113546798012345678")))
                    .willReturn(json(200, Examples.text("mastodon/status.json"))));
            Metrics metrics = connector().require(Metrics.class);

            MetricSnapshot s = metrics.snapshot(PostRef.of(Platform.MASTODON, "113546798012345678"));

            assertThat(s.values()).containsOnlyKeys(Metric.LIKES, Metric.SHARES, Metric.COMMENTS);
            assertThat(s.value(Metric.LIKES)).contains(17L);
            assertThat(s.value(Metric.SHARES)).contains(5L);
            assertThat(s.value(Metric.COMMENTS)).contains(2L);
            assertThat(s.value(Metric.IMPRESSIONS)).isEmpty();
            assertThat(s.value(Metric.REACH)).isEmpty();
            assertThat(metrics.postMetrics()).doesNotContain(Metric.IMPRESSIONS, Metric.REACH);
            assertThat(s.postId()).contains("113546798012345678");
            assertThat(s.takenAt()).isEqualTo(START);
        }

        @Test
        @DisplayName("followers of the account from verify_credentials")
        void followers() throws Exception {
            MetricSnapshot s = connector().require(Metrics.class).accountSnapshot();

            assertThat(s.values()).containsExactly(java.util.Map.entry(Metric.FOLLOWERS, 1520L));
            assertThat(s.postId()).isEmpty();
        }
    }

    @Nested
    @DisplayName("profiles")
    class ProfilesGroup {

        @Test
        @DisplayName("reads the display name, the note as text, the website from the profile fields, the avatar")
        void read() throws Exception {
            Profile p = connector().require(Profiles.class).profile();

            assertThat(p.displayName()).isEqualTo("Café Lumière");
            assertThat(p.bio()).isEqualTo("Torréfacteur à Lyon");
            assertThat(p.website()).contains(URI.create("https://cafe-lumiere.example"));
            assertThat(p.avatar()).as("Mastodon's default avatar is no avatar").isEmpty();
        }

        @Test
        @DisplayName("updates name, note, website field and avatar in one multipart update_credentials")
        void update(@TempDir Path dir) throws Exception {
            Path avatar = Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            ObjectNode after = MastodonFake.read(Examples.text("mastodon/credential-account.json"));
            after.put("display_name", "Café Lumière Lyon");
            after.put("avatar", "https://files.mastodon.example/accounts/avatars/logo.png");
            fake.stub(authorized(patch(urlPathEqualTo("/api/v1/accounts/update_credentials")))
                    .willReturn(json(200, after.toString())));

            Profile p = connector().require(Profiles.class).update(ProfileUpdate.none()
                    .withDisplayName("Café Lumière Lyon").withBio("Torréfacteur à Lyon depuis 1998")
                    .withWebsite(URI.create("https://cafe-lumiere.example/fr"))
                    .withAvatar(new MediaAsset(MediaAsset.Kind.IMAGE, avatar.toUri(), "image/png", 4, Optional.empty())));

            assertThat(p.displayName()).isEqualTo("Café Lumière Lyon");
            assertThat(p.avatar()).contains(URI.create("https://files.mastodon.example/accounts/avatars/logo.png"));
            LoggedRequest sent = WIREMOCK.server().findAll(patchRequestedFor(urlPathEqualTo("/api/v1/accounts/update_credentials"))).get(0);
            assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data");
            String body = new String(sent.getBody(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("name=\"display_name\"", "Café Lumière Lyon", "name=\"note\"",
                    "name=\"fields_attributes[0][name]\"", "Site", "name=\"fields_attributes[0][value]\"",
                    "https://cafe-lumiere.example/fr", "name=\"avatar\"; filename=\"logo.png\"");
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {

        @Test
        @DisplayName("come from the instance: a 600-character instance counting each URL as its characters_reserved_per_url")
        void fromInstance() {
            MastodonFake other = new MastodonFake(WIREMOCK.server(), HttpConfig.custom().maxAttempts(3).build(), false);
            try {
                other.instanceLimits(600, 30, 6);
                PlatformLimits limits = other.connector().limits();

                assertThat(limits.maxTextLength()).isEqualTo(600);
                assertThat(limits.maxMedia()).isEqualTo(6);
                assertThat(limits.maxImageBytes()).isEqualTo(16777216L);
                assertThat(limits.lengthOf("Voir https://cafe-lumiere.fr/une/tres/longue/adresse/du/menu"))
                        .isEqualTo(5 + 30);
                assertThat(limits.check(PostVariant.text(Platform.MASTODON, "é".repeat(600)))).isEmpty();
                assertThat(limits.check(PostVariant.text(Platform.MASTODON, "é".repeat(601)))).hasSize(1);
                other.connector().limits();
                WIREMOCK.server().verify(1, getRequestedFor(urlPathEqualTo("/api/v2/instance")));
            } finally {
                other.close();
                fake = new MastodonFake(WIREMOCK.server()); // the server was reset: the next checks start clean
            }
        }

        @Test
        @DisplayName("fall back to Mastodon's defaults while the instance cannot say, and are read once it can")
        void fallback() {
            MastodonFake other = new MastodonFake(WIREMOCK.server(), HttpConfig.custom().maxAttempts(1).build(), false);
            try {
                other.instanceLimits(600, 23, 4);
                other.next(1, () -> json(503, "{\"error\":\"Service Unavailable\"}"), "the instance is down");

                PlatformLimits defaults = PlatformLimits.defaultsFor(Platform.MASTODON);
                assertThat(other.connector().limits()).satisfies(l -> {
                    assertThat(l.maxTextLength()).isEqualTo(defaults.maxTextLength());
                    assertThat(l.counting().description()).isEqualTo(defaults.counting().description());
                });
                assertThat(other.connector().limits().maxTextLength()).isEqualTo(600);
            } finally {
                other.close();
                fake = new MastodonFake(WIREMOCK.server());
            }
        }
    }

    @Nested
    @DisplayName("faults")
    class Faults {

        @Test
        @DisplayName("low X-RateLimit-Remaining slows the calls down before any 429")
        void pacing() throws Exception {
            Instant reset = START.plusSeconds(60);
            fake.stub(authorized(get(urlPathEqualTo("/api/v1/statuses/77"))).willReturn(json(200,
                    Examples.text("mastodon/status.json")).withHeader("X-RateLimit-Limit", "300")
                    .withHeader("X-RateLimit-Remaining", "3").withHeader("X-RateLimit-Reset", reset.toString())));
            Metrics metrics = connector().require(Metrics.class);

            for (int i = 0; i < 3; i++) {
                metrics.snapshot(PostRef.of(Platform.MASTODON, "77"));
            }

            assertThat(fake.sleeps()).as("paced waits").isNotEmpty();
            assertThat(fake.simulatedClock().instant()).isAfter(START.plusSeconds(10)).isBeforeOrEqualTo(reset);
            assertThat(WIREMOCK.server().getAllServeEvents()).noneSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(429));
        }

        @Test
        @DisplayName("a 429 is waited out until its X-RateLimit-Reset")
        void rateLimited() throws Exception {
            Instant reset = START.plusSeconds(45);
            fake.faults().rateLimitOnce(reset);

            assertThat(connector().require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS)).contains(1520L);

            assertThat(fake.simulatedClock().instant()).isAfterOrEqualTo(reset);
        }

        @Test
        @DisplayName("a 429 storm ends as RateLimitedException with the reset time once the attempts are spent")
        void storm() {
            Instant reset = START.plusSeconds(30);
            for (int i = 0; i < 3; i++) {
                fake.faults().rateLimitOnce(reset.plusSeconds(30L * i));
            }

            io.cmkit.core.spi.RateLimitedException e = catchThrowableOfType(io.cmkit.core.spi.RateLimitedException.class,
                    () -> connector().require(Metrics.class).accountSnapshot());

            assertThat(e).isNotNull();
            assertThat(e.resetAt()).isAfter(START);
            assertThat(e.isRetryable()).isTrue();
            WIREMOCK.server().verify(3, getRequestedFor(urlPathEqualTo("/api/v1/accounts/verify_credentials")));
        }

        @Test
        @DisplayName("a timed-out publish is retried with the same Idempotency-Key, so it cannot post twice")
        void timeout() throws Exception {
            MastodonFake slow = new MastodonFake(WIREMOCK.server(), HttpConfig.custom().maxAttempts(3)
                    .requestTimeout(Duration.ofMillis(400)).build(), true);
            try {
                slow.stub(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1))
                        .inScenario("slow once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                        .willReturn(json(200, MastodonFake.status("101", "<p>Bonjour</p>", null, null, brand()))
                                .withFixedDelay(1500)));

                PublishedPost post = slow.connector().require(Publishing.class)
                        .publish(PublishRequest.now(text("Bonjour"), "k-timeout"));

                assertThat(post.ref().id()).isEqualTo("101");
                assertThat(statusPosts()).hasSize(2)
                        .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("k-timeout"));
            } finally {
                slow.close();
                fake = new MastodonFake(WIREMOCK.server());
            }
        }

        @Test
        @DisplayName("401 is an AuthenticationException carrying Mastodon's own words")
        void unauthorized() {
            fake.faults().unauthorized(1);

            AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                    () -> connector().require(Profiles.class).profile());

            assertThat(e).isNotNull();
            assertThat(e.platformMessage()).contains("The access token is invalid");
            assertThat(e.getMessage()).contains("Mastodon").contains("The access token is invalid");
        }

        @Test
        @DisplayName("a truncated body is retried on a read, then a TransientException naming the JSON problem")
        void truncated() {
            fake.faults().malformedJson(3);

            TransientException e = catchThrowableOfType(TransientException.class,
                    () -> connector().require(Metrics.class).accountSnapshot());

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("JSON").contains("GET /api/v1/accounts/verify_credentials");
            WIREMOCK.server().verify(3, getRequestedFor(urlPathEqualTo("/api/v1/accounts/verify_credentials")));
        }

        @Test
        @DisplayName("an HTML page instead of JSON is a clear error, and the next call works")
        void malformed() throws Exception {
            fake.next(3, () -> json(200, "<html><body>Maintenance</body></html>").withHeader("Content-Type", "text/html"),
                    "a proxy's maintenance page");

            assertThatThrownBy(() -> connector().require(Metrics.class).accountSnapshot())
                    .isInstanceOf(TransientException.class).hasMessageContaining("JSON");
            assertThat(connector().require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS)).contains(1520L);
        }

        @Test
        @DisplayName("a publish that fails for good is reported with the instance's reason, never dropped")
        void rejected() {
            fake.faults().rejectOnce("Validation failed: Text character limit of 500 exceeded");

            RejectedException e = catchThrowableOfType(RejectedException.class,
                    () -> publishing().publish(PublishRequest.now(text("Bonjour"), "k-422")));

            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo("Validation failed: Text character limit of 500 exceeded");
        }

        @Test
        @DisplayName("the token never appears in a log line, at any level, nor in a message")
        void tokenNeverLogged() throws Exception {
            List<CapturedLine> lines;
            String failure;
            try (LogCapture logs = LogCapture.start()) {
                publishing().publish(PublishRequest.now(text("Bonjour"), "k-log"));
                connector().require(Profiles.class).profile();
                fake.seedMentions(3);
                Pager.from(Optional.empty(), connector().require(MentionFeed.class)::mentions).collect(10);
                fake.faults().unauthorized(1);
                failure = catchThrowableOfType(AuthenticationException.class,
                        () -> connector().require(Metrics.class).accountSnapshot()).getMessage();
                lines = logs.lines();
            }
            assertThat(lines).isNotEmpty();
            assertThat(lines).noneSatisfy(l -> assertThat(l.text()).contains(MastodonFake.TOKEN));
            assertThat(failure).doesNotContain(MastodonFake.TOKEN);
            assertThat(connector().toString()).doesNotContain(MastodonFake.TOKEN);
        }
    }
}
