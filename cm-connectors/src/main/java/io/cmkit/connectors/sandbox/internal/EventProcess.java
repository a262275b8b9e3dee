package io.cmkit.connectors.sandbox.internal;

import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One source of interactions (a post's audience, an account's mentions, a bad buzz, planted
 * events) as a random process in continuous time, materialised lazily.
 *
 * <p>Events follow a non-homogeneous Poisson process drawn by thinning: candidate times come from
 * an upper bound of the rate that holds from the current time on, and each is kept with
 * probability rate/bound. The candidate drawn but not yet reached is kept, so reading the process
 * up to t1 and then t2 yields exactly what reading it up to t2 at once does. When something
 * changes the rate (a boost, a deletion), the world first catches every process up to now and
 * then calls {@link #rateChanged()}, which redraws from now: the exponential has no memory, so
 * this keeps the process exact.
 *
 * <p>Scheduled events (a spammer's flood, an answer to the brand's reply, a planted mention) wait
 * in a queue and are emitted at their time. Each process has its own random stream, named by the
 * world's seed and the process's identity, so processes never disturb one another.
 */
abstract class EventProcess {

    /** An event scheduled for a given time. */
    abstract static class Scheduled implements Comparable<Scheduled> {
        final long timeMs;
        long order;

        Scheduled(long timeMs) {
            this.timeMs = timeMs;
        }

        @Override
        public int compareTo(Scheduled other) {
            int byTime = Long.compare(timeMs, other.timeMs);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        /** Emits the event, or nothing if it no longer applies (author blocked, post deleted). */
        abstract void fire(World world, EventProcess process, List<Emission> out);
    }

    private static final double MAX_GAP_SECONDS = 3.0e8;

    final World world;
    final int order;
    private final long identity;
    final SplittableRandom rng;
    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>();
    private long scheduledCount;
    private long caughtUpMs;
    private long candidateMs = -1;
    private double candidateBound;
    private long emitted;
    /** The time under which the world's queue holds this process ({@link Long#MAX_VALUE} when not queued). */
    long queuedAtMs = Long.MAX_VALUE;
    /** Being advanced by the world's current catch-up. */
    boolean advancing;

    /**
     * @param world the world it belongs to
     * @param order its rank among the world's processes, to order simultaneous events
     * @param name its identity (e.g. {@code "post/mastodon/1234"}): seeds its ids' salts
     * @param rng its own random stream
     * @param startMs when it starts
     */
    EventProcess(World world, int order, String name, SplittableRandom rng, long startMs) {
        this.world = world;
        this.order = order;
        this.identity = Seeds.hash(name);
        this.rng = rng;
        this.caughtUpMs = startMs;
    }

    /** Events per second at time t. */
    abstract double rate(long tMs);

    /** A bound of {@link #rate} valid at every time from {@code fromMs} on; 0 when the process is spent. */
    abstract double bound(long fromMs);

    /** Emits the event drawn at time t, or nothing. */
    abstract void emit(long tMs, List<Emission> out);

    /** Materialises every event up to and including {@code toMs}. */
    final void advance(long toMs, List<Emission> out) {
        while (true) {
            if (candidateMs < 0) {
                draw();
            }
            long nextScheduled = scheduled.isEmpty() ? Long.MAX_VALUE : scheduled.peek().timeMs;
            long next = Math.min(candidateMs, nextScheduled);
            if (next > toMs) {
                caughtUpMs = Math.max(caughtUpMs, toMs);
                return;
            }
            if (nextScheduled <= candidateMs) {
                Scheduled event = scheduled.poll();
                caughtUpMs = Math.max(caughtUpMs, event.timeMs);
                event.fire(world, this, out);
            } else {
                long t = candidateMs;
                double bound = candidateBound;
                caughtUpMs = t;
                candidateMs = -1;
                if (rng.nextDouble() * bound <= rate(t)) {
                    emit(t, out);
                }
            }
        }
    }

    /**
     * When this process next has something to do: its next candidate or scheduled event, or
     * {@link Long#MIN_VALUE} when it must first draw a candidate. Up to that time, advancing it
     * would only move its caught-up time, which {@link #rateChanged(long)} accounts for.
     */
    final long nextDueMs() {
        if (candidateMs < 0) {
            return Long.MIN_VALUE;
        }
        long nextScheduled = scheduled.isEmpty() ? Long.MAX_VALUE : scheduled.peek().timeMs;
        return Math.min(candidateMs, nextScheduled);
    }

    /**
     * Forgets the candidate drawn under the old rate; call only once the world caught up to
     * {@code nowMs}. A process the catch-up skipped (nothing due) counts as caught up to now.
     */
    final void rateChanged(long nowMs) {
        caughtUpMs = Math.max(caughtUpMs, nowMs);
        candidateMs = -1;
        world.due(this);
    }

    /** Queues an event for later. */
    final void schedule(Scheduled event) {
        event.order = scheduledCount++;
        scheduled.add(event);
        world.due(this);
    }

    /** A salt for the next id this process makes, distinct from its other ids. */
    final long nextSalt() {
        return Seeds.mix(identity * 31 + emitted++);
    }

    /** Wraps a record for the world's batch, ordered after this process's earlier emissions. */
    final Emission emission(InteractionRecord record, Feed feed) {
        return new Emission(record, feed, order, emitted++);
    }

    private void draw() {
        double bound = bound(caughtUpMs);
        if (!(bound > 0)) {
            candidateMs = Long.MAX_VALUE;
            candidateBound = 0;
            return;
        }
        double gap = Math.min(MAX_GAP_SECONDS, -Math.log(1.0 - rng.nextDouble()) / bound);
        candidateMs = caughtUpMs + Math.max(1L, (long) Math.ceil(gap * 1_000.0));
        candidateBound = bound;
    }
}
