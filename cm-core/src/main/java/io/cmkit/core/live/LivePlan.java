package io.cmkit.core.live;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of show resolved to timed publications, as of one instant: what a scheduler takes.
 *
 * <p>{@link #posts()} holds every publication in the order they go out (cue order, then the
 * event's account order). Those whose instant was already past when planning are not dropped:
 * {@link #late()} lists them so the host can publish them at once or cancel them; {@link #upcoming()}
 * lists the others.
 *
 * <p>Threads: when the show is threaded, a publication's {@link PlannedPost#repliesTo()} names the
 * previous cue's publication on the same account. At dispatch time, {@link #requestFor(PlannedPost, Map)}
 * turns it into a {@link PublishRequest} replying to the {@link PostRef} actually published for it,
 * following the show's {@link Threading} rule when that one is missing.
 *
 * @param event the event as planned
 * @param threading whether and how publications reply to each other
 * @param plannedAt the clock's instant when the plan was made
 * @param posts every publication, in the order they go out
 */
public record LivePlan(LiveEvent event, Threading threading, Instant plannedAt, List<PlannedPost> posts) {

    public LivePlan {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(threading, "threading");
        Objects.requireNonNull(plannedAt, "plannedAt");
        posts = List.copyOf(posts);
    }

    /** The publications whose instant was already past when planning ({@code at} before {@code plannedAt}). */
    public List<PlannedPost> late() {
        return posts.stream().filter(p -> p.at().isBefore(plannedAt)).toList();
    }

    /** The publications still to come when planning ({@code at} at or after {@code plannedAt}). */
    public List<PlannedPost> upcoming() {
        return posts.stream().filter(p -> !p.at().isBefore(plannedAt)).toList();
    }

    /** The publication with this key. */
    public Optional<PlannedPost> post(String key) {
        return posts.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The publications on one account, in order: its thread when the show is threaded. */
    public List<PlannedPost> on(Account account) {
        return posts.stream().filter(p -> p.account().equals(account)).toList();
    }

    /**
     * What {@code post} replies to, given the publications made so far.
     *
     * <ul>
     *   <li>Not threaded, or the first cue on its account: nothing.</li>
     *   <li>The previous cue on the account was published: that one.</li>
     *   <li>It was not, with {@link Threading#THREAD_BRIDGING_GAPS}: the last cue published before
     *       {@code post} on that account; nothing if none was.</li>
     *   <li>It was not, with {@link Threading#THREAD_RESTARTING_AFTER_GAPS}: nothing; {@code post}
     *       starts a new thread, which the next cue continues.</li>
     * </ul>
     *
     * @param published the platform's reference of each publication made so far, by {@link PlannedPost#key()}
     */
    public Optional<PostRef> parentOf(PlannedPost post, Map<String, PostRef> published) {
        requireOwn(post);
        if (!threading.threads() || post.repliesTo().isEmpty()) {
            return Optional.empty();
        }
        PostRef previous = published.get(post.repliesTo().get());
        if (previous != null) {
            return Optional.of(previous);
        }
        if (threading == Threading.THREAD_RESTARTING_AFTER_GAPS) {
            return Optional.empty();
        }
        List<PlannedPost> thread = on(post.account());
        for (int i = thread.indexOf(post) - 1; i >= 0; i--) {
            PostRef ref = published.get(thread.get(i).key());
            if (ref != null) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    /**
     * The request that publishes {@code post}: a reply to {@link #parentOf(PlannedPost, Map)} when
     * there is one, else a stand-alone post; its idempotency key is {@link PlannedPost#key()}.
     *
     * @param published the platform's reference of each publication made so far, by {@link PlannedPost#key()}
     * @throws IllegalArgumentException if {@code post} is not part of this plan, or the parent's
     *                                  reference is for another platform
     */
    public PublishRequest requestFor(PlannedPost post, Map<String, PostRef> published) {
        Optional<PostRef> parent = parentOf(post, published);
        if (parent.isEmpty()) {
            return PublishRequest.now(post.variant(), post.key());
        }
        if (!parent.get().platform().equals(post.account().platform())) {
            throw new IllegalArgumentException("cannot reply on " + post.account().platform() + " to a post on "
                    + parent.get().platform() + " (" + parent.get().id() + ") for " + post.key());
        }
        return PublishRequest.reply(post.variant(), post.key(), parent.get());
    }

    private void requireOwn(PlannedPost post) {
        if (!posts.contains(post)) {
            throw new IllegalArgumentException("publication " + post.key() + " is not part of this plan");
        }
    }
}
