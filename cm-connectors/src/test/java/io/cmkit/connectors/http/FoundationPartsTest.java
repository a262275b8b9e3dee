package io.cmkit.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.connectors.http.internal.AccountRateLimiter;
import io.cmkit.connectors.http.internal.LinkHeader;
import io.cmkit.connectors.http.internal.Redactor;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.RateLimitedException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the HTTP foundation's parts")
class FoundationPartsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");

    private static HttpHeaders headers(String... nameValues) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Nested
    @DisplayName("rate-limit headers")
    class RateLimitHeadersTest {

        @Test
        @DisplayName("Mastodon's X-RateLimit-Reset is an ISO-8601 date-time")
        void mastodon() {
            Optional<RateLimitStatus> status = RateLimitHeaders.mastodon().read(headers("X-RateLimit-Limit", "300",
                    "X-RateLimit-Remaining", "12", "X-RateLimit-Reset", "2025-03-03T08:05:00.000Z"), NOW);

            assertThat(status).contains(new RateLimitStatus(OptionalLong.of(300), 12,
                    Instant.parse("2025-03-03T08:05:00Z")));
        }

        @Test
        @DisplayName("the IETF draft's RateLimit-Reset is seconds from now, or epoch seconds when that large")
        void ietf() {
            assertThat(RateLimitHeaders.ietfDraft().read(headers("RateLimit-Limit", "3000", "RateLimit-Remaining", "0",
                    "RateLimit-Reset", "42"), NOW)).map(RateLimitStatus::resetAt).contains(NOW.plusSeconds(42));
            assertThat(RateLimitHeaders.ietfDraft().read(headers("RateLimit-Remaining", "7",
                    "RateLimit-Reset", String.valueOf(NOW.plusSeconds(300).getEpochSecond())), NOW))
                    .map(RateLimitStatus::resetAt).contains(NOW.plusSeconds(300));
        }

        @Test
        @DisplayName("headers missing or unreadable say nothing, and never fail the call")
        void unreadable() {
            assertThat(RateLimitHeaders.mastodon().read(headers("X-RateLimit-Remaining", "12",
                    "X-RateLimit-Reset", "soon"), NOW)).isEmpty();
            assertThat(RateLimitHeaders.ietfDraft().read(headers("RateLimit-Remaining", "many"), NOW)).isEmpty();
            assertThat(RateLimitHeaders.none().read(headers("RateLimit-Remaining", "0", "RateLimit-Reset", "9"), NOW))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("redaction")
    class Redaction {

        @Test
        @DisplayName("a secret's value is masked wherever it appears, and its toString hides it")
        void secrets() {
            Secret secret = Secret.of("s3cr3t-app-password");
            assertThat(secret).hasToString("Secret[redacted]");
            assertThat(Redactor.redact("login failed for s3cr3t-app-password")).isEqualTo("login failed for ***");
            Secret header = Secret.of("Bearer opaque-token-value-1");
            assertThat(Redactor.redact("token opaque-token-value-1 refused")).isEqualTo("token *** refused");
            assertThat(header.toString()).doesNotContain("opaque");
        }

        @Test
        @DisplayName("schemes, JWT-looking strings, secret query parameters and JSON fields are masked")
        void patterns() {
            assertThat(Redactor.redact("Authorization: Bearer abcdef123456")).doesNotContain("abcdef123456");
            assertThat(Redactor.redact("got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln back")).isEqualTo("got *** back");
            assertThat(Redactor.redactUrl("https://x.test/oauth?code=abc&client_secret=def&limit=2"))
                    .isEqualTo("https://x.test/oauth?code=***&client_secret=***&limit=2");
            assertThat(Redactor.redactUrl("https://user:pw@x.test/a")).isEqualTo("https://***@x.test/a");
            assertThat(Redactor.redact("{\"identifier\":\"me\",\"password\":\"pw-123\",\"refreshJwt\":\"r\"}"))
                    .isEqualTo("{\"identifier\":\"me\",\"password\":\"***\",\"refreshJwt\":\"***\"}");
        }

        @Test
        @DisplayName("platform sentences are left readable")
        void sentences() {
            assertThat(Redactor.redact("Token has expired")).isEqualTo("Token has expired");
            assertThat(Redactor.redact("Validation failed: Text can't be blank"))
                    .isEqualTo("Validation failed: Text can't be blank");
        }

        @Test
        @DisplayName("a request names its endpoint without secrets and refuses a hand-set Authorization header")
        void requests() {
            ApiRequest request = ApiRequest.get("/api/v1/search?access_token=abcdef&q=cafe");
            assertThat(request.endpoint()).isEqualTo("GET /api/v1/search?access_token=***&q=cafe");
            assertThatThrownBy(() -> ApiRequest.get("/x").header("authorization", "Bearer abc"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ApiRequest.post("/login").jsonBody(Map.of("password", "pw-123456")).toString())
                    .doesNotContain("pw-123456");
        }
    }

    @Nested
    @DisplayName("retry safety")
    class RetrySafety {

        @Test
        @DisplayName("idempotent methods, keyed POSTs and POSTs declared idempotent are safe to retry; a bare POST is not")
        void rules() {
            assertThat(ApiRequest.get("/a").retrySafe()).isTrue();
            assertThat(ApiRequest.delete("/a").retrySafe()).isTrue();
            assertThat(ApiRequest.put("/a").retrySafe()).isTrue();
            assertThat(ApiRequest.post("/a").retrySafe()).isFalse();
            assertThat(ApiRequest.patch("/a").retrySafe()).isFalse();
            assertThat(ApiRequest.post("/a").idempotencyKey("Idempotency-Key", "k").retrySafe()).isTrue();
            assertThat(ApiRequest.post("/a").idempotent().retrySafe()).isTrue();
        }
    }

    @Nested
    @DisplayName("links and cursors")
    class Links {

        @Test
        @DisplayName("a Mastodon Link header is read by relation")
        void linkHeader() {
            Map<String, URI> links = LinkHeader.parse(List.of("<https://m.test/api/v1/notifications?max_id=104>; "
                    + "rel=\"next\", <https://m.test/api/v1/notifications?min_id=109>; rel=\"prev\""));
            assertThat(links).containsEntry("next", URI.create("https://m.test/api/v1/notifications?max_id=104"))
                    .containsEntry("prev", URI.create("https://m.test/api/v1/notifications?min_id=109"));
            assertThat(LinkHeader.parse(List.of("garbage", "<>"))).isEmpty();
        }

        @Test
        @DisplayName("a cursor is applied to a request, replacing its paging parameter")
        void resume() {
            ApiRequest request = ApiRequest.get("/api/v1/notifications").query("limit", 40).query("min_id", 1);
            ApiRequest resumed = Paging.resume(request, Optional.of(Cursor.of("min_id=109")));
            assertThat(resumed.queryParameters()).containsExactly(Map.entry("limit", "40"), Map.entry("min_id", "109"));
            assertThat(Paging.resume(request, Optional.empty())).isSameAs(request);
            assertThat(Paging.resumeToken(ApiRequest.get("/xrpc/app.bsky.notification.listNotifications"), "cursor",
                    Optional.of(Cursor.of("3kx7b2"))).queryParameters()).containsExactly(Map.entry("cursor", "3kx7b2"));
            assertThat(Paging.tokenPage(List.of("a"), Optional.of("")).next()).isEmpty();
        }
    }

    @Nested
    @DisplayName("error bodies")
    class ErrorBodies {

        private ApiError parse(int status, String body) {
            return ErrorParser.standard().parse(status, Optional.of("application/json"),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        @DisplayName("the common shapes give the platform's code and words")
        void shapes() {
            assertThat(parse(401, "{\"error\":\"invalid_grant\",\"error_description\":\"The grant is invalid\"}"))
                    .isEqualTo(new ApiError(401, Optional.of("invalid_grant"), Optional.of("The grant is invalid")));
            assertThat(parse(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"))
                    .isEqualTo(new ApiError(400, Optional.of("ExpiredToken"), Optional.of("Token has expired")));
            assertThat(parse(422, "{\"error\":\"Validation failed: Text can't be blank\"}"))
                    .isEqualTo(new ApiError(422, Optional.empty(), Optional.of("Validation failed: Text can't be blank")));
            assertThat(parse(404, "{\"error\":\"RecordNotFound\"}").code()).contains("RecordNotFound");
            assertThat(parse(400, "{\"errors\":[{\"message\":\"bad field\"}]}").message()).contains("bad field");
            assertThat(ErrorParser.standard().parse(502, Optional.of("text/plain"),
                    "upstream timed out".getBytes(StandardCharsets.UTF_8)).message()).contains("upstream timed out");
        }

        @Test
        @DisplayName("an HTML page, an empty or broken body give the status alone")
        void nothingToRead() {
            assertThat(ErrorParser.standard().parse(503, Optional.of("text/html"),
                    "<html>oops</html>".getBytes(StandardCharsets.UTF_8))).isEqualTo(
                    new ApiError(503, Optional.empty(), Optional.empty()));
            assertThat(parse(500, "").describe()).isEqualTo("HTTP 500");
            assertThat(parse(500, "{\"error\":").message()).isPresent();
        }

        @Test
        @DisplayName("a token echoed in an error is masked")
        void redacted() {
            assertThat(parse(401, "{\"error\":\"bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\"}").message())
                    .contains("bad token ***");
        }
    }

    @Nested
    @DisplayName("the account rate limiter")
    class Limiter {

        private final SimulatedClock clock = SimulatedClock.at(NOW);
        private final List<Duration> sleeps = new ArrayList<>();
        private final AccountRateLimiter limiter = new AccountRateLimiter(Platform.MASTODON, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, HttpConfig.custom().rateLimitReserve(2).maxRateLimitWait(Duration.ofMinutes(5)).build());

        @Test
        @DisplayName("goes at full speed above the reserve, spreads below it, and waits for the reset at zero")
        void paces() throws ConnectorException {
            limiter.update(new RateLimitStatus(OptionalLong.of(300), 4, NOW.plusSeconds(60)));
            limiter.acquire();
            limiter.acquire();
            assertThat(sleeps).isEmpty();
            limiter.acquire();   // 2 left, at the reserve: the rest are spread over the 60 s left
            limiter.acquire();
            assertThat(sleeps).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
            limiter.acquire();   // none left: wait for the reset
            assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(60));
            assertThat(sleeps).hasSize(3);
        }

        @Test
        @DisplayName("counts requests in flight so concurrent callers do not spend the last one twice")
        void countsDown() throws ConnectorException {
            limiter.update(new RateLimitStatus(OptionalLong.empty(), 3, NOW.plusSeconds(60)));
            limiter.acquire();
            limiter.update(new RateLimitStatus(OptionalLong.empty(), 3, NOW.plusSeconds(60)));   // a late answer
            assertThat(limiter.toString()).contains("remaining=2");
        }

        @Test
        @DisplayName("a spent window resetting beyond the longest wait fails at once with the reset")
        void beyond() {
            limiter.update(new RateLimitStatus(OptionalLong.empty(), 0, NOW.plusSeconds(900)));
            assertThatThrownBy(limiter::acquire).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.resetAt()).isEqualTo(NOW.plusSeconds(900)));
            assertThat(sleeps).isEmpty();
        }
    }

    @Nested
    @DisplayName("the lookup cache")
    class Cache {

        @Test
        @DisplayName("loads once, then serves until the entry expires on the given clock")
        void expires() throws ConnectorException {
            SimulatedClock clock = SimulatedClock.at(NOW);
            LookupCache<String, Integer> cache = LookupCache.expiringAfter(Duration.ofMinutes(10), 100, clock);
            AtomicInteger loads = new AtomicInteger();
            assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
            assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
            clock.advance(Duration.ofMinutes(11));
            assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(2);
        }

        @Test
        @DisplayName("a loader's ConnectorException reaches the caller as it is")
        void failures() {
            LookupCache<String, String> cache = LookupCache.expiringAfter(Duration.ofMinutes(1), 10, SimulatedClock.at(NOW));
            RateLimitedException limited = new RateLimitedException(Platform.BLUESKY, NOW, Optional.empty());
            assertThatThrownBy(() -> cache.get("k", k -> {
                throw limited;
            })).isSameAs(limited);
            assertThat(cache.getIfPresent("k")).isEmpty();
        }

        @Test
        @DisplayName("entries can live until their own expiry")
        void perEntry() {
            SimulatedClock clock = SimulatedClock.at(NOW);
            LookupCache<String, Instant> cache = LookupCache.expiringAt(at -> at, 10, clock);
            cache.put("soon", NOW.plusSeconds(30));
            cache.put("later", NOW.plusSeconds(300));
            clock.advance(Duration.ofSeconds(60));
            assertThat(cache.getIfPresent("soon")).isEmpty();
            assertThat(cache.getIfPresent("later")).isPresent();
        }
    }

    @Nested
    @DisplayName("the configuration")
    class Config {

        @Test
        @DisplayName("is checked when built, and from() copies it")
        void checked() {
            assertThatThrownBy(() -> HttpConfig.custom().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> HttpConfig.custom().requestTimeout(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> HttpConfig.custom().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
            HttpConfig base = HttpConfig.custom().maxAttempts(7).build();
            HttpConfig copy = HttpConfig.from(base).jitter(0).build();
            assertThat(copy.maxAttempts()).isEqualTo(7);
            assertThat(copy.jitter()).isZero();
            assertThat(HttpConfig.ofDefaults().maxAttempts()).isEqualTo(4);
        }

        @Test
        @DisplayName("a client needs an absolute http(s) base URI, and building one makes no call")
        void baseUri() {
            HttpFoundation foundation = HttpFoundation.ofDefaults();
            io.cmkit.core.model.Account account = new io.cmkit.core.model.Account(Platform.MASTODON, "a@m.test");
            assertThatThrownBy(() -> foundation.client(account, URI.create("/relative")))
                    .isInstanceOf(IllegalArgumentException.class);
            ApiClient client = foundation.client(account, URI.create("https://unreachable.invalid")).build();
            assertThat(client.rateLimit()).isEmpty();
            assertThat(client.toString()).contains("unreachable.invalid");
        }
    }
}
