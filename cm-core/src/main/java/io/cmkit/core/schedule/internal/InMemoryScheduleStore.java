package io.cmkit.core.schedule.internal;

import io.cmkit.core.schedule.ConcurrentEditException;
import io.cmkit.core.schedule.Lease;
import io.cmkit.core.schedule.Outcome;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.PublicationStatus;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.ScheduledPost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The in-memory {@link ScheduleStore}: one lock over plain maps, so every method is atomic and
 * any number of scheduler instances in one JVM can share it.
 */
public final class InMemoryScheduleStore implements ScheduleStore {

    private final Object lock = new Object();
    private final Map<PostKey, ScheduledPost> posts = new HashMap<>();
    private final Map<String, Publication> publications = new HashMap<>();
    private final Map<PostKey, LinkedHashSet<String>> byPost = new HashMap<>();
    /** Keys of PENDING and PUBLISHING publications: the only ones a claim looks at. */
    private final Set<String> open = new LinkedHashSet<>();

    @Override
    public ScheduledPost insert(ScheduledPost post) {
        Objects.requireNonNull(post, "post");
        synchronized (lock) {
            if (posts.containsKey(post.key())) {
                throw new ConcurrentEditException(post.key(), "already exists");
            }
            ScheduledPost stored = post.withVersion(1);
            posts.put(post.key(), stored);
            byPost.put(post.key(), new LinkedHashSet<>());
            return stored;
        }
    }

    @Override
    public Optional<ScheduledPost> find(PostKey key) {
        synchronized (lock) {
            return Optional.ofNullable(posts.get(key));
        }
    }

    @Override
    public List<ScheduledPost> findByState(PostState state) {
        synchronized (lock) {
            return posts.values().stream().filter(p -> p.state() == state).toList();
        }
    }

