package io.cmkit.core.schedule;

import io.cmkit.core.schedule.internal.InMemoryScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

/**
 * Where scheduled posts and their publications live, shared by the {@link PostWorkflow} and by
 * every {@link Scheduler} instance that works on them. cmkit ships an in-memory store
 * ({@link #inMemory()}) and a JDBC store; a host may bring its own.
 *
 * <h2>The contract</h2>
 *
 * Every method is atomic: it applies entirely or not at all, and concurrent calls, from threads
 * or from processes sharing the store, behave as if they ran one after another. Times always
 * come from the caller ({@code now}); a store never reads a clock of its own, so tests drive it
 * with a fake clock and several instances agree on time as their callers do.
 *
 * <ul>
 *   <li><b>Posts</b> are versioned: {@link #insert} stores version 1, and {@link #update} applies a
 *   change only if the stored version is still the one the caller read, then adds one. A stale
 *   version throws {@link ConcurrentEditException} and changes nothing.</li>
 *   <li><b>Publications</b> (one per post and account, keyed by their idempotency key) are written by
 *   the workflow only through {@link #update(ScheduledPost, long, Optional)}, and by schedulers
 *   only under a {@link Lease}: {@link #claimDue} hands each due publication to exactly one caller,
 *   and {@link #renew} and {@link #complete} succeed only for the holder of the current lease
 *   (its token). A lease that expired may be taken over by the next {@code claimDue}, which marks
 *   the publication {@link Publication#outcomeUnknown()}: the earlier holder may have sent it.</li>
 *   <li><b>Post states set by the store</b>: a claim of a publication of a {@code SCHEDULED} post
 *   moves the post to {@code PUBLISHING} ({@link PostAction#DISPATCH}, actor: the lease owner); a
 *   completion or resolution after which {@link Publication#completedState} gives a state moves
 *   the post from {@code PUBLISHING} to it ({@link PostAction#COMPLETE} or {@link PostAction#RESOLVE}).
 *   Both append the transition and add one to the post's version in the same atomic step, so a
 *   workflow change based on the earlier version fails.</li>
 *   <li><b>Replies</b>: a publication's {@link Publication#replyTo()} and a post's
 *   {@link ScheduledPost#options()} are kept as given and returned unchanged by every method; the
 *   store does not interpret them (the scheduler does). An idempotency key is unique in the store:
 *   a publication whose key belongs to another post's publication is refused with
 *   {@link IllegalArgumentException}.</li>
 * </ul>
 */
public interface ScheduleStore {

    /** A thread-safe store in this JVM's memory, for tests, demos and single-instance hosts that need no restart. */
    static ScheduleStore inMemory() {
        return new InMemoryScheduleStore();
    }

    /**
     * Stores a new post with version 1 and returns it as stored.
     *
     * @throws ConcurrentEditException when a post with the same key exists; nothing changes
     */
    ScheduledPost insert(ScheduledPost post);

    /** The stored post, if any. */
    Optional<ScheduledPost> find(PostKey key);

    /** The stored posts in this state, in no particular order. */
    List<ScheduledPost> findByState(PostState state);

    /** {@link #update(ScheduledPost, long, Optional)} without touching the publications. */
    default ScheduledPost update(ScheduledPost next, long expectedVersion) {
        return update(next, expectedVersion, Optional.empty());
    }

    /**
     * Replaces the stored post by {@code next} with version {@code expectedVersion + 1}, if the
     * stored version is {@code expectedVersion}; returns it as stored.
     *
     * <p>With {@code replacePublications} present, in the same atomic step: every publication of
     * the post that is not {@code PUBLISHED} is removed, and the given ones (all of this post, all
     * {@code PENDING}, none with the key of a {@code PUBLISHED} one) are added. This is how
     * scheduling enqueues work and how editing or cancelling withdraws it. It fails if any
     * publication of the post is {@code PUBLISHING} (leased).
     *
     * @throws ConcurrentEditException when the post is missing, its version differs, or a
     *         publication to replace is leased; nothing changes
     * @throws IllegalArgumentException when a given publication is not a new PENDING one of this post; nothing changes
     */
    ScheduledPost update(ScheduledPost next, long expectedVersion, Optional<List<Publication>> replacePublications);

