package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.PublishedPost;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * One post on one account: the unit the scheduler claims, publishes and records. Its
 * {@link #idempotencyKey()} identifies it in the store and is sent with every attempt.
 *
 * @param idempotencyKey {@link #keyFor(PostKey, Account)}: stable across attempts, restarts and instances
 * @param post the post it belongs to
 * @param account where it goes
 * @param variant what goes: the post's variant for the account's platform
 * @param status where it stands
 * @param dueAt when it may be claimed next (the schedule time, a retry time or a rate limit's reset)
 * @param attempts send attempts that failed and count against the retry budget (rate limits do not count)
 * @param lease present exactly when {@code status} is {@link PublicationStatus#PUBLISHING}
 * @param outcomeUnknown an earlier holder's lease expired while publishing: it may have been sent
 * @param published present exactly when {@code status} is {@link PublicationStatus#PUBLISHED}
 * @param lastError the last failure, rate limit or reason for needing a check
 * @param updatedAt when the store last changed it
 * @param replyTo what it replies to, if it is a reply: a post on the platform, or a parent
 *                publication of the store with the rule for gaps ({@link ReplyTarget})
 */
public record Publication(String idempotencyKey, PostKey post, Account account, PostVariant variant,
                          PublicationStatus status, Instant dueAt, int attempts, Optional<Lease> lease,
                          boolean outcomeUnknown, Optional<PublishedPost> published, Optional<String> lastError,
                          Instant updatedAt, Optional<ReplyTarget> replyTo) {

    private static final String KEY_PREFIX = "cmkit-";

    /** A publication that replies to nothing. */
    public Publication(String idempotencyKey, PostKey post, Account account, PostVariant variant,
                       PublicationStatus status, Instant dueAt, int attempts, Optional<Lease> lease,
                       boolean outcomeUnknown, Optional<PublishedPost> published, Optional<String> lastError,
                       Instant updatedAt) {
        this(idempotencyKey, post, account, variant, status, dueAt, attempts, lease, outcomeUnknown, published,
                lastError, updatedAt, Optional.empty());
    }

    public Publication {
        Objects.requireNonNull(idempotencyKey, "Publication.idempotencyKey");
        Objects.requireNonNull(post, "Publication.post");
        Objects.requireNonNull(account, "Publication.account");
        Objects.requireNonNull(variant, "Publication.variant");
        Objects.requireNonNull(status, "Publication.status");
        Objects.requireNonNull(dueAt, "Publication.dueAt");
        Objects.requireNonNull(lease, "Publication.lease");
        Objects.requireNonNull(published, "Publication.published");
        Objects.requireNonNull(lastError, "Publication.lastError");
        Objects.requireNonNull(updatedAt, "Publication.updatedAt");
        Objects.requireNonNull(replyTo, "Publication.replyTo");
        if (replyTo.orElse(null) instanceof ReplyTarget.ExistingPost e
                && !e.ref().platform().equals(account.platform())) {
            throw new IllegalArgumentException("Publication " + idempotencyKey + " on " + account.platform()
                    + " cannot reply to a post on " + e.ref().platform() + " (" + e.ref().id() + ")");
        }
        if (replyTo.orElse(null) instanceof ReplyTarget.Parent p && p.chain().contains(idempotencyKey)) {
            throw new IllegalArgumentException("Publication " + idempotencyKey + " cannot reply to itself");
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("Publication.idempotencyKey must be 1 to 128 characters");
        }
        if (!variant.platform().equals(account.platform())) {
            throw new IllegalArgumentException("Publication " + idempotencyKey + ": variant for " + variant.platform()
                    + " cannot go to " + account);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("Publication.attempts must not be negative");
        }
        if (lease.isPresent() != (status == PublicationStatus.PUBLISHING)) {
            throw new IllegalArgumentException("Publication " + idempotencyKey + ": a lease goes with PUBLISHING, and only with it (status "
                    + status + ")");
        }
        if (published.isPresent() != (status == PublicationStatus.PUBLISHED)) {
            throw new IllegalArgumentException("Publication " + idempotencyKey + ": a published post goes with PUBLISHED, and only with it (status "
                    + status + ")");
        }
    }

    /** A new publication, waiting for {@code dueAt}. */
    public static Publication pending(PostKey post, Account account, PostVariant variant, Instant dueAt, Instant now) {
        return pending(post, account, variant, PublicationOptions.DEFAULT, dueAt, now);
    }

    /**
     * A new publication, waiting for {@code dueAt}, keyed and threaded by {@code options}: its
     * idempotency key is the options' one or else {@link #keyFor(PostKey, Account)}.
     */
    public static Publication pending(PostKey post, Account account, PostVariant variant, PublicationOptions options,
                                      Instant dueAt, Instant now) {
        return new Publication(options.idempotencyKey().orElseGet(() -> keyFor(post, account)), post, account, variant,
                PublicationStatus.PENDING, dueAt, 0, Optional.empty(), false, Optional.empty(), Optional.empty(), now,
                options.replyTo());
    }

    /**
     * The idempotency key of a post's publication on an account: {@code cmkit-} and the unpadded
     * base64url SHA-256 of brand id, post id and {@link Account#key()}. It does not depend on the
     * attempt, the instance, the time or the content, so every retry and every takeover sends the
     * same key. 49 characters.
     */
    public static String keyFor(PostKey post, Account account) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String material = post.brandId() + '\u0000' + post.postId() + '\u0000' + account.key();
            byte[] digest = sha.digest(material.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The state a post in {@link PostState#PUBLISHING} takes when its publications stand like this:
     * {@link PostState#PUBLISHED} when every one is published, {@link PostState#FAILED} when every
     * one has ended and at least one failed, otherwise empty (it stays PUBLISHING). Stores call
     * this after each completion; an empty collection gives empty.
     */
    public static Optional<PostState> completedState(Collection<PublicationStatus> statuses) {
        if (statuses.isEmpty() || !statuses.stream().allMatch(PublicationStatus::isEnded)) {
            return Optional.empty();
        }
        return Optional.of(statuses.stream().allMatch(s -> s == PublicationStatus.PUBLISHED)
                ? PostState.PUBLISHED : PostState.FAILED);
    }

    /**
     * This publication as the store keeps it after {@code outcome}: the lease is dropped, and
     * status, due time, attempts, result and error follow the outcome (see {@link Outcome}).
     */
    public Publication apply(Outcome outcome, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof Outcome.Published p) {
            return new Publication(idempotencyKey, post, account, variant, PublicationStatus.PUBLISHED, dueAt, attempts,
                    Optional.empty(), false, Optional.of(p.post()), lastError, now, replyTo);
        } else if (outcome instanceof Outcome.Requeued r) {
            return new Publication(idempotencyKey, post, account, variant, PublicationStatus.PENDING, r.dueAt(),
                    r.attempts(), Optional.empty(), false, Optional.empty(), r.reason().or(() -> lastError), now, replyTo);
        } else if (outcome instanceof Outcome.Failed f) {
            return new Publication(idempotencyKey, post, account, variant, PublicationStatus.FAILED, dueAt,
                    f.attempts().orElse(attempts), Optional.empty(), false, Optional.empty(), Optional.of(f.reason()), now,
                    replyTo);
        } else if (outcome instanceof Outcome.NeedsCheck n) {
            return new Publication(idempotencyKey, post, account, variant, PublicationStatus.NEEDS_CHECK, dueAt,
                    attempts, Optional.empty(), true, Optional.empty(), Optional.of(n.reason()), now, replyTo);
        }
        throw new IllegalArgumentException("unknown outcome " + outcome);
    }

    /** This publication claimed under {@code lease}; a takeover of an expired lease sets {@link #outcomeUnknown()}. */
    public Publication claimed(Lease lease, Instant now) {
        boolean takeover = status == PublicationStatus.PUBLISHING;
        return new Publication(idempotencyKey, post, account, variant, PublicationStatus.PUBLISHING, dueAt, attempts,
                Optional.of(lease), outcomeUnknown || takeover, Optional.empty(), lastError, now, replyTo);
    }

    /** This publication with its lease extended. */
    public Publication renewed(Instant expiresAt, Instant now) {
        Lease held = lease.orElseThrow(() -> new IllegalStateException("Publication " + idempotencyKey + " is not leased"));
        return new Publication(idempotencyKey, post, account, variant, status, dueAt, attempts,
                Optional.of(new Lease(held.owner(), held.token(), expiresAt)), outcomeUnknown, published, lastError, now,
                replyTo);
    }

    /**
     * Whether {@link ScheduleStore#claimDue} may hand it out at {@code now}: PENDING and due, or
     * PUBLISHING under an expired lease (a takeover).
     */
    public boolean isClaimableAt(Instant now) {
        return switch (status) {
            case PENDING -> !dueAt.isAfter(now);
            case PUBLISHING -> lease.orElseThrow().isExpiredAt(now);
            default -> false;
        };
    }
}
