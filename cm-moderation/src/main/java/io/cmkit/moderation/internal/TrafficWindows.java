package io.cmkit.moderation.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Recent interactions per author and per normalised text, for flooding and duplicate conditions.
 * Keeps only what the longest window needs; thread-safe.
 *
 * <p>Authors and texts each go to one of several {@link ArrivalLog}s chosen by the key's hash, each
 * guarded by its own monitor: recording is two short uncontended locks, a probe of a primitive
 * table each and no allocation, where a map of per-key windows of {@link Instant}s allocated a
 * window per new text. An arrival is forgotten once an arrival more than the longest window
 * later is recorded in the same log (so with a clock that never goes back, a count over any window
 * up to the longest sees exactly the arrivals inside it).
 */
final class TrafficWindows {

    private static final int STRIPES = 8;

    private final long keepNanos;
    private final ArrivalLog[] byAuthor = new ArrivalLog[STRIPES];
    private final ArrivalLog[] byText = new ArrivalLog[STRIPES];

    TrafficWindows(Duration keep) {
        this.keepNanos = TimeNanos.of(keep);
        for (int i = 0; i < STRIPES; i++) {
            byAuthor[i] = new ArrivalLog(keepNanos);
            byText[i] = new ArrivalLog(keepNanos);
        }
    }

    /**
     * Records one interaction; a blank {@code text} is not recorded as a text. {@code textHash} is
     * {@link #hash hash(text)}, computed once by the caller, who asks {@link #authorsOf} with it too.
     */
    void record(String author, String text, long textHash, Instant at) {
        long t = TimeNanos.of(at);
        long authorHash = hash(author);
        ArrivalLog a = byAuthor[stripe(authorHash)];
        synchronized (a) {
            a.record(author, authorHash, null, t);
        }
        if (!text.isBlank()) {
            ArrivalLog x = byText[stripe(textHash)];
            synchronized (x) {
                x.record(text, textHash, author, t);
            }
        }
    }

    /** Interactions by {@code author} within {@code window} before {@code now}, inclusive. */
    int byAuthor(String author, Duration window, Instant now) {
        long to = TimeNanos.of(now);
        long from = TimeNanos.minus(to, TimeNanos.of(window));
        long authorHash = hash(author);
        ArrivalLog a = byAuthor[stripe(authorHash)];
        synchronized (a) {
            return a.count(author, authorHash, from, to);
        }
    }

    /** Distinct authors of {@code text} (of hash {@code textHash}) within {@code window}. */
    int authorsOf(String text, long textHash, Duration window, Instant now) {
        long to = TimeNanos.of(now);
        long from = TimeNanos.minus(to, TimeNanos.of(window));
        ArrivalLog x = byText[stripe(textHash)];
        synchronized (x) {
            return x.distinctCompanions(text, textHash, from, to);
        }
    }

    private static int stripe(long hash) {
        return (int) hash & (STRIPES - 1);
    }

    /**
     * A 64-bit hash of {@code s}: four interleaved polynomial lanes, so the multiplications of a
     * 150-character comment do not wait on each other as {@link String#hashCode()}'s do, then mixed
     * (MurmurHash3's finaliser). Equal keys are still compared with {@code equals}.
     */
    static long hash(String s) {
        final long m = 0x9E3779B97F4A7C15L;
        int n = s.length();
        long h0 = 0;
        long h1 = 0;
        long h2 = 0;
        long h3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h0 = h0 * m + s.charAt(i);
            h1 = h1 * m + s.charAt(i + 1);
            h2 = h2 * m + s.charAt(i + 2);
            h3 = h3 * m + s.charAt(i + 3);
        }
        for (; i < n; i++) {
            h0 = h0 * m + s.charAt(i);
        }
        long h = h0 ^ Long.rotateLeft(h1, 16) ^ Long.rotateLeft(h2, 32) ^ Long.rotateLeft(h3, 48) ^ n;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
