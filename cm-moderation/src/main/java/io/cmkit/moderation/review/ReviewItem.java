package io.cmkit.moderation.review;

import io.cmkit.core.model.Interaction;
import io.cmkit.moderation.Decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment waiting for (or past) human review.
 *
 * @param id the queue's id for it
 * @param interaction the comment
 * @param decision why it was flagged: rule, category, spans, adjustments
 * @param submittedAt when it entered the queue
 * @param claim who holds it, until when, with which token (while claimed)
 * @param resolution the verdict, once resolved
 */
public record ReviewItem(String id, Interaction interaction, Decision decision, Instant submittedAt,
                         Optional<Claim> claim, Optional<Resolution> resolution) {

    /** A moderator's hold on an item, good until {@code until}; resolving needs the token. */
    public record Claim(String moderator, String token, Instant until) {
    }

    /** How an item was resolved. */
    public record Resolution(Verdict verdict, String moderator, String note, Instant at) {
        public Resolution {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(moderator, "moderator");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(at, "at");
        }
    }

    public ReviewItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** Whether it is resolved. */
    public boolean resolved() {
        return resolution.isPresent();
    }

    /**
     * This item resolved with {@code resolution}, by the holder of the claim {@code token} at {@code now}:
     * what every {@link ReviewQueueStore} checks before it records a resolution.
     *
     * @throws IllegalStateException if it is resolved already, not claimed with this token, or the claim expired
     */
    public ReviewItem resolvedWith(String token, Resolution resolution, Instant now) {
        if (resolved()) {
            throw new IllegalStateException("review item " + id + " is already resolved");
        }
        if (claim.isEmpty() || !claim.get().token().equals(token)) {
            throw new IllegalStateException("review item " + id + " is not claimed with this token");
        }
        if (!claimedAt(now)) {
            throw new IllegalStateException("the claim on review item " + id + " expired at " + claim.get().until());
        }
        return new ReviewItem(id, interaction, decision, submittedAt, claim, Optional.of(resolution));
    }

    /** Whether someone holds a lease on it at {@code now}. */
    public boolean claimedAt(Instant now) {
        return claim.isPresent() && claim.get().until().isAfter(now);
    }
}
