/**
 * Benchmarks of cm-connectors' HTTP foundation: its overhead per request against a plain JDK
 * {@code HttpClient} on the same local WireMock stub ({@link io.cmkit.bench.http.HttpOverheadBenchmark}),
 * and 10,000 requests against a stub enforcing 300 requests per window through its headers,
 * beside a client that ignores the headers and one that only waits after each 429
 * ({@link io.cmkit.bench.http.RateLimitRun}).
 */
package io.cmkit.bench.http;
