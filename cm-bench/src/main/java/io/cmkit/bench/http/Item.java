package io.cmkit.bench.http;

/** The answer of the rate-limited stub. */
public record Item(int n, boolean ok) {
}
