package io.cmkit.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recent interactions per author and per normalised text, for flooding and duplicate conditions.
 * Keeps only what the longest window needs; thread-safe.
 *
 * <p>Each key holds a small ring of arrival times (and authors, for texts) guarded by its own
 * monitor, so recording an interaction for a known key is a map read and an uncontended lock,
 * with nothing allocated once the ring has grown to the key's traffic.
 */
final class TrafficWindows {

    /** Idle keys are swept at most once every this many records, so memory stays bounded without a sweep per record. */
    private static final int SWEEP_EVERY = 10_000;

    private final Duration keep;
    private final AtomicLong records = new AtomicLong();
    /** Record count at the last sweep: a sweep visits every key, so sweeps are at least as many records apart as there are keys. */
    private volatile long lastSweep;
    private final ConcurrentHashMap<String, Window> byAuthor = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> byText = new ConcurrentHashMap<>();

    TrafficWindows(Duration keep) {
        this.keep = keep;
    }

    /** Records one interaction. */
    void record(String author, String text, Instant at) {
        Instant oldest = at.minus(keep);
        add(byAuthor, author, null, at, oldest);
        if (!text.isBlank()) {
            add(byText, text, author, at, oldest);
        }
        long n = records.incrementAndGet();
        if (n % SWEEP_EVERY == 0 && n - lastSweep >= byAuthor.size() + byText.size()) {
            lastSweep = n;
            evict(byAuthor, oldest);
            evict(byText, oldest);
        }
    }

    /** Interactions by {@code author} within {@code window} before {@code now}, inclusive. */
    int byAuthor(String author, Duration window, Instant now) {
        Window w = byAuthor.get(author);
        return w == null ? 0 : w.count(now.minus(window), now);
    }

    /** Distinct authors of {@code text} within {@code window}. */
    int authorsOf(String text, Duration window, Instant now) {
        Window w = byText.get(text);
        return w == null ? 0 : w.authors(now.minus(window), now);
    }

    private static void add(ConcurrentHashMap<String, Window> map, String key, String author, Instant at, Instant oldest) {
        Window w = map.get(key);
        if (w == null) {
            w = map.computeIfAbsent(key, k -> new Window(author != null));
        }
        while (!w.add(at, author, oldest)) {
            // swept between the read and the add: replace it
            map.remove(key, w);
            w = map.computeIfAbsent(key, k -> new Window(author != null));
        }
    }

    private static void evict(ConcurrentHashMap<String, Window> map, Instant oldest) {
        for (Map.Entry<String, Window> e : map.entrySet()) {
            Window w = e.getValue();
            if (w.retireIfIdle(oldest)) {
                map.remove(e.getKey(), w);
            }
        }
    }

    /** The arrivals of one key, oldest first, in a ring; a retired window refuses new arrivals. */
    private static final class Window {
        private Instant[] at = new Instant[4];
        private String[] authors;
        private int head;
        private int size;
        private boolean retired;

        Window(boolean withAuthors) {
            authors = withAuthors ? new String[4] : null;
        }

        /** Appends an arrival and drops those before {@code oldest}; false if this window was retired. */
        synchronized boolean add(Instant time, String author, Instant oldest) {
            if (retired) {
                return false;
            }
            if (size == at.length) {
                grow();
            }
            int mask = at.length - 1;
            int tail = (head + size) & mask;
            at[tail] = time;
            if (authors != null) {
                authors[tail] = author;
            }
            size++;
            while (size > 0 && at[head].isBefore(oldest)) {
                at[head] = null;
                if (authors != null) {
                    authors[head] = null;
                }
                head = (head + 1) & mask;
                size--;
            }
            return true;
        }

        private void grow() {
            int n = at.length;
            Instant[] a = new Instant[n * 2];
            String[] b = authors == null ? null : new String[n * 2];
            for (int k = 0; k < size; k++) {
                int from = (head + k) & (n - 1);
                a[k] = at[from];
                if (b != null) {
                    b[k] = authors[from];
                }
            }
            at = a;
            authors = b;
            head = 0;
        }

        synchronized int count(Instant from, Instant now) {
            int mask = at.length - 1;
            int n = 0;
            for (int k = 0; k < size; k++) {
                Instant t = at[(head + k) & mask];
                if (!t.isBefore(from) && !t.isAfter(now)) {
                    n++;
                }
            }
            return n;
        }

        int authors(Instant from, Instant now) {
            Set<String> distinct = new HashSet<>();
            synchronized (this) {
                int mask = at.length - 1;
                for (int k = 0; k < size; k++) {
                    int i = (head + k) & mask;
                    Instant t = at[i];
                    if (!t.isBefore(from) && !t.isAfter(now)) {
                        distinct.add(authors[i]);
                    }
                }
            }
            return distinct.size();
        }

        /** Retires this window if its newest arrival is before {@code oldest}. */
        synchronized boolean retireIfIdle(Instant oldest) {
            if (size > 0 && !at[(head + size - 1) & (at.length - 1)].isBefore(oldest)) {
                return false;
            }
            retired = true;
            return true;
        }
    }
}