    /** The post's publications, in the order they were added. */
    List<Publication> publications(PostKey key);

    /** The publication with this idempotency key, if any. */
    Optional<Publication> publication(String idempotencyKey);

    /**
     * Claims up to {@code limit} publications claimable at {@code now}
     * ({@link Publication#isClaimableAt}: PENDING and due, or PUBLISHING under an expired lease),
     * earliest first, and leases each to {@code owner} until {@code now + leaseFor} with a fresh
     * unique token; returns them as stored. A takeover keeps the attempts and sets
     * {@link Publication#outcomeUnknown()}. Each claimable publication goes to at most one of any
     * number of concurrent callers; a caller never waits for another's claim (PostgreSQL:
     * {@code FOR UPDATE SKIP LOCKED}). Posts still {@code SCHEDULED} move to {@code PUBLISHING}.
     */
    List<Publication> claimDue(String owner, Instant now, Duration leaseFor, int limit);

    /**
     * Extends a lease to {@code expiresAt}, if {@code token} is the publication's current lease
     * and it has not expired at {@code now}. A holder must not send once this returns false.
     */
    boolean renew(String idempotencyKey, String token, Instant expiresAt, Instant now);

    /**
     * Records how a leased publication ended ({@link Publication#apply}), if {@code token} is its
     * current lease (even if expired, as long as nobody took it over); completes the post when
     * that was its last open publication. Returns false and changes nothing otherwise.
     */
    boolean complete(String idempotencyKey, String token, Outcome outcome, Instant now);

    /**
     * {@link #complete} for each of {@code completions}, all at {@code now}: one answer per
     * completion, in their order, true where it was recorded. Each completion is recorded or not
     * on its own terms (a lost lease refuses that one and no other); a store may record them all in
     * one transaction, as the JDBC store does, which is why schedulers hand over a claimed batch's
     * outcomes together. This default records them one after another with {@link #complete}, so a
     * store written before this method keeps working.
     *
     * @throws IllegalArgumentException when two completions name the same publication; nothing changes
     */
    default List<Boolean> completeAll(List<Completion> completions, Instant now) {
        requireDistinct(completions);
        Objects.requireNonNull(now, "now");
        List<Boolean> out = new ArrayList<>(completions.size());
        for (Completion c : completions) {
            out.add(complete(c.idempotencyKey(), c.token(), c.outcome(), now));
        }
        return out;
    }

    /**
     * Checks that no two completions name the same publication, for {@link #completeAll}.
     *
     * @throws IllegalArgumentException naming the key given twice
     */
    static void requireDistinct(List<Completion> completions) {
        Objects.requireNonNull(completions, "completions");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < completions.size(); i++) {
            Completion c = Objects.requireNonNull(completions.get(i), "completions[" + i + "]");
            if (!seen.add(c.idempotencyKey())) {
                throw new IllegalArgumentException("completions[" + i + "] records publication " + c.idempotencyKey()
                        + " a second time; each publication may be completed once per call");
            }
        }
    }

    /**
     * A person settles a publication in {@code NEEDS_CHECK}: {@link Outcome.Published} (it did go
     * out), {@link Outcome.Requeued} (it did not: send it at the given time) or
     * {@link Outcome.Failed}. Completes the post like {@link #complete}, with {@code actor} and
     * {@link PostAction#RESOLVE}. Returns false and changes nothing if the publication is not in
     * {@code NEEDS_CHECK}.
     */
    boolean resolve(String idempotencyKey, String actor, Outcome outcome, Instant now);

    /**
     * The earliest instant at which some publication will be claimable (a due time, or a lease's
     * expiry), if any is open; schedulers use it to sleep until there is work.
     */
    Optional<Instant> nextClaimableAt();
}
