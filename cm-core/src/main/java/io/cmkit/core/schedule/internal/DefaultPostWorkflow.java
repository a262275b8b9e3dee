package io.cmkit.core.schedule.internal;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.ConnectorLookup;
import io.cmkit.core.schedule.IllegalTransitionException;
import io.cmkit.core.schedule.LimitsExceededException;
import io.cmkit.core.schedule.Outcome;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.PostWorkflow;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.PublicationOptions;
import io.cmkit.core.schedule.PublicationStatus;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.ScheduleTimeInPastException;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link PostWorkflow}: reads, checks, then one versioned store update per action. */
public final class DefaultPostWorkflow implements PostWorkflow {

    private final ScheduleStore store;
    private final ConnectorLookup connectors;
    private final Clock clock;

    public DefaultPostWorkflow(ScheduleStore store, ConnectorLookup connectors, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ScheduledPost create(Post post, List<Account> accounts, String actor) {
        Objects.requireNonNull(post, "post");
        return store.insert(ScheduledPost.draft(post, accounts, actor(actor), clock.instant()));
    }

    @Override
    public Optional<ScheduledPost> find(PostKey key) {
        return store.find(key);
    }

    @Override
    public List<Publication> publications(PostKey key) {
        return store.publications(key);
    }

    @Override
    public ScheduledPost submit(PostKey key, String actor) {
        return move(key, PostAction.SUBMIT, PostState.IN_REVIEW, actor, Optional.empty());
    }

    @Override
    public ScheduledPost approve(PostKey key, String actor) {
        return move(key, PostAction.APPROVE, PostState.APPROVED, actor, Optional.empty());
    }

    @Override
    public ScheduledPost reject(PostKey key, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("rejecting post " + key + " needs a comment saying what to change");
        }
        return move(key, PostAction.REJECT, PostState.DRAFT, actor, Optional.of(comment));
    }

    @Override
    public ScheduledPost edit(PostKey key, Post revised, String actor) {
        Objects.requireNonNull(revised, "revised");
        String who = actor(actor);
        ScheduledPost current = load(key);
        allow(current, PostAction.EDIT);
        boolean backToReview = switch (current.state()) {
            case APPROVED, SCHEDULED, FAILED -> true;
            default -> false;
        };
        PostState to = backToReview ? PostState.IN_REVIEW : current.state();
        ScheduledPost next = current.withPost(revised)
                .transition(PostAction.EDIT, to, who, clock.instant(),
                        backToReview ? Optional.of("edited after approval: back to review") : Optional.empty());
        if (!backToReview) {
            return store.update(next, current.version());
        }
        return store.update(next.withScheduledAt(Optional.empty()), current.version(), Optional.of(List.of()));
    }

    @Override
    public ScheduledPost schedule(PostKey key, Instant at, String actor) {
        return schedule(key, at, Optional.empty(), actor);
    }

    @Override
    public ScheduledPost schedule(PostKey key, Instant at, Map<String, PublicationOptions> options, String actor) {
        Objects.requireNonNull(options, "options");
        return schedule(key, at, Optional.of(options), actor);
    }

    private ScheduledPost schedule(PostKey key, Instant at, Optional<Map<String, PublicationOptions>> options,
                                   String actor) {
        Objects.requireNonNull(at, "at");
        String who = actor(actor);
        ScheduledPost loaded = load(key);
        ScheduledPost current = options.map(loaded::withOptions).orElse(loaded);
        allow(current, PostAction.SCHEDULE);
        Instant now = clock.instant();
        if (at.isBefore(now)) {
            throw new ScheduleTimeInPastException(key, at, now);
        }
        List<Account> toPublish = stillToPublish(current);
        List<LimitViolation> violations = violations(current, toPublish);
        if (!violations.isEmpty()) {
            throw new LimitsExceededException(key, violations);
        }
        List<Publication> publications = toPublish.stream()
                .map(a -> Publication.pending(key, a, variant(current, a), current.optionsFor(a), at, now))
                .toList();
        ScheduledPost next = current.transition(PostAction.SCHEDULE, PostState.SCHEDULED, who, now,
                Optional.of("for " + at)).withScheduledAt(Optional.of(at));
        return store.update(next, current.version(), Optional.of(publications));
    }

