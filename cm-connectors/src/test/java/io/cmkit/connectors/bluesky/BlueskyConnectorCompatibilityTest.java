package io.cmkit.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.connectors.testkit.ConnectorCompatibilityKit;
import io.cmkit.connectors.testkit.ConnectorHarness;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.Pager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.cmkit.connectors.testkit.LoopbackWireMock;

/** The Bluesky connector passes the connector kit against WireMock as its PDS and AppView, with real HTTP faults. */
@DisplayName("the Bluesky connector passes the connector kit (WireMock held to the lexicons)")
class BlueskyConnectorCompatibilityTest extends ConnectorCompatibilityKit {

    private static final FakeBluesky FAKE = new FakeBluesky();
    @RegisterExtension
    static final LoopbackWireMock WIREMOCK = new LoopbackWireMock(FAKE);

    @Override
    protected ConnectorHarness createHarness() {
        return new BlueskyWireMockPlatform(WIREMOCK.server(), FAKE);
    }

    private BlueskyWireMockPlatform platform() {
        return (BlueskyWireMockPlatform) harness;
    }

    @Test
    @DisplayName("a token that expires in the middle of pagination is refreshed (refresh JWT as bearer, no body) and the read goes on")
    void tokenExpiresMidPagination() throws Exception {
        List<String> seeded = harness.seedMentions(5);
        MentionFeed feed = connector().require(MentionFeed.class);
        Page<Interaction> first = feed.mentions(Optional.empty());
        assertThat(first.items()).hasSize(2);

        platform().expireFirstAccessToken();
        Pager<Interaction> rest = Pager.from(first.next(), feed::mentions);
        List<Interaction> all = new ArrayList<>(first.items());
        all.addAll(rest.collect(100));

        assertThat(all).extracting(Interaction::text).containsExactlyElementsOf(seeded);
        assertThat(all).allSatisfy(i -> assertThat(i.kind()).isEqualTo(Interaction.Kind.MENTION));
        WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession")));
        assertThat(WIREMOCK.server().findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession"))))
                .allSatisfy(r -> assertThat(r.getBody()).isEmpty());
    }

    @Test
    @DisplayName("a publication whose answer was lost is found by its key and not written twice")
    void lostAnswerFoundByKey() throws Exception {
        var publishing = connector().publishing().orElseThrow();
        var request = io.cmkit.core.spi.PublishRequest.now(variant("cmkit: une seule fois"), "lost-answer-1");
        var first = publishing.publish(request);

        var again = publishing.publish(request);

        assertThat(again.ref()).isEqualTo(first.ref());
        assertThat(publishing.findPublished("lost-answer-1")).map(p -> p.ref().id()).contains(first.ref().id());
        assertThat(platform().fake().recordCount("app.bsky.feed.post")).isEqualTo(1);
    }

    @Test
    @DisplayName("a refused refresh (expired refresh JWT) falls back to a new session with the app password")
    void refusedRefreshStartsNewSession() throws Exception {
        var publishing = connector().publishing().orElseThrow();
        publishing.publish(io.cmkit.core.spi.PublishRequest.now(variant("avant"), "before-expiry"));
        platform().contract().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/xrpc/com.atproto.server.refreshSession")).atPriority(1)
                .willReturn(BlueskyWireMockPlatform.xrpcError(400, "ExpiredToken", "Token has expired")));
        platform().contract().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/xrpc/com.atproto.server.createSession")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"accessJwt\":\""
                        + BlueskyWireMockPlatform.ACCESS_2 + "\",\"refreshJwt\":\"" + BlueskyWireMockPlatform.REFRESH_2
                        + "\",\"handle\":\"cafe-lumiere.bsky.social\",\"did\":\"" + FakeBluesky.BRAND_DID + "\"}")));
        platform().expireFirstAccessToken();

        publishing.publish(io.cmkit.core.spi.PublishRequest.now(variant("après"), "after-expiry"));

        WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession")));
        WIREMOCK.server().verify(2, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
        assertThat(platform().fake().recordCount("app.bsky.feed.post")).isEqualTo(2);
    }

    @Test
    @DisplayName("the session is renewed shortly before the access JWT's exp, without waiting for a refusal")
    void renewsBeforeExpiry() throws Exception {
        var publishing = connector().publishing().orElseThrow();
        publishing.publish(io.cmkit.core.spi.PublishRequest.now(variant("un"), "renew-1"));
        platform().simulatedClock().set(java.time.Instant.ofEpochSecond(1_900_000_000L - 10));

        publishing.publish(io.cmkit.core.spi.PublishRequest.now(variant("deux"), "renew-2"));

        WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession")));
        WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
    }
}
