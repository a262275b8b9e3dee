package io.cmkit.listening.inbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} keys added, the oldest forgotten first. Not thread-safe: the handler
 * guards it with its own lock.
 */
public final class RecentKeys {

    private final int capacity;
    private final LinkedHashMap<String, Boolean> keys;

    public RecentKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.keys = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentKeys.this.capacity;
            }
        };
    }

    /** Whether the key is among the last ones added. */
    public boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** Adds the key, forgetting the oldest one when full. */
    public void add(String key) {
        keys.put(key, Boolean.TRUE);
    }

    /** How many keys are remembered. */
    public int size() {
        return keys.size();
    }

    public int capacity() {
        return capacity;
    }
}