    @Override
    public ScheduledPost cancel(PostKey key, String actor, String reason) {
        String who = actor(actor);
        ScheduledPost current = load(key);
        allow(current, PostAction.CANCEL);
        ScheduledPost next = current.transition(PostAction.CANCEL, PostState.CANCELLED, who, clock.instant(),
                Optional.ofNullable(reason));
        return store.update(next, current.version(), Optional.of(List.of()));
    }

    @Override
    public List<LimitViolation> check(PostKey key) {
        ScheduledPost current = load(key);
        return violations(current, current.accounts());
    }

    @Override
    public ScheduledPost resolvePublished(String idempotencyKey, PostRef ref, String actor) {
        Objects.requireNonNull(ref, "ref");
        Instant now = clock.instant();
        return resolve(idempotencyKey, new Outcome.Published(new PublishedPost(ref, now, idempotencyKey)), actor, now);
    }

    @Override
    public ScheduledPost resolveNotPublished(String idempotencyKey, String actor) {
        Instant now = clock.instant();
        Publication p = store.publication(idempotencyKey).orElseThrow(() -> unknownPublication(idempotencyKey));
        return resolve(idempotencyKey, new Outcome.Requeued(now, p.attempts(),
                Optional.of("checked by " + actor(actor) + ": not on the platform; sending again")), actor, now);
    }

    private ScheduledPost resolve(String idempotencyKey, Outcome outcome, String actor, Instant now) {
        String who = actor(actor);
        Publication p = store.publication(idempotencyKey).orElseThrow(() -> unknownPublication(idempotencyKey));
        if (!store.resolve(idempotencyKey, who, outcome, now)) {
            throw new IllegalStateException("publication of post " + p.post() + " to " + p.account()
                    + " is not waiting for a check (it is " + store.publication(idempotencyKey)
                    .map(Publication::status).orElse(p.status()) + ")");
        }
        return load(p.post());
    }

    private static NoSuchElementException unknownPublication(String idempotencyKey) {
        return new NoSuchElementException("no publication with idempotency key " + idempotencyKey);
    }

    private ScheduledPost move(PostKey key, PostAction action, PostState to, String actor, Optional<String> comment) {
        String who = actor(actor);
        ScheduledPost current = load(key);
        allow(current, action);
        return store.update(current.transition(action, to, who, clock.instant(), comment), current.version());
    }

    private ScheduledPost load(PostKey key) {
        Objects.requireNonNull(key, "key");
        return store.find(key).orElseThrow(() -> new NoSuchElementException("no post " + key + " in the schedule"));
    }

    private static void allow(ScheduledPost post, PostAction action) {
        if (!action.isAllowedFrom(post.state())) {
            throw new IllegalTransitionException(post.key(), post.state(), action);
        }
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every workflow action needs the id of who takes it");
        }
        return actor.strip();
    }

    /** The accounts without a PUBLISHED publication: those a (re)schedule enqueues. */
    private List<Account> stillToPublish(ScheduledPost post) {
        Set<String> done = store.publications(post.key()).stream()
                .filter(p -> p.status() == PublicationStatus.PUBLISHED)
                .map(p -> p.account().key()).collect(Collectors.toSet());
        return post.accounts().stream().filter(a -> !done.contains(a.key())).toList();
    }

    private List<LimitViolation> violations(ScheduledPost post, List<Account> accounts) {
        List<LimitViolation> out = new ArrayList<>();
        for (Account account : accounts) {
            PlatformLimits limits = connectors.find(account).map(Connector::limits)
                    .orElseGet(() -> PlatformLimits.defaultsFor(account.platform()));
            out.addAll(limits.check(variant(post, account)));
        }
        return out.stream().distinct().toList();
    }

    private static PostVariant variant(ScheduledPost post, Account account) {
        return post.post().variantFor(account.platform()).orElseThrow();
    }
}
