package io.cmkit.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store that passes every call to another and notes the scheduler's records: each
 * {@link #completeAll} batch, each single {@link #complete}; it can be told to fail the next batch
 * (a database gone at the wrong moment).
 */
final class RecordingStore implements ScheduleStore {

    private final ScheduleStore inner;
    final List<List<Completion>> batches = new CopyOnWriteArrayList<>();
    final List<String> singles = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failNextBatch;

    RecordingStore(ScheduleStore inner) {
        this.inner = inner;
    }

    /** The next {@link #completeAll} throws this and records nothing. */
    void failNextBatch(RuntimeException e) {
        failNextBatch = e;
    }

    @Override
    public List<Boolean> completeAll(List<Completion> completions, Instant now) {
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
        return inner.claimDue(owner, now, leaseFor, limit);
    }

    @Override
    public boolean renew(String idempotencyKey, String token, Instant expiresAt, Instant now) {
        return inner.renew(idempotencyKey, token, expiresAt, now);
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