    @Override
    public ScheduledPost update(ScheduledPost next, long expectedVersion, Optional<List<Publication>> replace) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(replace, "replacePublications");
        PostKey key = next.key();
        synchronized (lock) {
            ScheduledPost stored = posts.get(key);
            if (stored == null) {
                throw new ConcurrentEditException(key, "is not in the store");
            }
            if (stored.version() != expectedVersion) {
                throw new ConcurrentEditException(key, "was changed (version " + stored.version() + ", expected "
                        + expectedVersion + ")");
            }
            if (replace.isPresent()) {
                List<Publication> current = publications(key);
                for (Publication p : current) {
                    if (p.status() == PublicationStatus.PUBLISHING) {
                        throw new ConcurrentEditException(key, "publication to " + p.account() + " is being published");
                    }
                }
                Set<String> published = current.stream().filter(p -> p.status() == PublicationStatus.PUBLISHED)
                        .map(Publication::idempotencyKey).collect(Collectors.toSet());
                Set<String> added = new java.util.HashSet<>();
                for (Publication p : replace.get()) {
                    if (!p.post().equals(key) || p.status() != PublicationStatus.PENDING
                            || published.contains(p.idempotencyKey()) || !added.add(p.idempotencyKey())) {
                        throw new IllegalArgumentException("publication " + p.idempotencyKey() + " to " + p.account()
                                + " is not a new PENDING publication of post " + key);
                    }
                    Publication other = publications.get(p.idempotencyKey());
                    if (other != null && !other.post().equals(key)) {
                        throw new IllegalArgumentException("idempotency key " + p.idempotencyKey()
                                + " is already used by post " + other.post());
                    }
                }
                LinkedHashSet<String> keys = byPost.get(key);
                for (Publication p : current) {
                    if (p.status() != PublicationStatus.PUBLISHED) {
                        publications.remove(p.idempotencyKey());
                        open.remove(p.idempotencyKey());
                        keys.remove(p.idempotencyKey());
                    }
                }
                for (Publication p : replace.get()) {
                    publications.put(p.idempotencyKey(), p);
                    open.add(p.idempotencyKey());
                    keys.add(p.idempotencyKey());
                }
            }
            ScheduledPost result = next.withVersion(expectedVersion + 1);
            posts.put(key, result);
            return result;
        }
    }

    @Override
    public List<Publication> publications(PostKey key) {
        synchronized (lock) {
            Set<String> keys = byPost.getOrDefault(key, new LinkedHashSet<>());
            return keys.stream().map(publications::get).toList();
        }
    }

    @Override
    public Optional<Publication> publication(String idempotencyKey) {
        synchronized (lock) {
            return Optional.ofNullable(publications.get(idempotencyKey));
        }
    }

    @Override
    public List<Publication> claimDue(String owner, Instant now, Duration leaseFor, int limit) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseFor, "leaseFor");
        if (limit <= 0 || leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("limit and leaseFor must be positive");
        }
        synchronized (lock) {
            List<Publication> due = open.stream().map(publications::get).filter(p -> p.isClaimableAt(now))
                    .sorted(Comparator.comparing(InMemoryScheduleStore::claimableAt))
                    .limit(limit).toList();
            List<Publication> claimed = new ArrayList<>(due.size());
            Instant expiresAt = now.plus(leaseFor);
            for (Publication p : due) {
                Publication next = p.claimed(new Lease(owner, UUID.randomUUID().toString(), expiresAt), now);
                publications.put(next.idempotencyKey(), next);
                claimed.add(next);
                ScheduledPost post = posts.get(p.post());
                if (post != null && post.state() == PostState.SCHEDULED) {
                    posts.put(post.key(), post.transition(PostAction.DISPATCH, PostState.PUBLISHING, owner, now,
                            Optional.empty()).withVersion(post.version() + 1));
                }
            }
            return List.copyOf(claimed);
        }
    }

    @Override
    public boolean renew(String idempotencyKey, String token, Instant expiresAt, Instant now) {
        synchronized (lock) {
            Publication p = publications.get(idempotencyKey);
            if (!holds(p, token) || p.lease().orElseThrow().isExpiredAt(now)) {
                return false;
            }
            publications.put(idempotencyKey, p.renewed(expiresAt, now));
            return true;
        }
    }

    @Override
    public boolean complete(String idempotencyKey, String token, Outcome outcome, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        synchronized (lock) {
            Publication p = publications.get(idempotencyKey);
            if (!holds(p, token)) {
                return false;
            }
            record(p.apply(outcome, now));
            completePost(p.post(), PostAction.COMPLETE, p.lease().orElseThrow().owner(), now);
            return true;
        }
    }

    @Override
    public boolean resolve(String idempotencyKey, String actor, Outcome outcome, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof Outcome.NeedsCheck) {
            throw new IllegalArgumentException("a resolution must settle the publication, not ask for another check");
        }
        synchronized (lock) {
            Publication p = publications.get(idempotencyKey);
            if (p == null || p.status() != PublicationStatus.NEEDS_CHECK) {
                return false;
            }
            record(p.apply(outcome, now));
            completePost(p.post(), PostAction.RESOLVE, actor, now);
            return true;
        }
    }

    @Override
    public Optional<Instant> nextClaimableAt() {
        synchronized (lock) {
            return open.stream().map(publications::get).map(InMemoryScheduleStore::claimableAt)
                    .min(Comparator.naturalOrder());
        }
    }

    private static Instant claimableAt(Publication p) {
        return p.status() == PublicationStatus.PUBLISHING ? p.lease().orElseThrow().expiresAt() : p.dueAt();
    }

    private static boolean holds(Publication p, String token) {
        return p != null && p.status() == PublicationStatus.PUBLISHING
                && p.lease().orElseThrow().token().equals(token);
    }

    private void record(Publication next) {
        publications.put(next.idempotencyKey(), next);
        if (next.status() == PublicationStatus.PENDING || next.status() == PublicationStatus.PUBLISHING) {
            open.add(next.idempotencyKey());
        } else {
            open.remove(next.idempotencyKey());
        }
    }

    private void completePost(PostKey key, PostAction action, String actor, Instant now) {
        ScheduledPost post = posts.get(key);
        if (post == null || post.state() != PostState.PUBLISHING) {
            return;
        }
        List<Publication> all = publications(key);
        Optional<PostState> done = Publication.completedState(all.stream().map(Publication::status).toList());
        if (done.isEmpty()) {
            return;
        }
        Optional<String> comment = done.get() == PostState.FAILED
                ? Optional.of(all.stream().filter(p -> p.status() == PublicationStatus.FAILED)
                        .map(p -> p.account() + ": " + p.lastError().orElse("failed"))
                        .collect(Collectors.joining("; ")))
                : Optional.empty();
        posts.put(key, post.transition(action, done.get(), actor, now, comment).withVersion(post.version() + 1));
    }

    /** Every open publication, for diagnostics and tests. */
    public List<Publication> openPublications() {
        synchronized (lock) {
            return open.stream().map(publications::get).toList();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            Map<PublicationStatus, Long> counts = new LinkedHashMap<>();
            publications.values().forEach(p -> counts.merge(p.status(), 1L, Long::sum));
            return "InMemoryScheduleStore[" + posts.size() + " posts, publications " + counts + "]";
        }
    }
}
