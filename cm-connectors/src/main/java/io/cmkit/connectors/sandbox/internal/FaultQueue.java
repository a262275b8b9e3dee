package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.spi.Capability;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Failures waiting for an account's next calls, in the order they were asked for. A call takes
 * the first entry that applies to its capability. Guarded by the world's lock.
 */
final class FaultQueue {

    private static final class Entry {
        final FaultSpec fault;
        final Optional<Capability> only;
        int remaining;

        Entry(FaultSpec fault, Optional<Capability> only, int remaining) {
            this.fault = fault;
            this.only = only;
            this.remaining = remaining;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(FaultSpec fault, int times, Optional<Capability> only) {
        entries.add(new Entry(fault, only, times));
    }

    /** The fault for a call of this capability, consuming one use of it, if any. */
    Optional<FaultSpec> take(Capability capability) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.only.isEmpty() || entry.only.get() == capability) {
                entry.remaining--;
                if (entry.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(entry.fault);
            }
        }
        return Optional.empty();
    }

    int pending() {
        int n = 0;
        for (Entry entry : entries) {
            n += entry.remaining;
        }
        return n;
    }

    void clear() {
        entries.clear();
    }
}
