package io.cmkit.connectors.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.cmkit.core.spi.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small, bounded, short-lived cache (Caffeine) for what connectors look up again and again:
 * tokens, profiles, instance limits, handle resolutions. Time follows the given clock, so a
 * simulated clock expires entries in tests. Thread-safe; a value is loaded once per key at a time.
 *
 * <pre>{@code
 * LookupCache<String, Profile> profiles = LookupCache.expiringAfter(Duration.ofMinutes(10), 1_000, clock);
 * Profile p = profiles.get(handle, h -> api.send(ApiRequest.get("/profiles/" + h), ProfileJson.class).toProfile());
 * }</pre>
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class LookupCache<K, V> {

    /** Loads a missing value; may call the platform. */
    @FunctionalInterface
    public interface Loader<K, V> {
        V load(K key) throws ConnectorException;
    }

    private final Cache<K, V> cache;

    private LookupCache(Cache<K, V> cache) {
        this.cache = cache;
    }

    /** Entries live {@code ttl} after they are loaded; at most {@code maximumSize} are kept. */
    public static <K, V> LookupCache<K, V> expiringAfter(Duration ttl, long maximumSize, Clock clock) {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive (got " + ttl + ")");
        }
        return new LookupCache<>(Caffeine.newBuilder().ticker(ticker(clock)).maximumSize(maximumSize)
                .expireAfterWrite(ttl).build());
    }

    /** Each entry lives until its own expiry ({@code expiresAt} of the value), at most {@code maximumSize}. */
    public static <K, V> LookupCache<K, V> expiringAt(Function<V, Instant> expiresAt, long maximumSize, Clock clock) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(clock, "clock");
        Expiry<K, V> expiry = new Expiry<>() {
            @Override
            public long expireAfterCreate(K key, V value, long currentTime) {
                return nanosUntil(expiresAt.apply(value));
            }

            @Override
            public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                return nanosUntil(expiresAt.apply(value));
            }

            @Override
            public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                return currentDuration;
            }

            private long nanosUntil(Instant instant) {
                Duration left = Duration.between(clock.instant(), instant);
                if (left.isNegative()) {
                    return 0;
                }
                return left.compareTo(Duration.ofDays(365 * 100)) > 0 ? Long.MAX_VALUE : left.toNanos();
            }
        };
        return new LookupCache<>(Caffeine.newBuilder().ticker(ticker(clock)).maximumSize(maximumSize)
                .expireAfter(expiry).build());
    }

    private static com.github.benmanes.caffeine.cache.Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** The cached value, or the loader's (cached) when there is none or it expired. */
    public V get(K key, Loader<? super K, ? extends V> loader) throws ConnectorException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        try {
            return cache.get(key, k -> {
                try {
                    return loader.load(k);
                } catch (ConnectorException e) {
                    throw new LoadFailure(e);
                }
            });
        } catch (LoadFailure f) {
            throw f.failure;
        }
    }

    /** The cached value, if present and fresh. */
    public Optional<V> getIfPresent(K key) {
        return Optional.ofNullable(cache.getIfPresent(Objects.requireNonNull(key, "key")));
    }

    public void put(K key, V value) {
        cache.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public void invalidate(K key) {
        cache.invalidate(Objects.requireNonNull(key, "key"));
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public String toString() {
        return "LookupCache[" + cache.estimatedSize() + " entries]";
    }

    private static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConnectorException failure;

        LoadFailure(ConnectorException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
