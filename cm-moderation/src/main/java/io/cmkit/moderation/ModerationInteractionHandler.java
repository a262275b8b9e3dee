package io.cmkit.moderation;

import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.model.Interaction;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Moderation as one of the inbox's handlers: each comment and reply the inbox collects (and, if
 * asked, mentions and quotes) goes through the {@link Moderator}, which decides with the engine and
 * carries the decision out through the {@link io.cmkit.core.spi.CommentModeration} of the
 * interaction's own account (the connector the inbox read it with). What that platform cannot do
 * degrades as the {@link DegradationPolicy} says and the decision says so; a dry run carries
 * nothing out; every decision goes to the audit log and every FLAG to the review queue.
 *
 * <pre>{@code
 * Moderator moderator = Moderator.builder(engine)
 *         .reviewQueue(new ReviewQueue(JdbcReviewQueueStore.open(db, cfg), JdbcAuditLog.open(db, cfg), clock))
 *         .clock(clock).build();
 * Inbox inbox = Inbox.builder().account(mastodon)
 *         .handler(ModerationInteractionHandler.of(moderator))
 *         .watchedPosts(WatchedPosts.publishedBy(scheduleStore)).build();
 * }</pre>
 *
 * <p>The inbox delivers at least once: after a crash, or when this handler threw (a store was
 * down), an interaction may be decided again. Replies are keyed by interaction and rule, so the
 * platform does not publish them twice where it honours idempotency keys; hiding and blocking
 * again change nothing; the audit log shows both attempts, as they happened.
 */
public final class ModerationInteractionHandler implements InteractionHandler {

    /** The kinds moderated unless told otherwise: what people write under the brand's posts. */
    public static final Set<Interaction.Kind> DEFAULT_KINDS = Set.of(Interaction.Kind.COMMENT, Interaction.Kind.REPLY);

    private final Moderator moderator;
    private final Set<Interaction.Kind> kinds;
    private final String name;
    private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();

    private ModerationInteractionHandler(Moderator moderator, Set<Interaction.Kind> kinds, String name) {
        this.moderator = Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one interaction kind to moderate");
        }
        this.kinds = Set.copyOf(EnumSet.copyOf(kinds));
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** Comments and replies, under the name {@code moderation}. */
    public static ModerationInteractionHandler of(Moderator moderator) {
        return new ModerationInteractionHandler(moderator, DEFAULT_KINDS, "moderation");
    }

    /** These kinds (add {@link Interaction.Kind#MENTION} to moderate mentions too), under the name {@code moderation}. */
    public static ModerationInteractionHandler of(Moderator moderator, Set<Interaction.Kind> kinds) {
        return new ModerationInteractionHandler(moderator, kinds, "moderation");
    }

    /** A copy under another name, for an inbox with two moderation handlers (two brands' rules...). */
    public ModerationInteractionHandler named(String other) {
        ModerationInteractionHandler copy = new ModerationInteractionHandler(moderator, kinds, other);
        copy.listeners.addAll(listeners);
        return copy;
    }

    /** Calls {@code listener} with each decision carried out (after degradation and failures). */
    public ModerationInteractionHandler onDecision(Consumer<Decision> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    /** The kinds this handler moderates; others pass through untouched. */
    public Set<Interaction.Kind> kinds() {
        return kinds;
    }

    @Override
    public void handle(Interaction interaction, Delivery delivery) {
        if (!kinds.contains(interaction.kind())) {
            return;
        }
        Decision decision = moderator.handle(interaction, delivery.connector().commentModeration());
        for (Consumer<Decision> l : listeners) {
            l.accept(decision);
        }
    }

    @Override
    public String toString() {
        return "ModerationInteractionHandler[" + name + ", " + kinds + "]";
    }
}
