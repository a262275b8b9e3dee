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

    /** Records one interaction; a blank {@code text} is not recorded as a text. */
    void record(String author, String text, Instant at) {
        long t = TimeNanos.of(at);
        ArrivalLog a = stripe(byAuthor, author);
        synchronized (a) {
            a.record(author, null, t);
        }
        if (!text.isBlank()) {
            ArrivalLog x = stripe(byText, text);
            synchronized (x) {
                x.record(text, author, t);
            }
        }
    }

    /** Interactions by {@code author} within {@code window} before {@code now}, inclusive. */
    int byAuthor(String author, Duration window, Instant now) {
        long to = TimeNanos.of(now);
        long from = TimeNanos.minus(to, TimeNanos.of(window));
        ArrivalLog a = stripe(byAuthor, author);
        synchronized (a) {
            return a.count(author, from, to);
        }
    }

    /** Distinct authors of {@code text} within {@code window}. */
    int authorsOf(String text, Duration window, Instant now) {
        long to = TimeNanos.of(now);
        long from = TimeNanos.minus(to, TimeNanos.of(window));
        ArrivalLog x = stripe(byText, text);
        synchronized (x) {
            return x.distinctCompanions(text, from, to);
        }
    }

    private static ArrivalLog stripe(ArrivalLog[] logs, String key) {
        int h = key.hashCode();
        return logs[(h ^ (h >>> 7) ^ (h >>> 19)) & (STRIPES - 1)];
    }
}
