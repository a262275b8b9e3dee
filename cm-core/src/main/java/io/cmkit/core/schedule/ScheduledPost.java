package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A post under the approval workflow: its content, the accounts it goes to, its state, its
 * schedule time and its history. Stores version it for optimistic concurrency: every stored
 * change adds one to {@link #version()}.
 *
 * @param post the content, one variant per platform
 * @param accounts where it is published, each with a variant for its platform; one publication per account
 * @param state where it is in its life
 * @param scheduledAt the time it is to go out, once scheduled
 * @param history every transition, oldest first
 * @param version the store's version of this record; 0 before it is first stored
 */
public record ScheduledPost(Post post, List<Account> accounts, PostState state, Optional<Instant> scheduledAt,
                            List<Transition> history, long version) {

    public ScheduledPost {
        Objects.requireNonNull(post, "ScheduledPost.post");
        Objects.requireNonNull(accounts, "ScheduledPost.accounts");
        Objects.requireNonNull(state, "ScheduledPost.state");
        Objects.requireNonNull(scheduledAt, "ScheduledPost.scheduledAt");
        accounts = List.copyOf(accounts);
        history = List.copyOf(Objects.requireNonNull(history, "ScheduledPost.history"));
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("post " + PostKey.of(post) + " must go to at least one account");
        }
        Set<String> seen = new HashSet<>();
        for (Account account : accounts) {
            if (!seen.add(account.key())) {
                throw new IllegalArgumentException("post " + PostKey.of(post) + " lists account " + account + " twice");
            }
            if (post.variantFor(account.platform()).isEmpty()) {
                throw new IllegalArgumentException("post " + PostKey.of(post) + " has no variant for "
                        + account.platform().displayName() + ", needed by account " + account);
            }
        }
        if (version < 0) {
            throw new IllegalArgumentException("ScheduledPost.version must not be negative");
        }
    }

    /** A new draft, with its creation as the first history entry. */
    public static ScheduledPost draft(Post post, List<Account> accounts, String actor, Instant at) {
        return new ScheduledPost(post, accounts, PostState.DRAFT, Optional.empty(),
                List.of(new Transition(PostAction.CREATE, Optional.empty(), PostState.DRAFT, actor, at, Optional.empty())),
                0);
    }

    /** Its key in the store. */
    public PostKey key() {
        return PostKey.of(post);
    }

    /** The last history entry, if any. */
    public Optional<Transition> lastTransition() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /**
     * A copy moved to {@code to} with the transition appended; the version is kept (the store
     * sets the next one).
     */
    public ScheduledPost transition(PostAction action, PostState to, String actor, Instant at, Optional<String> comment) {
        List<Transition> next = new ArrayList<>(history);
        next.add(new Transition(action, Optional.of(state), to, actor, at, comment));
        return new ScheduledPost(post, accounts, to, scheduledAt, next, version);
    }

    /** A copy with other content (same key), nothing else changed. */
    public ScheduledPost withPost(Post revised) {
        if (!PostKey.of(revised).equals(key())) {
            throw new IllegalArgumentException("revised post " + PostKey.of(revised) + " is not post " + key());
        }
        return new ScheduledPost(revised, accounts, state, scheduledAt, history, version);
    }

    /** A copy with another schedule time. */
    public ScheduledPost withScheduledAt(Optional<Instant> at) {
        return new ScheduledPost(post, accounts, state, at, history, version);
    }

    /** A copy with the version a store gives it. */
    public ScheduledPost withVersion(long newVersion) {
        return new ScheduledPost(post, accounts, state, scheduledAt, history, newVersion);
    }
}
