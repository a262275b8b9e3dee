package io.cmkit.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that passes every call to another and notes the scheduler's records: each
 * {@link #completeAll} batch, each single {@link #complete}; it can be told to fail the next batch
 * (a database gone at the wrong moment), fail a given claim, or hold the next claim until told; it
 * notes each claim's result and each lease it renewed, for tests to wait on.
 */
final class RecordingStore implements ScheduleStore {

    private final ScheduleStore inner;
    final List<List<Completion>> batches = new CopyOnWriteArrayList<>();
    final List<String> singles = new CopyOnWriteArrayList<>();
    /** Each claim's publications, in the order of the calls. */
    final BlockingQueue<List<Publication>> claims = new LinkedBlockingQueue<>();
    /** The idempotency key of each lease renewed, in the order of the calls. */
    final BlockingQueue<String> renewed = new LinkedBlockingQueue<>();
    private volatile RuntimeException failNextBatch;
    private volatile RuntimeException failEveryBatch;
    private final AtomicInteger claimCalls = new AtomicInteger();
    private volatile int failingClaim;
    private volatile RuntimeException claimFailure;
    private volatile CountDownLatch claimHeld;
    private volatile CountDownLatch claimReleased;

    RecordingStore(ScheduleStore inner) {
        this.inner = inner;
    }

    /** The next {@link #completeAll} throws this and records nothing. */
    void failNextBatch(RuntimeException e) {
        failNextBatch = e;
    }

    /** Every {@link #completeAll} throws this very instance (a store that caches its error) and records nothing. */
    void failEveryBatch(RuntimeException e) {
        failEveryBatch = e;
    }

    /** Claim number {@code which} (counting from 1) throws {@code e} and claims nothing. */
    void failClaim(int which, RuntimeException e) {
        failingClaim = which;
        claimFailure = e;
    }

    /** The next claim counts {@code held} down, then waits for {@code released} before claiming. */
    void holdNextClaim(CountDownLatch held, CountDownLatch released) {
        claimReleased = released;
        claimHeld = held;
    }

    @Override
    public List<Boolean> completeAll(List<Completion> completions, Instant now) {
        if (failEveryBatch != null) {
            throw failEveryBatch;
        }
        RuntimeException failure = failNextBatch;
        if (failure != null) {
            failNextBatch = null;
            throw failure;
        }
        batches.add(List.copyOf(completions));
        return inner.completeAll(completions, now);
    }

    @Override
    public boolean complete(String idempotencyKey, String token, Outcome outcome, Instant now) {
        singles.add(idempotencyKey);
        return inner.complete(idempotencyKey, token, outcome, now);
    }

    @Override
    public ScheduledPost insert(ScheduledPost post) {
        return inner.insert(post);
    }

    @Override
    public Optional<ScheduledPost> find(PostKey key) {
        return inner.find(key);
    }

    @Override
    public List<ScheduledPost> findByState(PostState state) {
        return inner.findByState(state);
    }

    @Override
    public ScheduledPost update(ScheduledPost next, long expectedVersion, Optional<List<Publication>> replace) {
        return inner.update(next, expectedVersion, replace);
    }

    @Override
    public List<Publication> publications(PostKey key) {
        return inner.publications(key);
    }

    @Override
    public Optional<Publication> publication(String idempotencyKey) {
        return inner.publication(idempotencyKey);
    }

    @Override
    public List<Publication> claimDue(String owner, Instant now, Duration leaseFor, int limit) {
        if (claimCalls.incrementAndGet() == failingClaim) {
            throw claimFailure;
        }
        CountDownLatch held = claimHeld;
        if (held != null) {
            claimHeld = null;
            held.countDown();
            try {
                if (!claimReleased.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held claim was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<Publication> claimed = inner.claimDue(owner, now, leaseFor, limit);
        claims.add(claimed);
        return claimed;
    }

    @Override
    public boolean renew(String idempotencyKey, String token, Instant expiresAt, Instant now) {
        boolean done = inner.renew(idempotencyKey, token, expiresAt, now);
        if (done) {
            renewed.add(idempotencyKey);
        }
        return done;
    }

    @Override
    public boolean resolve(String idempotencyKey, String actor, Outcome outcome, Instant now) {
        return inner.resolve(idempotencyKey, actor, outcome, now);
    }

    @Override
    public Optional<Instant> nextClaimableAt() {
        return inner.nextClaimableAt();
    }
}
