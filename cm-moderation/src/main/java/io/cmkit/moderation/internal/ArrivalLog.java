package io.cmkit.moderation.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Recent arrivals per key in primitive arrays: one ring of arrivals in the order they were
 * recorded (time in epoch nanoseconds, key, an optional companion such as the author), each
 * linked to the previous arrival of the same key, and an open-addressing table from each key to
 * its latest arrival. Recording allocates nothing once the arrays have grown to the traffic.
 *
 * <p>An arrival is forgotten when a later record finds it at the head of the ring more than
 * {@code keep} before the new arrival. A key whose latest arrival is forgotten stays in the table,
 * stale (its chain is empty), until the table would grow: then only live keys are copied, so the
 * table holds at most about four times the live keys and forgetting costs no lookup. Keys are found
 * by a 64-bit hash the caller gives ({@link TrafficWindows#hash}) and confirmed with
 * {@link String#equals}, so two texts never share an entry. Not thread-safe: {@link TrafficWindows} guards each log with its monitor.
 */
final class ArrivalLog {

    private static final int FREE = -1;

    private final long keepNanos;

    // The ring: arrival number s lives at s & (capacity - 1) while head <= s < tail.
    private long[] times;
    private String[] companions;
    private long[] previous;
    private long head;
    private long tail;

    // The table: linear probing, at most half full (stale keys included); latest[i] is the key's newest arrival number.
    // A slot is free when its hash is EMPTY (a key hashing to it is stored as 1), so a probe reads the
    // hashes alone and the key only when the hash is its own.
    private static final long EMPTY = 0;
    private String[] tableKeys;
    private long[] tableHashes;
    private long[] latest;
    private int size;

    ArrivalLog(long keepNanos) {
        if (keepNanos < 0) {
            throw new IllegalArgumentException("keep must not be negative, was " + keepNanos + " ns");
        }
        this.keepNanos = keepNanos;
        times = new long[64];
        companions = new String[64];
        previous = new long[64];
        tableKeys = new String[64];
        tableHashes = new long[64];
        latest = new long[64];
    }

    /** Records an arrival of {@code key} (of hash {@code hash}) at {@code at} (epoch nanoseconds), with {@code companion} (may be null). */
    void record(String key, long hash, String companion, long at) {
        long oldest = TimeNanos.minus(at, keepNanos);
        while (head < tail && times[(int) head & (times.length - 1)] < oldest) {
            companions[(int) head & (times.length - 1)] = null;
            head++;
        }
        if (tail - head == times.length) {
            growRing();
        }
        int slot = find(key, hash);
        long before;
        if (slot >= 0) {
            before = latest[slot]; // before head if the key was stale: its chain ends there
            latest[slot] = tail;
        } else {
            before = -1;
            insert(key, hash, tail);
        }
        int i = (int) tail & (times.length - 1);
        times[i] = at;
        companions[i] = companion;
        previous[i] = before;
        tail++;
    }

    /** How many remembered arrivals of {@code key} are in {@code [from, to]}. */
    int count(String key, long hash, long from, long to) {
        int slot = find(key, hash);
        if (slot < 0) {
            return 0;
        }
        int mask = times.length - 1;
        int n = 0;
        for (long s = latest[slot]; s >= head; s = previous[(int) s & mask]) {
            long t = times[(int) s & mask];
            if (t >= from && t <= to) {
                n++;
            }
        }
        return n;
    }

    /** How many distinct companions the remembered arrivals of {@code key} in {@code [from, to]} have. */
    int distinctCompanions(String key, long hash, long from, long to) {
        int slot = find(key, hash);
        if (slot < 0) {
            return 0;
        }
        int mask = times.length - 1;
        String[] seen = new String[8];
        int n = 0;
        Set<String> many = null;
        for (long s = latest[slot]; s >= head; s = previous[(int) s & mask]) {
            int i = (int) s & mask;
            long t = times[i];
            if (t < from || t > to) {
                continue;
            }
            String c = companions[i];
            if (many != null) {
                many.add(c);
            } else if (!contains(seen, n, c)) {
                if (n == seen.length) {
                    many = new HashSet<>(Arrays.asList(seen));
                    many.add(c);
                } else {
                    seen[n++] = c;
                }
            }
        }
        return many != null ? many.size() : n;
    }

    /** Keys with an arrival remembered (for tests: a scan of the table). */
    int keys() {
        int live = 0;
        for (int i = 0; i < tableKeys.length; i++) {
            live += tableKeys[i] != null && latest[i] >= head ? 1 : 0;
        }
        return live;
    }

    /** Table slots, stale keys included (for tests). */
    int capacity() {
        return tableKeys.length;
    }

    /** Arrivals remembered (for tests and sizing). */
    long arrivals() {
        return tail - head;
    }

    private static boolean contains(String[] seen, int n, String c) {
        for (int k = 0; k < n; k++) {
            if (seen[k] == null ? c == null : seen[k].equals(c)) {
                return true;
            }
        }
        return false;
    }

    private void growRing() {
        int n = times.length;
        long[] t = new long[n * 2];
        String[] c = new String[n * 2];
        long[] p = new long[n * 2];
        for (long s = head; s < tail; s++) {
            int from = (int) s & (n - 1);
            int to = (int) s & (2 * n - 1);
            t[to] = times[from];
            c[to] = companions[from];
            p[to] = previous[from];
        }
        times = t;
        companions = c;
        previous = p;
    }

    /** The table index bits: the hash is already mixed, so its high half (the stripe used its low bits). */
    private static int spread(long hash) {
        return (int) (hash >>> 32);
    }

    /** The hash as the table holds it: never {@link #EMPTY}. */
    private static long stored(long hash) {
        return hash == EMPTY ? 1 : hash;
    }

    private int find(String key, long hash) {
        long h = stored(hash);
        int mask = tableKeys.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            long th = tableHashes[i];
            if (th == EMPTY) {
                return FREE;
            }
            if (th == h) {
                String k = tableKeys[i];
                if (k == key || k.equals(key)) {
                    return i;
                }
            }
        }
    }

    private void insert(String key, long hash, long arrival) {
        if (2 * (size + 1) > tableKeys.length) {
            rebuildTable();
        }
        long h = stored(hash);
        int mask = tableKeys.length - 1;
        int i = spread(h) & mask;
        while (tableHashes[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        tableKeys[i] = key;
        tableHashes[i] = h;
        latest[i] = arrival;
        size++;
    }

    /** Copies the live keys (stale ones dropped) into a table at most a quarter full. */
    private void rebuildTable() {
        String[] oldKeys = tableKeys;
        long[] oldHashes = tableHashes;
        long[] oldLatest = latest;
        int live = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            live += oldKeys[j] != null && oldLatest[j] >= head ? 1 : 0;
        }
        int n = Math.max(64, Integer.highestOneBit(4 * (live + 1) - 1) << 1);
        tableKeys = new String[n];
        tableHashes = new long[n];
        latest = new long[n];
        size = live;
        int mask = n - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null && oldLatest[j] >= head) {
                int i = spread(oldHashes[j]) & mask;
                while (tableHashes[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                tableKeys[i] = oldKeys[j];
                tableHashes[i] = oldHashes[j];
                latest[i] = oldLatest[j];
            }
        }
    }
}
