package io.cmkit.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A platform that enforces {@code limit} requests per fixed window of {@code windowMillis}, on
 * 127.0.0.1 with the JDK's own HTTP server. The first window opens with the first request of a
 * run. Every answer states the window in Mastodon's headers ({@code X-RateLimit-Limit},
 * {@code -Remaining}, {@code -Reset} as an ISO date-time to the millisecond); a request beyond
 * the limit gets a 429 with {@code Retry-After} in whole seconds (rounded up), as HTTP says.
 *
 * <p>{@code GET /items?n=17} answers {@code {"n":17,"ok":true}}; the server counts, for each n,
 * how many times it answered 200, and how many 429s it sent.
 */
public final class RateLimitedServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: every answer then takes about 40 ms. Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final int limit;
    private final long windowMillis;
    private final HttpServer server;
    private final ExecutorService executor;

    private long windowStart = -1;
    private long windowIndex;
    private int usedInWindow;
    private long received;
    private long rejected;
    private int[] served = new int[0];

    public RateLimitedServer(int limit, long windowMillis) {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/items", this::handle);
        server.start();
    }

    /** Opens a new run for request numbers 0 to {@code requests - 1}: counts cleared, next window opens on the next request. */
    public synchronized void reset(int requests) {
        windowStart = -1;
        windowIndex = 0;
        usedInWindow = 0;
        received = 0;
        rejected = 0;
        served = new int[requests];
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int limit() {
        return limit;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** Requests received in this run. */
    public synchronized long received() {
        return received;
    }

    /** 429s sent in this run. */
    public synchronized long rejected() {
        return rejected;
    }

    /** How many times request n was answered 200. */
    public synchronized int served(int n) {
        return served[n];
    }

    /** Request numbers answered 200 other than exactly once. */
    public synchronized long servedOtherThanOnce() {
        long count = 0;
        for (int s : served) {
            if (s != 1) {
                count++;
            }
        }
        return count;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            int n = number(exchange.getRequestURI().getRawQuery());
            long now = System.currentTimeMillis();
            int status;
            long remaining;
            long resetAt;
            synchronized (this) {
                received++;
                if (windowStart < 0) {
                    windowStart = now;
                }
                long index = (now - windowStart) / windowMillis;
                if (index != windowIndex) {
                    windowIndex = index;
                    usedInWindow = 0;
                }
                resetAt = windowStart + (index + 1) * windowMillis;
                if (usedInWindow < limit) {
                    usedInWindow++;
                    status = 200;
                    if (n >= 0 && n < served.length) {
                        served[n]++;
                    }
                } else {
                    status = 429;
                    rejected++;
                }
                remaining = limit - usedInWindow;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json");
            headers.set("X-RateLimit-Limit", Integer.toString(limit));
            headers.set("X-RateLimit-Remaining", Long.toString(remaining));
            headers.set("X-RateLimit-Reset", Instant.ofEpochMilli(resetAt).toString());
            byte[] body;
            if (status == 429) {
                long seconds = Math.max(1, (resetAt - now + 999) / 1000);
                headers.set("Retry-After", Long.toString(seconds));
                body = "{\"error\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                body = ("{\"n\":" + n + ",\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int number(String query) {
        if (query != null && query.startsWith("n=")) {
            try {
                return Integer.parseInt(query.substring(2));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
