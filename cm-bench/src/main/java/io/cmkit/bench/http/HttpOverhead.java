package io.cmkit.bench.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.ErrorParser;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.http.Sleeper;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.ConnectorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The two clients of the overhead benchmark, on the same stub and the same JDK client settings
 * (HTTP/1.1, 10 s connect timeout, redirects followed): cmkit's {@link ApiClient} as in production
 * (retry, the account's rate limiter fed by Mastodon's headers, circuit breaker, bearer
 * authentication through a {@link Secret}, redacting logging at INFO, the real clock and sleeper),
 * and a plain {@link HttpClient} sending the same headers and body and parsing the answer into the
 * same record with an {@link ObjectMapper} configured like the foundation's.
 */
public final class HttpOverhead implements AutoCloseable {

    /** The JDK client settings both sides use; the foundation's default differs only by preferring HTTP/2. */
    static HttpClient jdkClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The same settings as the foundation's internal mapper. */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private final OverheadStub stub;
    private final HttpFoundation foundation;
    private final ApiClient api;
    private final ApiRequest cmkitGet;
    private final HttpClient plain;
    private final ObjectMapper mapper = mapper();
    private final HttpRequest plainGet;
    private final URI postUri;
    private final String userAgent;

    public HttpOverhead() {
        stub = new OverheadStub();
        HttpConfig config = HttpConfig.ofDefaults();
        userAgent = config.userAgent();
        foundation = HttpFoundation.builder()
                .config(config)
                .clock(Clock.systemUTC())
                .sleeper(Sleeper.system())
                .httpClient(jdkClient())
                .build();
        api = foundation.client(new Account(Platform.MASTODON, "brand"), stub.baseUri())
                .rateLimitHeaders(RateLimitHeaders.mastodon())
                .errorParser(ErrorParser.standard())
                .authenticator(Authenticator.bearer(Secret.of(OverheadStub.TOKEN)))
                .build();
        cmkitGet = ApiRequest.get(OverheadStub.GET_PATH);
        plain = jdkClient();
        plainGet = plainRequest(stub.baseUri().resolve(OverheadStub.GET_PATH)).GET().build();
        postUri = stub.baseUri().resolve(OverheadStub.POST_PATH);
    }

    private HttpRequest.Builder plainRequest(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + OverheadStub.TOKEN);
    }

    /** GET through cmkit. */
    public Status cmkitGet() throws ConnectorException {
        return api.send(cmkitGet, Status.class);
    }

    /** POST through cmkit (the request is built per call, as a connector does). */
    public Status cmkitPost() throws ConnectorException {
        return api.send(ApiRequest.post(OverheadStub.POST_PATH)
                .jsonBody(OverheadStub.NEW_STATUS)
                .idempotencyKey("Idempotency-Key", OverheadStub.IDEMPOTENCY_KEY), Status.class);
    }

    /** GET with the plain JDK client. */
    public Status plainGet() throws IOException, InterruptedException {
        return read(plain.send(plainGet, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** POST with the plain JDK client: the body is written per call, as cmkit does. */
    public Status plainPost() throws IOException, InterruptedException {
        HttpRequest request = plainRequest(postUri)
                .header("Idempotency-Key", OverheadStub.IDEMPOTENCY_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(OverheadStub.NEW_STATUS)))
                .build();
        return read(plain.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private Status read(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from the stub");
        }
        return mapper.readValue(response.body(), Status.class);
    }

    /** Fails unless both clients parse the same status from the GET and from the POST. */
    public void requireIdenticalResults() {
        try {
            require("GET", cmkitGet(), plainGet());
            require("POST", cmkitPost(), plainPost());
        } catch (ConnectorException e) {
            throw new IllegalStateException("cmkit failed on the stub: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(String what, Status cmkit, Status plain) {
        if (!Objects.equals(cmkit, plain) || cmkit.id() == null || cmkit.content() == null) {
            throw new IllegalStateException(what + ": cmkit read " + cmkit + " but the plain client read " + plain);
        }
    }

    @Override
    public void close() {
        api.close();
        foundation.close();
        stub.close();
    }
}
