package io.cmkit.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.ErrorParser;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.connectors.http.Sleeper;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bounded harness: {@code requests} sequential GETs against a {@link RateLimitedServer} that
 * allows {@code limit} per window, sent by three clients in turn, each on a fresh window:
 *
 * <ul>
 *   <li>{@code cmkit}: the foundation's {@link ApiClient} with production defaults, the real
 *       clock and the real {@link Sleeper}, reading Mastodon's {@code X-RateLimit-*} headers;</li>
 *   <li>{@code plain} (anchor): a JDK {@code HttpClient} loop that ignores the headers and sends
 *       each request once (a 429 is a lost request);</li>
 *   <li>{@code naive} (anchor): the same loop, but after each 429 it sleeps the {@code Retry-After}
 *       seconds and sends the request again, until it succeeds.</li>
 * </ul>
 *
 * <p>It prints, per client, the requests answered 200 exactly once, the 429s the server sent, the
 * total time and the ideal ({@code requests / limit} windows of the window's length).
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am -Dbench.main=io.cmkit.bench.http.RateLimitRun \
 *     -Dbench.args="--requests 10000 --limit 300 --window-ms 1000"
 * </pre>
 */
public final class RateLimitRun {

    /** The outcome of one client's run. */
    public record Result(String client, int requests, long succeededOnce, long sent, long received429,
                         long failed, Duration elapsed, Duration ideal) {

        /** Elapsed over ideal. */
        public double ratio() {
            return (double) elapsed.toNanos() / ideal.toNanos();
        }
    }

    private RateLimitRun() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 10_000;
        int limit = 300;
        long windowMillis = 1_000;
        List<String> clients = List.of("cmkit", "plain", "naive");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--window-ms" -> windowMillis = Long.parseLong(args[++i]);
                case "--clients" -> clients = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--requests N --limit N --window-ms N --clients cmkit,plain,naive)");
            }
        }
        System.out.printf(Locale.ROOT, "%,d requests, %d per window of %d ms, JDK %s%n", requests, limit,
                windowMillis, Runtime.version());
        List<Result> results = new ArrayList<>();
        try (RateLimitedServer server = new RateLimitedServer(limit, windowMillis)) {
            warmUp(server);
            for (String client : clients) {
                Result r = run(client, server, requests);
                System.out.println(r);
                results.add(r);
            }
        }
        System.out.println();
        System.out.println("| client | answered 200 once | requests sent | 429s received | failed | total time | ideal | time / ideal |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d of %,d | %,d | %,d | %,d | %.2f s | %.2f s | %.3f |%n",
                    r.client(), r.succeededOnce(), r.requests(), r.sent(), r.received429(), r.failed(),
                    r.elapsed().toNanos() / 1e9, r.ideal().toNanos() / 1e9, r.ratio());
        }
    }

    /** A few hundred untimed requests with each client, so class loading and JIT do not count against the first. */
    private static void warmUp(RateLimitedServer server) throws Exception {
        int n = Math.min(server.limit() / 2, 100);
        for (String client : List.of("cmkit", "plain")) {
            run(client, server, n);
        }
        Thread.sleep(server.windowMillis());
    }

    /** One client's run on a fresh window. */
    public static Result run(String client, RateLimitedServer server, int requests) throws Exception {
        server.reset(requests);
        Duration ideal = Duration.ofNanos(Math.round((double) requests / server.limit()
                * server.windowMillis() * 1_000_000));
        long start = System.nanoTime();
        long failed = switch (client) {
            case "cmkit" -> cmkit(server.baseUri(), requests);
            case "plain" -> plain(server.baseUri(), requests, false);
            case "naive" -> plain(server.baseUri(), requests, true);
            default -> throw new IllegalArgumentException("unknown client " + client + " (cmkit, plain, naive)");
        };
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long once = requests - server.servedOtherThanOnce();
        return new Result(client, requests, once, server.received(), server.rejected(), failed, elapsed, ideal);
    }

    private static long cmkit(URI base, int requests) {
        long failed = 0;
        try (HttpFoundation foundation = HttpFoundation.builder()
                .config(HttpConfig.ofDefaults())
                .clock(Clock.systemUTC())
                .sleeper(Sleeper.system())
                .httpClient(HttpOverhead.jdkClient())
                .build();
             ApiClient api = foundation.client(new Account(Platform.MASTODON, "brand"), base)
                     .rateLimitHeaders(RateLimitHeaders.mastodon())
                     .errorParser(ErrorParser.standard())
                     .authenticator(Authenticator.none())
                     .build()) {
            for (int n = 0; n < requests; n++) {
                try {
                    Item item = api.send(ApiRequest.get("/items").query("n", n), Item.class);
                    if (item.n() != n || !item.ok()) {
                        failed++;
                    }
                } catch (ConnectorException e) {
                    failed++;
                }
            }
        }
        return failed;
    }

    private static long plain(URI base, int requests, boolean waitOnRetryAfter) throws IOException, InterruptedException {
        HttpClient http = HttpOverhead.jdkClient();
        ObjectMapper mapper = HttpOverhead.mapper();
        long failed = 0;
        for (int n = 0; n < requests; n++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/items?n=" + n))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .GET().build();
            while (true) {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    Item item = mapper.readValue(response.body(), Item.class);
                    if (item.n() != n || !item.ok()) {
                        failed++;
                    }
                    break;
                }
                if (response.statusCode() == 429 && waitOnRetryAfter) {
                    long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    Thread.sleep(seconds * 1000);
                    continue;
                }
                failed++;
                break;
            }
        }
        return failed;
    }
}
