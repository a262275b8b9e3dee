package io.cmkit.connectors.http.echo;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.MultipartBody;
import io.cmkit.connectors.testkit.CapturedLine;
import io.cmkit.connectors.testkit.LogCapture;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.Pager;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.cmkit.connectors.testkit.LoopbackWireMock;

/**
 * The HTTP foundation against real HTTP on WireMock (127.0.0.1, a dynamic port), through the echo
 * connector: the faults and rules the connector kit does not spell out. Waits go through a sleeper
 * that advances a simulated clock; only the timeout test spends real time (under a second).
 */
@DisplayName("the HTTP foundation")
class FoundationWireMockTest {

    @RegisterExtension
    static final LoopbackWireMock WIREMOCK = new LoopbackWireMock();

    private static EchoPlatform echo() {
        return new EchoPlatform(WIREMOCK.server());
    }

    private static EchoPlatform echo(HttpConfig.Builder config) {
        return new EchoPlatform(WIREMOCK.server(), config.build());
    }

    private static HttpConfig.Builder config() {
        return HttpConfig.custom().maxAttempts(3).jitter(0).backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5));
    }

    private static Page<Interaction> firstMentions(EchoPlatform echo) throws Exception {
        return echo.connector().require(MentionFeed.class).mentions(Optional.empty());
    }

    @Nested
    @DisplayName("retries")
    class Retries {

        @Test
        @DisplayName("a GET that times out is retried, then surfaces as TransientException naming the timeout")
        void timeout() {
            EchoPlatform echo = echo(config().maxAttempts(2).requestTimeout(Duration.ofMillis(250)));
            echo.next(5, () -> okJson("[]").withFixedDelay(1_500));

            TransientException e = catchThrowableOfType(TransientException.class, () -> firstMentions(echo));

            assertThat(e.getMessage()).contains("no answer within PT0.25S", "GET /api/v1/mentions",
                    "gave up after 2 attempts");
        }

        @Test
        @DisplayName("an empty response and a malformed chunk are retried like a reset connection")
        void emptyAndMalformedChunk() throws Exception {
            EchoPlatform echo = echo(config());
            echo.seedMentions(1);
            echo.next(1, () -> aResponse().withFault(Fault.EMPTY_RESPONSE));
            echo.next(1, () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

            assertThat(firstMentions(echo).items()).hasSize(1);
            // the JDK client may itself resend a GET once after an empty response; cmkit retried at least once
            assertThat(echo.sleeps()).isNotEmpty();
        }

        @Test
        @DisplayName("a POST without an idempotency key is not retried after a 5xx: it may have been applied")
        void postWithoutKeyNotRetried() {
            EchoPlatform echo = echo(config());
            echo.next(1, () -> EchoPlatform.json(500, "{\"error\":\"Internal server error\"}"));

            TransientException e = catchThrowableOfType(TransientException.class, () -> echo.echo().api().send(
                    ApiRequest.post("/api/v1/statuses").jsonBody(Map.of("status", "hello"))));

            assertThat(e.getMessage()).contains("HTTP 500 on POST /api/v1/statuses", "not retried",
                    "without an idempotency key");
            assertThat(e.platformMessage()).contains("Internal server error");
            WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
        }

        @Test
        @DisplayName("a POST with an idempotency key is retried after a reset connection")
        void postWithKeyRetried() throws Exception {
            EchoPlatform echo = echo(config());
            echo.next(1, () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            echo.echo().api().send(ApiRequest.post("/api/v1/statuses").jsonBody(Map.of("status", "hello"))
                    .idempotencyKey("Idempotency-Key", "k-1"));

            WIREMOCK.server().verify(2, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
        }

        @Test
        @DisplayName("a multipart upload reaches the platform as form data, its parts intact")
        void multipart() throws Exception {
            EchoPlatform echo = echo(config());
            WIREMOCK.server().stubFor(EchoPlatform.authorized(post(urlPathEqualTo("/api/v2/media")))
                    .withMultipartRequestBody(aMultipart("file")
                            .withHeader("Content-Type", equalTo("image/png"))
                            .withBody(binaryEqualTo(new byte[] {1, 2, 3})))
                    .withMultipartRequestBody(aMultipart("description")
                            .withBody(equalTo("un café")))
                    .willReturn(okJson("{\"id\":\"m1\"}")));
            MultipartBody body = MultipartBody.builder()
                    .file("file", "pixel.png", "image/png", new byte[] {1, 2, 3}).field("description", "un café").build();

            assertThat(echo.echo().api().send(ApiRequest.post("/api/v2/media").body(body.contentType(), body.bytes()))
                    .bodyText()).isEqualTo("{\"id\":\"m1\"}");
        }

        @Test
        @DisplayName("a POST without an idempotency key is retried after a 429: the platform did not act")
        void postWithoutKeyRetriedAfter429() throws Exception {
            EchoPlatform echo = echo(config());
            Instant before = echo.clock().instant();
            echo.next(1, () -> EchoPlatform.json(429, "{\"error\":\"Too many requests\"}").withHeader("Retry-After", "7"));

            echo.echo().api().send(ApiRequest.post("/api/v1/statuses").jsonBody(Map.of("status", "hello")));

            assertThat(Duration.between(before, echo.clock().instant())).isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        @DisplayName("Retry-After as an HTTP date is honoured on a 503")
        void retryAfterDate() throws Exception {
            EchoPlatform echo = echo(config());
            Instant until = echo.clock().instant().plusSeconds(40);
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC));
            echo.next(1, () -> EchoPlatform.json(503, "{\"error\":\"Down for maintenance\"}").withHeader("Retry-After", date));

            firstMentions(echo);

            assertThat(echo.clock().instant()).isEqualTo(until);
        }
    }

    @Nested
    @DisplayName("rate limits")
    class RateLimits {

        @Test
        @DisplayName("a 429 storm ends in RateLimitedException with the reset time once the attempts are spent")
        void storm() {
            EchoPlatform echo = echo(config());
            echo.next(10, () -> EchoPlatform.json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Slow down\"}")
                    .withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", "10"));

            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> firstMentions(echo));

            assertThat(e.resetAt()).isEqualTo(echo.clock().instant().plusSeconds(10));
            assertThat(e.platformMessage()).contains("Slow down");
            assertThat(echo.apiRequests()).isEqualTo(3);
        }

        @Test
        @DisplayName("a 429 resetting beyond the longest wait fails at once, without another request")
        void beyondLongestWait() {
            EchoPlatform echo = echo(config().maxRateLimitWait(Duration.ofMinutes(1)));
            long epoch = echo.clock().instant().plusSeconds(3_600).getEpochSecond();
            echo.next(1, () -> EchoPlatform.json(429, "{}").withHeader("RateLimit-Remaining", "0")
                    .withHeader("RateLimit-Reset", String.valueOf(epoch)));

            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> firstMentions(echo));

            assertThat(e.resetAt()).isEqualTo(Instant.ofEpochSecond(epoch));
            assertThat(echo.apiRequests()).isEqualTo(1);
            assertThat(echo.sleeps()).isEmpty();
        }

        @Test
        @DisplayName("when the platform says nothing is left, the next request waits for the reset instead of earning a 429")
        void waitsBeforeA429() throws Exception {
            EchoPlatform echo = echo(config());
            WIREMOCK.server().stubFor(EchoPlatform.authorized(get(urlPathEqualTo("/api/v1/mentions")).atPriority(3))
                    .willReturn(okJson("[]").withHeader("RateLimit-Limit", "300").withHeader("RateLimit-Remaining", "0")
                            .withHeader("RateLimit-Reset", "30")));
            Instant start = echo.clock().instant();

            firstMentions(echo);
            firstMentions(echo);

            assertThat(echo.sleeps()).containsExactly(Duration.ofSeconds(30));
            assertThat(echo.clock().instant()).isEqualTo(start.plusSeconds(30));
            assertThat(echo.apiRequests()).isEqualTo(2);
            assertThat(echo.echo().api().rateLimit()).hasValueSatisfying(s -> assertThat(s.remaining()).isZero());
        }

        @Test
        @DisplayName("below the reserve, the remaining requests are spread evenly until the reset")
        void spreads() throws Exception {
            EchoPlatform echo = echo(config().rateLimitReserve(5));
            WIREMOCK.server().stubFor(EchoPlatform.authorized(get(urlPathEqualTo("/api/v1/mentions")).atPriority(3))
                    .willReturn(okJson("[]").withHeader("RateLimit-Remaining", "2").withHeader("RateLimit-Reset", "30")));

            firstMentions(echo);
            firstMentions(echo);

            assertThat(echo.sleeps()).containsExactly(Duration.ofSeconds(10));
        }

        @Test
        @DisplayName("a spent window resetting beyond the longest wait fails at once, without sending the request")
        void spentWindowFailsFast() throws Exception {
            EchoPlatform echo = echo(config().maxRateLimitWait(Duration.ofMinutes(1)));
            WIREMOCK.server().stubFor(EchoPlatform.authorized(get(urlPathEqualTo("/api/v1/mentions")).atPriority(3))
                    .willReturn(okJson("[]").withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", "900")));
            firstMentions(echo);

            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> firstMentions(echo));

            assertThat(e.resetAt()).isEqualTo(EchoPlatform.START.plusSeconds(900));
            assertThat(echo.apiRequests()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {

        @Test
        @DisplayName("a Mastodon validation error is a RejectedException with the platform's sentence and the status as code")
        void mastodonValidation() {
            EchoPlatform echo = echo(config());
            echo.next(1, () -> EchoPlatform.json(422, "{\"error\":\"Validation failed: Text can't be blank\"}"));

            RejectedException e = catchThrowableOfType(RejectedException.class, () -> firstMentions(echo));

            assertThat(e.reason()).isEqualTo("Validation failed: Text can't be blank");
            assertThat(e.code()).contains("422");
        }

        @Test
        @DisplayName("an XRPC error is a RejectedException with its error name as code and its message as reason")
        void xrpcError() {
            EchoPlatform echo = echo(config());
            echo.next(1, () -> EchoPlatform.json(400, "{\"error\":\"InvalidRequest\","
                    + "\"message\":\"Record/text must not be longer than 300 graphemes\"}"));

            RejectedException e = catchThrowableOfType(RejectedException.class, () -> firstMentions(echo));

            assertThat(e.reason()).isEqualTo("Record/text must not be longer than 300 graphemes");
            assertThat(e.code()).contains("InvalidRequest");
        }

        @Test
        @DisplayName("a 404 with an HTML page names the call; deleting a post already gone is not an error")
        void notFound() throws Exception {
            EchoPlatform echo = echo(config());
            echo.next(2, () -> aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Not here</body></html>"));

            RejectedException e = catchThrowableOfType(RejectedException.class, () -> firstMentions(echo));
            assertThat(e.reason()).isEqualTo("HTTP 404 on GET /api/v1/mentions");
            assertThat(e.code()).contains("404");

            echo.connector().require(Publishing.class).delete(PostRef.of(EchoConnector.ECHO, "gone"));
        }

        @Test
        @DisplayName("401 and 403 are AuthenticationExceptions with the platform's words (OAuth error_description)")
        void authentication() {
            EchoPlatform echo = echo(config());
            echo.next(1, () -> EchoPlatform.json(401, "{\"error\":\"invalid_token\","
                    + "\"error_description\":\"The access token was revoked\"}"));
            echo.next(1, () -> EchoPlatform.json(403, "{\"error\":\"This action is outside the authorized scopes\"}"));

            AuthenticationException refused = catchThrowableOfType(AuthenticationException.class, () -> firstMentions(echo));
            AuthenticationException scope = catchThrowableOfType(AuthenticationException.class, () -> firstMentions(echo));

            assertThat(refused.platformMessage()).contains("The access token was revoked");
            assertThat(scope.platformMessage()).contains("This action is outside the authorized scopes");
            assertThat(scope.getMessage()).contains("lack a permission");
        }

        @Test
        @DisplayName("a truncated body is a TransientException naming the call and where the JSON broke")
        void truncated() {
            EchoPlatform echo = echo(config());
            echo.next(5, () -> okJson("[{\"id\":\"1\",\"text\":\"hel"));

            TransientException e = catchThrowableOfType(TransientException.class, () -> firstMentions(echo));

            assertThat(e.getMessage()).contains("could not read the answer of GET /api/v1/mentions as JSON",
                    "line 1, column", "gave up after 3 attempts");
            assertThat(e.getCause()).isNull();
        }
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        @Test
        @DisplayName("a token that expires in the middle of pagination is refreshed once and the read goes on")
        void expiresMidPagination() throws Exception {
            EchoPlatform echo = echo(config());
            List<String> seeded = echo.seedMentions(5);
            MentionFeed feed = echo.connector().require(MentionFeed.class);
            Pager<Interaction> pager = Pager.from(Optional.empty(), feed::mentions);

            List<Interaction> first = pager.next().orElseThrow().items();
            echo.expireFirstAccessToken();
            List<Interaction> rest = pager.collect(100);

            assertThat(first).hasSize(2);
            assertThat(rest).extracting(Interaction::text).containsExactlyElementsOf(seeded.subList(2, 5));
            WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/auth/session")));
            WIREMOCK.server().verify(1, postRequestedFor(urlPathEqualTo("/auth/refresh")));
        }

        @Test
        @DisplayName("a credential still refused after its renewal is an AuthenticationException, replayed only once")
        void replayedOnce() {
            EchoPlatform echo = echo(config());
            echo.next(5, () -> EchoPlatform.json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));

            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> firstMentions(echo));

            assertThat(e.platformMessage()).contains("Token has expired");
            assertThat(echo.apiRequests()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("circuit breaker")
    class CircuitBreaker {

        @Test
        @DisplayName("opens after repeated failures, refuses calls without sending them, and closes again after its wait")
        void opensAndCloses() throws Exception {
            EchoPlatform echo = echo(config().maxAttempts(1).circuitBreaker(100, 4, 4, Duration.ofSeconds(30)));
            echo.next(4, () -> EchoPlatform.json(502, "{\"error\":\"Bad gateway\"}"));
            for (int i = 0; i < 4; i++) {
                catchThrowableOfType(TransientException.class, () -> firstMentions(echo));
            }

            TransientException open = catchThrowableOfType(TransientException.class, () -> firstMentions(echo));
            assertThat(open.getMessage()).contains("circuit", "open");
            assertThat(echo.apiRequests()).isEqualTo(4);

            echo.simulatedClock().advance(Duration.ofSeconds(31));
            firstMentions(echo);
            assertThat(echo.apiRequests()).isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("paging and logging")
    class PagingAndLogging {

        @Test
        @DisplayName("an empty page keeps the cursor it was asked from; an empty feed is a last page")
        void emptyPage() throws Exception {
            EchoPlatform echo = echo(config());
            MentionFeed feed = echo.connector().require(MentionFeed.class);
            assertThat(feed.mentions(Optional.empty())).isEqualTo(Page.last(List.of()));

            echo.seedMentions(2);
            Page<Interaction> resumed = feed.mentions(Optional.of(Cursor.of("min_id=2")));
            assertThat(resumed.items()).isEmpty();
            assertThat(resumed.next()).contains(Cursor.of("min_id=2"));
        }

        @Test
        @DisplayName("a Link cursor keeps only its paging parameter, readable in a database column")
        void linkCursor() throws Exception {
            EchoPlatform echo = echo(config());
            echo.seedMentions(3);

            assertThat(firstMentions(echo).next()).contains(Cursor.of("min_id=2"));
        }

        @Test
        @DisplayName("requests and answers are logged with method, URL, status, duration and attempt, secrets masked")
        void logging() throws Exception {
            EchoPlatform echo = echo(config());
            List<CapturedLine> lines;
            try (LogCapture logs = LogCapture.start()) {
                echo.echo().api().send(ApiRequest.get("/api/v1/mentions").query("access_token", "plain-secret-123"));
                lines = logs.lines();
            }
            assertThat(lines).extracting(CapturedLine::text)
                    .anySatisfy(t -> assertThat(t).matches("-> GET http://127\\.0\\.0\\.1:\\d+/api/v1/mentions"
                            + "\\?access_token=\\*\\*\\* \\(attempt 1\\)"))
                    .anySatisfy(t -> assertThat(t).matches("<- 200 GET http://127\\.0\\.0\\.1:\\d+/api/v1/mentions"
                            + "\\?access_token=\\*\\*\\* in \\d+ ms \\(attempt 1\\)"))
                    .noneSatisfy(t -> assertThat(t).contains("plain-secret-123"))
                    .noneSatisfy(t -> assertThat(t).contains(EchoPlatform.PASSWORD))
                    .noneSatisfy(t -> assertThat(t).contains(EchoPlatform.ACCESS_1));
        }
    }
}
