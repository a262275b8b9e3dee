package io.cmkit.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent interactions per author and per normalised text, for flooding and duplicate conditions.
 * Keeps only what the longest window needs; thread-safe.
 */
final class TrafficWindows {

    private record Seen(Instant at, String author) {
    }

    /** Idle keys are swept once every this many records, so memory stays bounded without a sweep per record. */
    private static final int SWEEP_EVERY = 10_000;

    private final Duration keep;
    private final java.util.concurrent.atomic.AtomicLong records = new java.util.concurrent.atomic.AtomicLong();
    private final ConcurrentHashMap<String, Deque<Seen>> byAuthor = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Deque<Seen>> byText = new ConcurrentHashMap<>();

    TrafficWindows(Duration keep) {
        this.keep = keep;
    }

    /** Records one interaction. */
    void record(String author, String text, Instant at) {
        add(byAuthor, author, new Seen(at, author), at);
        if (!text.isBlank()) {
            add(byText, text, new Seen(at, author), at);
        }
        if (records.incrementAndGet() % SWEEP_EVERY == 0) {
            evict(byAuthor, at.minus(keep));
            evict(byText, at.minus(keep));
        }
    }

    /** Interactions by {@code author} within {@code window} before {@code now}, inclusive. */
    int byAuthor(String author, Duration window, Instant now) {
        Deque<Seen> q = byAuthor.get(author);
        if (q == null) {
            return 0;
        }
        Instant from = now.minus(window);
        synchronized (q) {
            int n = 0;
            for (Seen s : q) {
                if (!s.at.isBefore(from) && !s.at.isAfter(now)) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Distinct authors of {@code text} within {@code window}. */
    int authorsOf(String text, Duration window, Instant now) {
        Deque<Seen> q = byText.get(text);
        if (q == null) {
            return 0;
        }
        Instant from = now.minus(window);
        Set<String> authors = new HashSet<>();
        synchronized (q) {
            for (Seen s : q) {
                if (!s.at.isBefore(from) && !s.at.isAfter(now)) {
                    authors.add(s.author);
                }
            }
        }
        return authors.size();
    }

    private void add(ConcurrentHashMap<String, Deque<Seen>> map, String key, Seen seen, Instant now) {
        Instant oldest = now.minus(keep);
        // compute is atomic per key, so a concurrent sweep never drops a deque being added to
        map.compute(key, (k, q) -> {
            Deque<Seen> deque = q == null ? new ArrayDeque<>() : q;
            synchronized (deque) {
                deque.addLast(seen);
                while (deque.peekFirst().at.isBefore(oldest)) {
                    deque.pollFirst();
                }
            }
            return deque;
        });
    }

    private static void evict(ConcurrentHashMap<String, Deque<Seen>> map, Instant oldest) {
        for (Map.Entry<String, Deque<Seen>> e : map.entrySet()) {
            Deque<Seen> live = e.getValue();
            synchronized (live) {
                Seen newest = live.peekLast();
                if (newest != null && !newest.at.isBefore(oldest)) {
                    continue; // still in use: no need for the atomic check below
                }
            }
            map.computeIfPresent(e.getKey(), (k, q) -> {
                synchronized (q) {
                    Seen last = q.peekLast();
                    return last == null || last.at.isBefore(oldest) ? null : q;
                }
            });
        }
    }
}
