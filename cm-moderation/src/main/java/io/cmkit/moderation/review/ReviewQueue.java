package io.cmkit.moderation.review;

import io.cmkit.core.model.Interaction;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.classifier.Classifier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The human review queue over a {@link ReviewQueueStore}: submit, claim with a lease, resolve with
 * a verdict and a note. Resolutions go to the audit log and to listeners; {@link #feeding} makes a
 * classifier learn from each one. Thread-safe.
 */
public final class ReviewQueue {

    private final ReviewQueueStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Consumer<ReviewItem>> listeners = new CopyOnWriteArrayList<>();

    public ReviewQueue(ReviewQueueStore store, AuditLog audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A queue and an audit log in memory. */
    public static ReviewQueue inMemory(Clock clock) {
        return new ReviewQueue(ReviewQueueStore.inMemory(), AuditLog.inMemory(), clock);
    }

    /** Puts a flagged comment in the queue. */
    public ReviewItem submit(Interaction interaction, Decision decision) {
        ReviewItem item = new ReviewItem(UUID.randomUUID().toString(), interaction, decision, clock.instant(),
                Optional.empty(), Optional.empty());
        store.add(item);
        return item;
    }

    /** Claims the oldest free item for {@code moderator}, for {@code lease}. */
    public Optional<ReviewItem> claim(String moderator, Duration lease) {
        var now = clock.instant();
        return store.claimNext(moderator, UUID.randomUUID().toString(), now, now.plus(lease));
    }

    /**
     * Resolves an item claimed with {@code token}, records it in the audit log, and tells listeners.
     *
     * @throws IllegalStateException if the claim is not (or no longer) the caller's
     */
    public ReviewItem resolve(String itemId, String token, String moderator, Verdict verdict, String note) {
        var now = clock.instant();
        ReviewItem done = store.resolve(itemId, token, new ReviewItem.Resolution(verdict, moderator, note, now), now);
        audit.append(AuditEntry.of(now, moderator, done.interaction().key(), done.decision().rule(),
                "REVIEW", AuditEntry.Result.RESOLVED, verdict + (note.isEmpty() ? "" : ": " + note)));
        for (Consumer<ReviewItem> l : listeners) {
            l.accept(done);
        }
        return done;
    }

    /** Resolves the claimed item. */
    public ReviewItem resolve(ReviewItem claimed, Verdict verdict, String note) {
        ReviewItem.Claim c = claimed.claim().orElseThrow(() -> new IllegalStateException("item " + claimed.id() + " is not claimed"));
        return resolve(claimed.id(), c.token(), c.moderator(), verdict, note);
    }

    /** Calls {@code listener} with each resolved item. */
    public ReviewQueue onResolved(Consumer<ReviewItem> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Makes {@code classifier} learn from each resolution: REMOVE is positive, APPROVE negative, ESCALATE skipped. */
    public ReviewQueue feeding(Classifier classifier) {
        return onResolved(item -> {
            Verdict v = item.resolution().orElseThrow().verdict();
            if (v != Verdict.ESCALATE) {
                classifier.learn(item.interaction().text(), v == Verdict.REMOVE);
            }
        });
    }

    /** Unresolved items, oldest first. */
    public List<ReviewItem> pending() {
        return store.pending();
    }

    /** The item with this id. */
    public Optional<ReviewItem> find(String id) {
        return store.find(id);
    }

    /** The audit log resolutions are written to. */
    public AuditLog auditLog() {
        return audit;
    }
}
