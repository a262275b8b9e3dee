package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * @param options how the publication on an account is keyed and threaded, by {@link Account#key()};
 *                an account without an entry uses {@link PublicationOptions#DEFAULT}
 */
public record ScheduledPost(Post post, List<Account> accounts, PostState state, Optional<Instant> scheduledAt,
                            List<Transition> history, long version, Map<String, PublicationOptions> options) {

    /** A post whose publications use the default options. */
    public ScheduledPost(Post post, List<Account> accounts, PostState state, Optional<Instant> scheduledAt,
                         List<Transition> history, long version) {
        this(post, accounts, state, scheduledAt, history, version, Map.of());
    }

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
        Objects.requireNonNull(options, "ScheduledPost.options");
        Map<String, PublicationOptions> kept = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, PublicationOptions> e : options.entrySet()) {
            Objects.requireNonNull(e.getValue(), "ScheduledPost.options value");
            if (!seen.contains(e.getKey())) {
                throw new IllegalArgumentException("post " + PostKey.of(post) + " has options for account " + e.getKey()
                        + ", which it does not go to");
            }
            Account account = accounts.stream().filter(a -> a.key().equals(e.getKey())).findFirst().orElseThrow();
            if (e.getValue().replyTo().orElse(null) instanceof ReplyTarget.ExistingPost existing
                    && !existing.ref().platform().equals(account.platform())) {
                throw new IllegalArgumentException("post " + PostKey.of(post) + " cannot reply on "
                        + account.platform().displayName() + " (" + account + ") to a post on "
                        + existing.ref().platform().displayName() + " (" + existing.ref().id() + ")");
            }
            if (!e.getValue().isDefault()) {
                kept.put(e.getKey(), e.getValue());
            }
            e.getValue().idempotencyKey().ifPresent(k -> {
                if (!keys.add(k)) {
                    throw new IllegalArgumentException("post " + PostKey.of(post) + " uses idempotency key " + k
                            + " for two accounts");
                }
            });
        }
        options = Collections.unmodifiableMap(kept);
    }

    /** How its publication on {@code account} is keyed and threaded. */
    public PublicationOptions optionsFor(Account account) {
        return options.getOrDefault(account.key(), PublicationOptions.DEFAULT);
    }

    /** A copy with other publication options (by account key), nothing else changed. */
    public ScheduledPost withOptions(Map<String, PublicationOptions> next) {
        return new ScheduledPost(post, accounts, state, scheduledAt, history, version, next);
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
        return new ScheduledPost(post, accounts, to, scheduledAt, next, version, options);
    }

    /** A copy with other content (same key), nothing else changed. */
    public ScheduledPost withPost(Post revised) {
        if (!PostKey.of(revised).equals(key())) {
            throw new IllegalArgumentException("revised post " + PostKey.of(revised) + " is not post " + key());
        }
        return new ScheduledPost(revised, accounts, state, scheduledAt, history, version, options);
    }

    /** A copy with another schedule time. */
    public ScheduledPost withScheduledAt(Optional<Instant> at) {
        return new ScheduledPost(post, accounts, state, at, history, version, options);
    }

    /** A copy with the version a store gives it. */
    public ScheduledPost withVersion(long newVersion) {
        return new ScheduledPost(post, accounts, state, scheduledAt, history, newVersion, options);
    }
}
