/**
 * The HTTP foundation every platform package builds on, over the JDK {@link java.net.http.HttpClient}.
 *
 * <p>Retries (Resilience4j Retry, exponential backoff with jitter, honouring {@code Retry-After}
 * and the platform's reset headers), a rate limiter per account fed by the platform's own
 * headers, a circuit breaker per account, timeouts, paging, error mapping to the SPI's exception
 * types, authentication with refresh, and redacted SLF4J logging live here once, so a platform
 * package only says which endpoints it calls and how it maps their JSON.
 *
 * <pre>{@code
 * HttpFoundation foundation = HttpFoundation.ofDefaults();          // one per host; shares per-account state
 * ApiClient api = foundation.client(account, URI.create("https://mastodon.social"))
 *         .rateLimitHeaders(RateLimitHeaders.mastodon())
 *         .authenticator(Authenticator.bearer(Secret.of(token)))
 *         .build();                                                 // no network call
 * StatusJson status = api.send(ApiRequest.post("/api/v1/statuses")
 *         .jsonBody(Map.of("status", text))
 *         .idempotencyKey("Idempotency-Key", key), StatusJson.class);
 * }</pre>
 *
 * <p>Platform JSON types stay inside the platform packages: this API reads bodies into the
 * caller's own classes and never exposes Jackson.
 */
package io.cmkit.connectors.http;
