package io.cmkit.connectors.http.echo;

import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.ApiResponse;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.Paging;
import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RejectedException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The echo platform's connector: what a platform package looks like on the foundation. It holds
 * endpoints, JSON records and their mapping; the foundation does the rest.
 */
final class EchoConnector implements Connector {

    static final Platform ECHO = Platform.of("echo");

    /** The echo platform's JSON, private to the connector. */
    record SessionJson(String accessJwt, String refreshJwt) {
    }

    record StatusJson(String id, String created_at, String url) {
    }

    record MentionJson(String id, String text, String author, String created_at) {
    }

    private final Account account;
    private final ApiClient api;

    EchoConnector(Account account, ApiClient.Builder client, String identifier, Secret password, Clock clock) {
        this.account = account;
        Authenticator.TokenSource sessions = new Authenticator.TokenSource() {
            @Override
            public Authenticator.Token obtain(ApiClient c) throws ConnectorException {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("identifier", identifier);
                body.put("password", password.reveal());
                return token(c.send(ApiRequest.post("/auth/session").withoutAuthentication().idempotent().jsonBody(body),
                        SessionJson.class));
            }

            @Override
            public Authenticator.Token refresh(ApiClient c, Authenticator.Token expired) throws ConnectorException {
                Secret refresh = expired.refresh().orElseThrow();
                return token(c.send(ApiRequest.post("/auth/refresh").idempotent()
                        .authorization(Secret.of("Bearer " + refresh.reveal())), SessionJson.class));
            }
        };
        this.api = client
                .rateLimitHeaders(RateLimitHeaders.ietfDraft())
                .authenticator(Authenticator.refreshing(sessions,
                        error -> error.code().filter("ExpiredToken"::equals).isPresent(), clock))
                .build();
    }

    private static Authenticator.Token token(SessionJson session) {
        return new Authenticator.Token(Secret.of(session.accessJwt()), Optional.of(Secret.of(session.refreshJwt())),
                Optional.empty());
    }

    ApiClient api() {
        return api;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public PlatformLimits limits() {
        return PlatformLimits.defaultsFor(ECHO);
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(new Publishing() {
            @Override
            public PublishedPost publish(PublishRequest request) throws ConnectorException {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("status", request.variant().text());
                request.replyTo().ifPresent(parent -> body.put("in_reply_to_id", parent.id()));
                StatusJson status = api.send(ApiRequest.post("/api/v1/statuses").jsonBody(body)
                        .idempotencyKey("Idempotency-Key", request.idempotencyKey()), StatusJson.class);
                return new PublishedPost(new PostRef(ECHO, status.id(), Optional.empty(),
                        Optional.ofNullable(status.url()).map(URI::create)), Instant.parse(status.created_at()),
                        request.idempotencyKey());
            }

            @Override
            public void delete(PostRef post) throws ConnectorException {
                try {
                    api.send(ApiRequest.delete("/api/v1/statuses/" + post.id()));
                } catch (RejectedException e) {
                    if (!e.code().filter("404"::equals).isPresent()) {
                        throw e;
                    }
                }
            }

            @Override
            public Idempotency idempotency() {
                return Idempotency.NATIVE;
            }

            @Override
            public Optional<PublishedPost> findPublished(String idempotencyKey) {
                return Optional.empty();
            }

            @Override
            public boolean supportsNativeScheduling() {
                return false;
            }
        });
    }

    @Override
    public Optional<MentionFeed> mentionFeed() {
        return Optional.of(this::mentions);
    }

    private Page<Interaction> mentions(Optional<Cursor> from) throws ConnectorException {
        ApiRequest request = Paging.resume(ApiRequest.get("/api/v1/mentions").query("limit", 2), from);
        return api.send(request, (ApiResponse r) -> {
            List<Interaction> items = r.jsonList(MentionJson.class).stream().map(this::interaction).toList();
            return Paging.feedPage(items, Paging.linkCursor(r, "prev"), from);
        });
    }

    private Interaction interaction(MentionJson m) {
        return new Interaction(m.id(), account, Interaction.Kind.MENTION, Author.of(m.author(), m.author()), m.text(),
                Instant.parse(m.created_at()), ThreadPosition.standalone(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "EchoConnector[" + account + ", " + api + "]";
    }
}
