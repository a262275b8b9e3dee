package io.cmkit.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The example bodies stubs start from fit their endpoints, so a stub built on them starts valid. */
@DisplayName("the example bodies")
class ExamplesTest {

    static Stream<Arguments> mastodon() {
        return Stream.of(
                Arguments.of("mastodon/status.json", "POST", "/api/v1/statuses"),
                Arguments.of("mastodon/status.json", "GET", "/api/v1/statuses/113546798012345678"),
                Arguments.of("mastodon/status.json", "DELETE", "/api/v1/statuses/113546798012345678"),
                Arguments.of("mastodon/scheduled-status.json", "POST", "/api/v1/statuses"),
                Arguments.of("mastodon/scheduled-status.json", "GET", "/api/v1/scheduled_statuses/3221"),
                Arguments.of("mastodon/context.json", "GET", "/api/v1/statuses/113546798012345678/context"),
                Arguments.of("mastodon/media.json", "POST", "/api/v2/media"),
                Arguments.of("mastodon/notifications.json", "GET", "/api/v1/notifications"),
                Arguments.of("mastodon/account.json", "GET", "/api/v1/accounts/109348012345678901"),
                Arguments.of("mastodon/credential-account.json", "GET", "/api/v1/accounts/verify_credentials"),
                Arguments.of("mastodon/credential-account.json", "PATCH", "/api/v1/accounts/update_credentials"),
                Arguments.of("mastodon/instance.json", "GET", "/api/v2/instance"),
                Arguments.of("mastodon/report.json", "POST", "/api/v1/reports"));
    }

    @ParameterizedTest(name = "{0} answers {1} {2}")
    @MethodSource
    void mastodon(String example, String method, String path) {
        assertThat(OpenApiContract.mastodon().checkResponse(method, path, 200, "application/json", Examples.text(example))).isEmpty();
    }

    static Stream<Arguments> bluesky() {
        return Stream.of(
                Arguments.of("bluesky/createSession.json", "POST", "/xrpc/com.atproto.server.createSession"),
                Arguments.of("bluesky/getPostThread.json", "GET", "/xrpc/app.bsky.feed.getPostThread"),
                Arguments.of("bluesky/getPosts.json", "GET", "/xrpc/app.bsky.feed.getPosts"),
                Arguments.of("bluesky/listNotifications.json", "GET", "/xrpc/app.bsky.notification.listNotifications"),
                Arguments.of("bluesky/getProfile.json", "GET", "/xrpc/app.bsky.actor.getProfile"),
                Arguments.of("bluesky/getLikes.json", "GET", "/xrpc/app.bsky.feed.getLikes"),
                Arguments.of("bluesky/getRepostedBy.json", "GET", "/xrpc/app.bsky.feed.getRepostedBy"));
    }

    @ParameterizedTest(name = "{0} answers {1} {2}")
    @MethodSource
    void bluesky(String example, String method, String path) {
        assertThat(LexiconContract.bluesky().checkResponse(method, path, 200, "application/json", Examples.text(example))).isEmpty();
    }
}
