package io.cmkit.moderation.internal;

import io.cmkit.moderation.StrikeCounter;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Strikes in a concurrent map. */
public final class InMemoryStrikeCounter implements StrikeCounter {

    private final ConcurrentHashMap<String, AtomicInteger> strikes = new ConcurrentHashMap<>();

    @Override
    public int strikes(String authorKey) {
        AtomicInteger n = strikes.get(authorKey);
        return n == null ? 0 : n.get();
    }

    @Override
    public void strike(String authorKey) {
        strikes.computeIfAbsent(authorKey, k -> new AtomicInteger()).incrementAndGet();
    }
}
