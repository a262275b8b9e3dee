package io.cmkit.core.calendar;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A post planned on one of the brand's accounts at one moment.
 *
 * @param id {@code postId/account-key}, e.g. {@code "p-42/mastodon:cafelumiere@piaille.fr"}: a post
 *           is on the calendar at most once per account
 * @param post the post
 * @param account the account it goes out on; the post has a variant for its platform
 * @param start when it goes out, in the brand's time zone
 * @param placement whether it was queued into a slot or placed at a chosen time
 */
public record CalendarEntry(String id, Post post, Account account, ZonedDateTime start, Placement placement)
        implements Comparable<CalendarEntry> {

    /** How an entry got its time. */
    public enum Placement {
        /** Queued into the next free slot of the platform's plan. */
        QUEUED,
        /** Placed or moved to a chosen time, which need not be a slot. */
        FIXED
    }

    public CalendarEntry {
        Objects.requireNonNull(id, "CalendarEntry.id");
        Objects.requireNonNull(post, "CalendarEntry.post");
        Objects.requireNonNull(account, "CalendarEntry.account");
        Objects.requireNonNull(start, "CalendarEntry.start");
        Objects.requireNonNull(placement, "CalendarEntry.placement");
        if (!id.equals(idOf(post, account))) {
            throw new CalendarException("entry id '" + id + "' must be '" + idOf(post, account)
                    + "' (post id / account key)");
        }
        if (post.variantFor(account.platform()).isEmpty()) {
            throw new CalendarException("post '" + post.id() + "' has no variant for "
                    + account.platform().displayName() + " (account " + account + ")");
        }
    }

    /** The entry id a post gets on an account. */
    public static String idOf(Post post, Account account) {
        return post.id() + "/" + account.key();
    }

    /** The platform of the account. */
    public Platform platform() {
        return account.platform();
    }

    /** The variant that goes out: the post's variant for the account's platform. */
    public PostVariant variant() {
        return post.variantFor(account.platform()).orElseThrow();
    }

    /** The instant it goes out. */
    public Instant instant() {
        return start.toInstant();
    }

    /** By instant, then id. */
    @Override
    public int compareTo(CalendarEntry other) {
        int byInstant = instant().compareTo(other.instant());
        return byInstant != 0 ? byInstant : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id + " at " + start;
    }
}
