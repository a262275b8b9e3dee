package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.event.ModerationEvent;
import io.cmkit.moderation.event.ModerationEventPublisher;
import io.cmkit.moderation.internal.EventProcessor;
import io.cmkit.moderation.review.ReviewItem;
import io.cmkit.moderation.review.ReviewQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides about comments and carries the decisions out: {@link #handle(Interaction)} decides with the
 * engine and acts through the platform's {@link CommentModeration}; {@link ModerationInteractionHandler}
 * plugs it into cm-core's inbox. What a platform cannot do is
 * replaced as the {@link DegradationPolicy} says (HIDE on Mastodon becomes FLAG) and the returned
 * decision says so; a failing platform call is recorded and the comment goes to review. Every
 * decision and every action, done, degraded or failed, is written to the audit log, and published
 * as an event. In a dry run nothing is carried out (not even the review queue) and the audit log
 * says what would have been. Thread-safe.
 */
public final class Moderator {

    private static final String ACTOR = "cmkit";

    private final ModerationEngine engine;
    private final Map<Platform, CommentModeration> platforms;
    private final ReviewQueue reviewQueue;
    private final AuditLog audit;
    private final Optional<AlertSink> alerts;
    private final Clock clock;
    private final EventProcessor events = new EventProcessor();

    private Moderator(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.platforms = Map.copyOf(b.platforms);
        this.clock = b.clock;
        this.audit = b.audit != null ? b.audit : b.reviewQueue != null ? b.reviewQueue.auditLog() : AuditLog.inMemory();
        this.reviewQueue = b.reviewQueue != null ? b.reviewQueue
                : new ReviewQueue(io.cmkit.moderation.review.ReviewQueueStore.inMemory(), audit, clock);
        this.alerts = Optional.ofNullable(b.alerts);
    }

    public static Builder builder(ModerationEngine engine) {
        return new Builder(engine);
    }

    /** Where this moderator's events are published. */
    public ModerationEventPublisher getEventPublisher() {
        return events;
    }

    /** The review queue FLAG fills. */
    public ReviewQueue reviewQueue() {
        return reviewQueue;
    }

    /** The audit log. */
    public AuditLog auditLog() {
        return audit;
    }

    /**
     * Decides about {@code interaction}, carries the decision out through the {@link CommentModeration}
     * given for its platform to {@link Builder#platform}, and returns it with every change made.
     */
    public Decision handle(Interaction interaction) {
        return handle(interaction, platforms.get(interaction.platform()));
    }

    /**
     * Decides about {@code interaction} and carries the decision out through {@code platform}: the
     * connector of the interaction's own account (what {@link ModerationInteractionHandler} passes). An
     * empty one degrades every platform action, as a platform without a connector does.
     */
    public Decision handle(Interaction interaction, Optional<CommentModeration> platform) {
        return handle(interaction, platform.orElse(null));
    }

    private Decision handle(Interaction interaction, CommentModeration platform) {
        Decision d = engine.decide(interaction);
        Instant now = clock.instant();
        String key = interaction.key();
        audit.append(AuditEntry.of(now, ACTOR, key, d.rule(), "DECIDE", AuditEntry.Result.DECIDED, d.explain(Locale.ENGLISH)));
        for (Adjustment a : d.adjustments()) {
            audit.append(AuditEntry.of(now, ACTOR, key, d.rule(), a.requested().name(), AuditEntry.Result.DEGRADED,
                    a.kind() + ": " + a.requested() + " -> " + a.replacement().map(Enum::name).orElse("nothing") + ", " + a.reason()));
        }
        events.publish(new ModerationEvent.DecisionMade(interaction, d, now));
        if (!d.matched()) {
            return d;
        }
        if (d.dryRun()) {
            for (Action a : d.actions()) {
                audit.append(AuditEntry.of(now, ACTOR, key, d.rule(), a.name(), AuditEntry.Result.DRY_RUN, "not carried out (dry run)"));
            }
            return d;
        }
        List<Adjustment> adjustments = new ArrayList<>();
        Set<Action> plan = plan(interaction, d, platform, adjustments);
        Decision planned = d.with(List.copyOf(plan), adjustments);
        for (Adjustment a : adjustments) {
            audit.append(AuditEntry.of(now, ACTOR, key, d.rule(), a.requested().name(), AuditEntry.Result.DEGRADED,
                    a.reason() + "; " + a.replacement().map(Enum::name).orElse("nothing") + " instead"));
            events.publish(new ModerationEvent.Degraded(interaction, planned, a, now));
        }
        // Platform actions first, then ESCALATE, then FLAG, so a failure can still send the comment to review.
        List<Adjustment> failures = new ArrayList<>();
        Set<Action> done = EnumSet.noneOf(Action.class);
        boolean needsReview = plan.contains(Action.FLAG);
        for (Action a : plan) {
            if (a == Action.FLAG) {
                continue;
            }
            if (a == Action.ESCALATE) {
                if (alerts.isEmpty()) {
                    failures.add(new Adjustment(Adjustment.Kind.FAILED, a, Optional.of(Action.FLAG), "no alert sink is configured"));
                    fail(interaction, planned, a, "no alert sink is configured", now);
                    needsReview = true;
                    continue;
                }
            }
            try {
                carryOut(a, interaction, planned, platform, now);
                done.add(a);
            } catch (ConnectorException | RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failures.add(new Adjustment(Adjustment.Kind.FAILED, a, Optional.of(Action.FLAG), error));
                fail(interaction, planned, a, error, now);
                needsReview = true;
            }
        }
        Decision result = planned.with(inPlanOrder(plan, done, needsReview), failures);
        if (needsReview) {
            ReviewItem item = reviewQueue.submit(interaction, result);
            audit.append(AuditEntry.of(now, ACTOR, key, d.rule(), Action.FLAG.name(), AuditEntry.Result.DONE, "review item " + item.id()));
            events.publish(new ModerationEvent.Flagged(interaction, result, item.id(), now));
        }
        return result;
    }

    /**
     * The actions that stand once carried out, in the plan's order (the decision's, each replacement in
     * the place of the action it replaces), so every event of one decision lists its actions alike; a FLAG
     * the plan lacked, added because an action failed, comes last.
     */
    private static List<Action> inPlanOrder(Set<Action> plan, Set<Action> done, boolean flagged) {
        List<Action> out = new ArrayList<>(plan.size() + 1);
        for (Action a : plan) {
            if (done.contains(a) || a == Action.FLAG && flagged) {
                out.add(a);
            }
        }
        if (flagged && !plan.contains(Action.FLAG)) {
            out.add(Action.FLAG);
        }
        return List.copyOf(out);
    }

    /** The actions to carry out, with platform actions the platform lacks replaced per the policy. */
    private Set<Action> plan(Interaction interaction, Decision d, CommentModeration platform, List<Adjustment> adjustments) {
        DegradationPolicy policy = engine.config().degradation();
        Set<Action> plan = new LinkedHashSet<>();
        for (Action a : d.actions()) {
            if (!a.onPlatform() || supports(platform, a)) {
                plan.add(a);
                continue;
            }
            Action replacement = Action.FLAG;
            for (Action f : policy.fallbacksOf(a)) {
                if (!f.onPlatform() || supports(platform, f)) {
                    replacement = f;
                    break;
                }
            }
            String why = platform == null
                    ? "no connector for " + interaction.platform().displayName() + " can " + a
                    : interaction.platform().displayName() + " cannot " + a;
            adjustments.add(new Adjustment(Adjustment.Kind.DEGRADED, a, Optional.of(replacement), why));
            plan.add(replacement);
        }
        return plan;
    }

    private static boolean supports(CommentModeration platform, Action a) {
        return platform != null && platform.supports(operation(a));
    }

    private static ModerationOperation operation(Action a) {
        return switch (a) {
            case HIDE -> ModerationOperation.HIDE;
            case DELETE -> ModerationOperation.DELETE;
            case REPLY -> ModerationOperation.REPLY;
            case BLOCK_AUTHOR -> ModerationOperation.BLOCK_AUTHOR;
            default -> throw new IllegalArgumentException(a + " is not a platform operation");
        };
    }

    private void carryOut(Action a, Interaction i, Decision d, CommentModeration platform, Instant now) throws ConnectorException {
        String key = i.key();
        switch (a) {
            case APPROVE -> {
                // nothing to do on the platform
            }
            case HIDE -> {
                platform.hide(i);
                events.publish(new ModerationEvent.Hidden(i, d, now));
            }
            case DELETE -> {
                platform.delete(i);
                events.publish(new ModerationEvent.Deleted(i, d, now));
            }
            case REPLY -> {
                String text = d.reply().orElseThrow(() -> new IllegalStateException("no reply text"));
                platform.reply(i, text, key + ":reply:" + d.rule().orElse(""));
                events.publish(new ModerationEvent.Replied(i, d, text, now));
            }
            case BLOCK_AUTHOR -> {
                platform.blockAuthor(i.author());
                events.publish(new ModerationEvent.Blocked(i, d, now));
            }
            case ESCALATE -> {
                alerts.orElseThrow().alert(i, d);
                events.publish(new ModerationEvent.Escalated(i, d, now));
            }
            case FLAG -> throw new IllegalStateException("FLAG is carried out last");
        }
        audit.append(AuditEntry.of(now, ACTOR, key, d.rule(), a.name(), AuditEntry.Result.DONE, "done"));
    }

    private void fail(Interaction i, Decision d, Action a, String error, Instant now) {
        audit.append(AuditEntry.of(now, ACTOR, i.key(), d.rule(), a.name(), AuditEntry.Result.FAILED, error + "; sent to review"));
        events.publish(new ModerationEvent.ActionFailed(i, d, a, error, now));
    }

    /** Builds a {@link Moderator}. */
    public static final class Builder {
        private final ModerationEngine engine;
        private final Map<Platform, CommentModeration> platforms = new HashMap<>();
        private ReviewQueue reviewQueue;
        private AuditLog audit;
        private AlertSink alerts;
        private Clock clock = Clock.systemUTC();

        private Builder(ModerationEngine engine) {
            this.engine = engine;
        }

        /** How to act on {@code platform}'s comments; a platform without one degrades every platform action. */
        public Builder platform(Platform platform, CommentModeration moderation) {
            platforms.put(platform, moderation);
            return this;
        }

        public Builder reviewQueue(ReviewQueue queue) {
            this.reviewQueue = queue;
            return this;
        }

        public Builder auditLog(AuditLog log) {
            this.audit = log;
            return this;
        }

        public Builder alertSink(AlertSink sink) {
            this.alerts = sink;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Moderator build() {
            return new Moderator(this);
        }
    }
}
