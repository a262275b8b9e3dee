package io.cmkit.core.live;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.PostVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One timed publication of a live plan: a cue's variant on one account, at one instant.
 *
 * <p>This is what a scheduler takes: publish {@code variant} on {@code account} at {@code at} with
 * {@code key} as idempotency key; when {@code repliesTo} is present, build the request at dispatch
 * time with {@link LivePlan#requestFor(PlannedPost, java.util.Map)} so that it replies to what was
 * actually published.
 *
 * @param key the idempotency key, {@code live:<event id>:<offset>:<account key>}; stable when the
 *            event moves, unique in the plan
 * @param cueIndex the 0-based index of its cue in the run of show
 * @param label its cue's label, if any
 * @param offset its cue's offset
 * @param at when it goes out: the event's start plus the offset
 * @param account where it goes out
 * @param variant what goes out
 * @param repliesTo the key of the publication it replies to (the previous cue on the same account)
 *                  when the show is threaded; empty for the first cue of each account or when not
 */
public record PlannedPost(String key, int cueIndex, Optional<String> label, CueOffset offset, Instant at,
                          Account account, PostVariant variant, Optional<String> repliesTo) {

    public PlannedPost {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(repliesTo, "repliesTo");
        if (!variant.platform().equals(account.platform())) {
            throw new IllegalArgumentException("PlannedPost " + key + ": variant is for " + variant.platform()
                    + ", account is on " + account.platform());
        }
    }

    /** When it goes out, on the wall clock of a time zone. */
    public ZonedDateTime localAt(ZoneId zone) {
        return at.atZone(zone);
    }
}
