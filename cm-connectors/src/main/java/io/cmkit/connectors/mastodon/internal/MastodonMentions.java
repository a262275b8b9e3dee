package io.cmkit.connectors.mastodon.internal;

import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Paging;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mentions from {@code GET /api/v1/notifications?types[]=mention}, oldest first. Mastodon pages
 * forward with {@code min_id} (the page immediately newer than it); the {@code Link} header's
 * {@code prev} link carries the next one. The first read starts at {@code min_id=0}, the oldest
 * notification the instance keeps.
 */
final class MastodonMentions implements MentionFeed {

    /** Notifications per page (Mastodon's maximum is 80). */
    static final int PAGE_SIZE = 40;
    static final Cursor OLDEST = Cursor.of("min_id=0");

    private final MastodonConnector connector;
    private final int pageSize;

    MastodonMentions(MastodonConnector connector) {
        this(connector, PAGE_SIZE);
    }

    MastodonMentions(MastodonConnector connector, int pageSize) {
        this.connector = connector;
        this.pageSize = pageSize;
    }

    /** One answer, read inside the attempt so an unreadable one is retried. */
    private record Read(List<MastodonJson.Notification> notifications, Optional<Cursor> prev) {
    }

    @Override
    public Page<Interaction> mentions(Optional<Cursor> from) throws ConnectorException {
        Optional<Cursor> start = Optional.of(from.orElse(OLDEST));
        ApiRequest request = Paging.resume(ApiRequest.get("/api/v1/notifications").query("types[]", "mention")
                .query("limit", pageSize), start);
        Read read = connector.api().send(request, r -> new Read(r.jsonList(MastodonJson.Notification.class),
                Paging.linkCursor(r, "prev", Set.of("min_id"))));
        List<MastodonJson.Notification> notifications = new ArrayList<>(read.notifications());
        notifications.removeIf(n -> n == null || n.id() == null || n.status() == null || n.status().id() == null
                || n.status().account() == null || (n.type() != null && !n.type().equals("mention")));
        notifications.sort((a, b) -> MastodonConnector.BY_ID.compare(a.id(), b.id()));
        String brandId = notifications.stream().anyMatch(n -> n.status().in_reply_to_account_id() != null)
                ? connector.ownAccountId() : "";
        List<Interaction> items = new ArrayList<>();
        for (MastodonJson.Notification n : notifications) {
            MastodonJson.Status s = n.status();
            ThreadPosition thread = s.in_reply_to_id() == null ? ThreadPosition.standalone()
                    : new ThreadPosition(Optional.empty(), Optional.of(s.in_reply_to_id()), 1,
                    brandId.equals(s.in_reply_to_account_id()));
            items.add(connector.interaction(s, Interaction.Kind.MENTION, thread));
        }
        Optional<Cursor> next = read.prev();
        if (next.isEmpty() && !notifications.isEmpty()) {
            next = Optional.of(Cursor.of("min_id=" + notifications.get(notifications.size() - 1).id()));
        }
        return Paging.feedPage(items, next, start);
    }
}
