package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A café brand in Lyon posting to Mastodon and Bluesky. */
final class Samples {

    private Samples() {
    }

    static final String BRAND = "cafe-lumiere";
    static final Account MASTODON = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    static Post post(String id) {
        return new Post(id, BRAND, Optional.of("coffee education"), Optional.empty(), List.of(
                PostVariant.text(Platform.MASTODON, "Notre latte du lundi ☕ " + id),
                PostVariant.text(Platform.BLUESKY, "Latte du lundi ☕ " + id)));
    }

    static Post mastodonOnly(String id, String text) {
        return new Post(id, BRAND, Optional.empty(), Optional.empty(),
                List.of(PostVariant.text(Platform.MASTODON, text)));
    }

    static PostKey key(String id) {
        return new PostKey(BRAND, id);
    }

    static ScheduledPost draft(String id) {
        return ScheduledPost.draft(post(id), List.of(MASTODON, BLUESKY), "camille", T0);
    }

    /** A stored SCHEDULED post with one PENDING publication per account due at {@code dueAt}. */
    static ScheduledPost scheduled(ScheduleStore store, String id, Instant dueAt) {
        return scheduleApproved(store, store.insert(draft(id)), dueAt);
    }

    /** {@code stored} (as stored) moved to SCHEDULED with one PENDING publication per account due at {@code dueAt}. */
    static ScheduledPost scheduleApproved(ScheduleStore store, ScheduledPost stored, Instant dueAt) {
        ScheduledPost next = stored.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "camille", T0, Optional.empty())
                .withScheduledAt(Optional.of(dueAt));
        List<Publication> pubs = stored.accounts().stream()
                .map(a -> Publication.pending(stored.key(), a, stored.post().variantFor(a.platform()).orElseThrow(),
                        dueAt, T0))
                .toList();
        return store.update(next, stored.version(), Optional.of(pubs));
    }
}
