package io.cmkit.listening.monitor;

import io.cmkit.core.model.Interaction;
import io.cmkit.listening.monitor.event.MonitorEvent;
import io.cmkit.listening.monitor.event.MonitorEventPublisher;
import io.cmkit.listening.monitor.internal.EventDispatcher;
import io.cmkit.listening.monitor.internal.Layer;
import io.cmkit.listening.monitor.internal.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each mention to the saved queries it matches, with the matched terms and where they are.
 *
 * <pre>{@code
 * try (Monitor monitor = Monitor.create()) {
 *     monitor.add(SavedQuery.of("lumiere-brand", "cafe-lumiere", Watch.BRAND, "\"cafe lumiere\" OR #cafelumiere -promo"));
 *     monitor.add(SavedQuery.of("rival-bad", "brulerie", Watch.COMPETITOR, "brulerie NEAR/3 (arnaque OR decu*)"));
 *     List<QueryMatch> matches = monitor.match(Mention.of(interaction));
 * }
 * }</pre>
 *
 * <p><b>How it matches.</b> All the terms of all the queries are compiled into one cm-core
 * {@link io.cmkit.core.text.PatternMatcher} (double-array Aho-Corasick). A mention is normalised
 * once and scanned once; only the queries anchored on a term that was found are then evaluated.
 *
 * <p><b>Changes while it runs.</b> Matching threads read an immutable snapshot through one volatile
 * read and never wait. The snapshot is a large compiled base, a small delta of recently added or
 * replaced queries, and a set of base queries removed since. {@link #add} and {@link #remove}
 * re-index only the delta, whose terms are found by hash look-ups of the mention's tokens (no
 * automaton to build, and each query compiled once, so a change costs little); once the delta and removals
 * reach the merge threshold, a background thread recompiles the base from every query and swaps it
 * in. Writers are serialised among themselves. Thread-safe.
 *
 * <p>Rebuilds are reported through {@link #getEventPublisher()}. See {@code docs/listening-queries.md}.
 */
public final class Monitor implements AutoCloseable {

    /** The default number of changes kept in the delta before the base is rebuilt. */
    public static final int DEFAULT_MERGE_THRESHOLD = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    /** What matching threads read: never changed once published. */
    private record Snapshot(Layer base, BitSet removed, int removedCount, Layer delta) {
    }

    private final Object writeLock = new Object();
    private final int mergeThreshold;
    private final Clock clock;
    private final EventDispatcher events = new EventDispatcher();
    private final ExecutorService merger;
    private volatile Snapshot snapshot = new Snapshot(Layer.empty(), new BitSet(), 0, Layer.empty());

    // Guarded by writeLock.
    private final Map<String, SavedQuery> all = new LinkedHashMap<>();
    private final Layer.DeltaBuilder delta = new Layer.DeltaBuilder();
    private final Set<String> changedDuringMerge = new LinkedHashSet<>();
    private boolean merging;
    private long generation;
    private long merges;

    private Monitor(Builder b) {
        this.mergeThreshold = b.mergeThreshold;
        this.clock = b.clock;
        this.merger = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cmkit-listening-monitor-merge");
            t.setDaemon(true);
            return t;
        });
    }

    /** A monitor with the {@link #DEFAULT_MERGE_THRESHOLD} and the system clock. */
    public static Monitor create() {
        return builder().build();
    }

    /** A builder to set the merge threshold or the clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the monitor's events (base rebuilt, rebuild failed) are published. */
    public MonitorEventPublisher getEventPublisher() {
        return events;
    }

    /** The saved queries {@code mention} matches, with their matched terms, ordered by query id. Never blocks. */
    public List<QueryMatch> match(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        Snapshot s = snapshot;
        Workspace w = Workspace.start(mention);
        List<QueryMatch> out = new ArrayList<>(2);
        s.base.match(w, s.removedCount == 0 ? null : s.removed, out);
        s.delta.match(w, null, out);
        if (out.size() > 1) {
            out.sort(Comparator.comparing(QueryMatch::queryId));
        }
        return out;
    }

    /** {@link #match(Mention)} for an inbox interaction. */
    public List<QueryMatch> match(Interaction interaction) {
        return match(Mention.of(interaction));
    }

    /**
     * Adds a query, or replaces the one with the same id. Visible to matching as soon as it returns.
     *
     * @throws IllegalArgumentException if the query cannot be indexed (it has no word every match must contain)
     */
    public void add(SavedQuery query) {
        Objects.requireNonNull(query, "query");
        synchronized (writeLock) {
            Snapshot s = snapshot;
            delta.put(query); // compiles it first: an unusable query changes nothing
            all.put(query.id(), query);
            noteChange(query.id());
            publish(s.base, removeFromBase(s, query.id()), delta.snapshot());
        }
    }

    /**
     * Adds many queries at once (replacing those with the same ids). A large batch recompiles the
     * whole base in the calling thread, which is much faster than adding the queries one by one;
     * matching goes on meanwhile with the previous snapshot.
     *
     * @throws IllegalArgumentException if any query cannot be indexed; then none is added
     */
    public void addAll(Collection<SavedQuery> queries) {
        List<SavedQuery> batch = List.copyOf(queries);
        if (batch.size() < mergeThreshold) {
            for (SavedQuery q : batch) {
                Layer.check(q);
            }
            batch.forEach(this::add);
            return;
        }
        synchronized (writeLock) {
            Map<String, SavedQuery> next = new LinkedHashMap<>(all);
            for (SavedQuery q : batch) {
                next.put(q.id(), q);
            }
            long start = System.nanoTime();
            Layer base = Layer.build(new ArrayList<>(next.values()));
            all.clear();
            all.putAll(next);
            replaceBase(base, start);
        }
    }

    /** Removes the query with this id; false if there was none. Visible to matching as soon as it returns. */
    public boolean remove(String id) {
        Objects.requireNonNull(id, "id");
        synchronized (writeLock) {
            if (all.remove(id) == null) {
                return false;
            }
            Snapshot s = snapshot;
            Layer newDelta = delta.remove(id) ? delta.snapshot() : s.delta;
            noteChange(id);
            publish(s.base, removeFromBase(s, id), newDelta);
            return true;
        }
    }

    /** The query saved under this id, if any. */
    public Optional<SavedQuery> get(String id) {
        synchronized (writeLock) {
            return Optional.ofNullable(all.get(id));
        }
    }

    /** Every saved query, in the order they were first added. */
    public List<SavedQuery> queries() {
        synchronized (writeLock) {
            return List.copyOf(all.values());
        }
    }

    /** How many queries it holds. */
    public int size() {
        synchronized (writeLock) {
            return all.size();
        }
    }

    /**
     * Recompiles the base from every query now, in the calling thread, and empties the delta.
     * Matching goes on meanwhile with the previous snapshot.
     */
    public void compact() {
        synchronized (writeLock) {
            long start = System.nanoTime();
            replaceBase(Layer.build(new ArrayList<>(all.values())), start);
        }
    }

    private void replaceBase(Layer base, long startNanos) {
        generation++;
        changedDuringMerge.clear();
        delta.clear();
        snapshot = new Snapshot(base, new BitSet(), 0, Layer.empty());
        events.publish(new MonitorEvent.BaseRebuilt(clock.instant(), base.size(),
                Duration.ofNanos(System.nanoTime() - startNanos), 0));
    }

    /** How many background merges have completed; for monitoring and tests. */
    public long mergeCount() {
        synchronized (writeLock) {
            return merges;
        }
    }

    /** Stops the background merge thread; matching and changes keep working, without merges. */
    @Override
    public void close() {
        merger.shutdownNow();
    }

    // ---------------------------------------------------------------- changes

    private static BitSet removeFromBase(Snapshot s, String id) {
        int index = s.base.indexOf(id);
        if (index < 0 || s.removed.get(index)) {
            return s.removed;
        }
        BitSet removed = (BitSet) s.removed.clone();
        removed.set(index);
        return removed;
    }

    private void noteChange(String id) {
        if (merging) {
            changedDuringMerge.add(id);
        }
    }

    private void publish(Layer base, BitSet removed, Layer newDelta) {
        int removedCount = removed.cardinality();
        snapshot = new Snapshot(base, removed, removedCount, newDelta);
        if (!merging && newDelta.size() + removedCount >= mergeThreshold) {
            startMerge();
        }
    }

    private void startMerge() {
        List<SavedQuery> target = new ArrayList<>(all.values());
        long startedAt = generation;
        merging = true;
        changedDuringMerge.clear();
        try {
            merger.execute(() -> {
                long start = System.nanoTime();
                try {
                    Layer base = Layer.build(target);
                    finishMerge(base, startedAt, start);
                } catch (RuntimeException e) {
                    LOG.error("listening monitor: rebuilding the base of {} queries failed; the delta keeps growing",
                            target.size(), e);
                    synchronized (writeLock) {
                        merging = false;
                    }
                    events.publish(new MonitorEvent.RebuildFailed(clock.instant(), target.size(), String.valueOf(e.getMessage())));
                }
            });
        } catch (RejectedExecutionException closed) {
            merging = false;
        }
    }

    private void finishMerge(Layer base, long startedAt, long startNanos) {
        MonitorEvent.BaseRebuilt event;
        synchronized (writeLock) {
            merging = false;
            if (startedAt != generation) {
                return; // compact() or addAll() replaced the base meanwhile
            }
            generation++;
            merges++;
            delta.clear();
            BitSet removed = new BitSet();
            for (String id : changedDuringMerge) {
                int index = base.indexOf(id);
                if (index >= 0) {
                    removed.set(index);
                }
                SavedQuery current = all.get(id);
                if (current != null) {
                    delta.put(current);
                }
            }
            int carried = changedDuringMerge.size();
            changedDuringMerge.clear();
            publish(base, removed, delta.snapshot());
            event = new MonitorEvent.BaseRebuilt(clock.instant(), base.size(),
                    Duration.ofNanos(System.nanoTime() - startNanos), carried);
        }
        events.publish(event);
    }

    /** Settings of a {@link Monitor}. */
    public static final class Builder {
        private int mergeThreshold = DEFAULT_MERGE_THRESHOLD;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How many changes (added, replaced, removed queries) the delta holds before the base is
         * rebuilt in the background: lower keeps matching the delta cheaper, higher rebuilds less
         * often. {@link #DEFAULT_MERGE_THRESHOLD} unless set.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder mergeThreshold(int changes) {
            if (changes < 1) {
                throw new IllegalArgumentException("mergeThreshold must be at least 1, got " + changes);
            }
            this.mergeThreshold = changes;
            return this;
        }

        /** The clock events are stamped with; the system UTC clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A new, empty monitor. */
        public Monitor build() {
            return new Monitor(this);
        }
    }
}
