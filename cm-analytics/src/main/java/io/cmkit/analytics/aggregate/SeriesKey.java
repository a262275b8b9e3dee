package io.cmkit.analytics.aggregate;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.MetricSnapshot;
import java.util.Objects;
import java.util.Optional;

/**
 * One series of cumulative counters: an account's own counters (followers) or one of its posts'.
 *
 * @param account the brand's account
 * @param postId the platform id of the post; empty for the account's own counters
 */
public record SeriesKey(Account account, Optional<String> postId) {

    public SeriesKey {
        Objects.requireNonNull(account, "SeriesKey.account");
        Objects.requireNonNull(postId, "SeriesKey.postId");
    }

    /** The series of a post. */
    public static SeriesKey post(Account account, String postId) {
        return new SeriesKey(account, Optional.of(postId));
    }

    /** The account's own series. */
    public static SeriesKey account(Account account) {
        return new SeriesKey(account, Optional.empty());
    }

    /** The series a snapshot belongs to. */
    public static SeriesKey of(MetricSnapshot snapshot) {
        return new SeriesKey(snapshot.account(), snapshot.postId());
    }

    /** Whether this is a post's series (counters start at zero when the post is published). */
    public boolean isPost() {
        return postId.isPresent();
    }

    @Override
    public String toString() {
        return account.key() + postId.map(p -> "/" + p).orElse("");
    }
}
