package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Post;
import io.cmkit.core.schedule.internal.DefaultPostWorkflow;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.PostRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The approval workflow: the actions people take on posts, each recorded in the post's history
 * with the actor and the clock's time.
 *
 * <p>Every action either applies entirely or throws and changes nothing:
 * {@link IllegalTransitionException} when the post's state does not allow it,
 * {@link LimitsExceededException} when a variant breaks its platform's limits,
 * {@link ScheduleTimeInPastException} for a schedule time already past,
 * {@link ConcurrentEditException} when the post changed since it was read (another person, or a
 * scheduler that started publishing it), {@link NoSuchElementException} for an unknown post.
 */
public interface PostWorkflow {

    /**
     * A workflow over a store.
     *
     * @param connectors where each account's {@link io.cmkit.core.spi.PlatformLimits} come from;
     *                   an account without a connector is checked against
     *                   {@link io.cmkit.core.spi.PlatformLimits#defaultsFor} its platform
     */
    static PostWorkflow of(ScheduleStore store, ConnectorLookup connectors, Clock clock) {
        return new DefaultPostWorkflow(store, connectors, clock);
    }

    /** Stores a new post as a DRAFT for these accounts (each needs a variant for its platform). */
    ScheduledPost create(Post post, List<Account> accounts, String actor);

    /** The post, if stored. */
    Optional<ScheduledPost> find(PostKey key);

    /** The post's publications, once scheduled. */
    List<Publication> publications(PostKey key);

    /** DRAFT to IN_REVIEW. */
    ScheduledPost submit(PostKey key, String actor);

    /** IN_REVIEW to APPROVED. */
    ScheduledPost approve(PostKey key, String actor);

    /**
     * IN_REVIEW back to DRAFT, with the reviewer's comment.
     *
     * @throws IllegalArgumentException when the comment is blank
     */
    ScheduledPost reject(PostKey key, String actor, String comment);

    /**
     * New content for the post (same key, a variant for each of its accounts). A DRAFT or IN_REVIEW
     * post keeps its state; an APPROVED, SCHEDULED or FAILED one goes back to IN_REVIEW, and its
     * publications not yet out are withdrawn.
     */
    ScheduledPost edit(PostKey key, Post revised, String actor);

    /**
     * Schedules the post at {@code at}: from APPROVED; from SCHEDULED (a new time); from FAILED (a
     * new try of the failed publications, the published ones stay). Each variant still to publish
     * is first checked against its account's platform limits; every violation is reported at once.
     */
    ScheduledPost schedule(PostKey key, Instant at, String actor);

    /**
     * {@link #schedule(PostKey, Instant, String)}, with the publication options of each account
     * (by {@link Account#key()}; an account left out gets {@link PublicationOptions#DEFAULT}):
     * the idempotency key to publish with and what the publication replies to. They are kept with
     * the post, so a later {@link #schedule(PostKey, Instant, String)} (a new time, or a retry after
     * FAILED) creates the publications the same way. Setting options is not a change of content: it
     * does not send the post back to review.
     *
     * @throws IllegalArgumentException when options name an account the post does not go to
     */
    ScheduledPost schedule(PostKey key, Instant at, Map<String, PublicationOptions> options, String actor);

    /** Withdraws the post for good, from DRAFT, IN_REVIEW, APPROVED or SCHEDULED. */
    ScheduledPost cancel(PostKey key, String actor, String reason);

    /** Every limit the post's variants break on its accounts; empty when it may be scheduled. */
    List<LimitViolation> check(PostKey key);

    /**
     * A person checked the account: the publication in {@link PublicationStatus#NEEDS_CHECK} is
     * on the platform as {@code ref}.
     *
     * @throws IllegalStateException when the publication is not waiting for a check
     */
    ScheduledPost resolvePublished(String idempotencyKey, PostRef ref, String actor);

    /**
     * A person checked the account: the publication in {@link PublicationStatus#NEEDS_CHECK} is
     * not on the platform; it is sent again at once.
     *
     * @throws IllegalStateException when the publication is not waiting for a check
     */
    ScheduledPost resolveNotPublished(String idempotencyKey, String actor);
}
