package io.cmkit.connectors.mastodon.internal;

import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Comment moderation on Mastodon. Comments are the descendants of a status
 * ({@code GET /api/v1/statuses/:id/context}). Mastodon has no way to hide a reply under a post:
 * the brand can delete its own replies, reply, report a reply to the instance's moderators and
 * block its author.
 */
final class MastodonModeration implements CommentModeration {

    /** Comments handed out per page. */
    static final int PAGE_SIZE = 40;
    /** The cursor of a comment read: the id of the newest comment already handed out. */
    static final String AFTER = "after=";
    static final String CANNOT_HIDE = "Mastodon has no way to hide a reply under a post."
            + " Report it to the instance's moderators (REPORT), block its author (BLOCK_AUTHOR),"
            + " or delete it if the brand wrote it (DELETE)";

    private final MastodonConnector connector;

    MastodonModeration(MastodonConnector connector) {
        this.connector = connector;
    }

    @Override
    public Set<ModerationOperation> supportedOperations() {
        return Set.copyOf(EnumSet.of(ModerationOperation.DELETE, ModerationOperation.REPLY,
                ModerationOperation.REPORT, ModerationOperation.BLOCK_AUTHOR));
    }

    /**
     * The descendants of the post, oldest first, after the cursor's comment. Mastodon answers a
     * thread's context whole, without paging: the cursor is the id of the newest comment handed
     * out ({@code after=113...}), so a later read returns only the comments that came since. Every
     * page has a cursor; an empty page means nothing new.
     */
    @Override
    public Page<Interaction> comments(PostRef post, Optional<Cursor> from) throws ConnectorException {
        Optional<String> after = from.map(Cursor::value).map(v -> v.startsWith(AFTER) ? v.substring(AFTER.length()) : v)
                .filter(v -> !v.isBlank());
        MastodonJson.Context context = connector.api().send(ApiRequest.get("/api/v1/statuses/" + post.id() + "/context"),
                MastodonJson.Context.class);
        List<MastodonJson.Status> descendants = new ArrayList<>(context == null || context.descendants() == null
                ? List.of() : context.descendants());
        descendants.removeIf(s -> s == null || s.id() == null || s.account() == null);
        descendants.sort((a, b) -> MastodonConnector.BY_ID.compare(a.id(), b.id()));
        Map<String, MastodonJson.Status> byId = new HashMap<>();
        descendants.forEach(s -> byId.put(s.id(), s));
        String brandId = descendants.stream().anyMatch(s -> s.in_reply_to_account_id() != null)
                ? connector.ownAccountId() : "";
        Map<String, Integer> depths = new LinkedHashMap<>();
        List<Interaction> items = new ArrayList<>();
        for (MastodonJson.Status s : descendants) {
            int depth = depth(s, post.id(), byId, depths);
            if (after.isPresent() && MastodonConnector.BY_ID.compare(s.id(), after.get()) <= 0) {
                continue;
            }
            if (items.size() == PAGE_SIZE) {
                break;
            }
            String parent = s.in_reply_to_id() == null ? post.id() : s.in_reply_to_id();
            ThreadPosition thread = new ThreadPosition(Optional.of(post.id()), Optional.of(parent), depth,
                    brandId.equals(s.in_reply_to_account_id()));
            items.add(connector.interaction(s, depth == 1 ? Interaction.Kind.COMMENT : Interaction.Kind.REPLY, thread));
        }
        String next = items.isEmpty() ? after.orElse("0") : items.get(items.size() - 1).id();
        return Page.of(items, Cursor.of(AFTER + next));
    }

    /** 1 for a direct reply to the post, one more per reply in between; a broken chain counts as 2. */
    private static int depth(MastodonJson.Status s, String rootId, Map<String, MastodonJson.Status> byId,
                             Map<String, Integer> depths) {
        Integer known = depths.get(s.id());
        if (known != null) {
            return known;
        }
        int depth;
        String parent = s.in_reply_to_id();
        if (parent == null || parent.equals(rootId)) {
            depth = 1;
        } else if (byId.containsKey(parent) && !parent.equals(s.id()) && depths.size() <= byId.size()) {
            depths.put(s.id(), 2); // guards against a cycle while the parent is resolved
            depth = depth(byId.get(parent), rootId, byId, depths) + 1;
        } else {
            depth = 2;
        }
        depths.put(s.id(), depth);
        return depth;
    }

    @Override
    public void hide(Interaction comment) {
        throw new UnsupportedCapabilityException(MastodonConnector.MASTODON, "hide a reply", CANNOT_HIDE);
    }

    @Override
    public void unhide(Interaction comment) {
        throw new UnsupportedCapabilityException(MastodonConnector.MASTODON, "unhide a reply",
                "Mastodon never hides replies, so there is nothing to show again");
    }

    /**
     * Deletes a reply the brand wrote. Someone else's reply cannot be deleted by the brand on
     * Mastodon (only by the instance's moderators): that is an {@link UnsupportedCapabilityException}
     * saying to report or block instead.
     */
    @Override
    public void delete(Interaction comment) throws ConnectorException {
        String own = connector.ownAccountId();
        if (!own.equals(comment.author().id())) {
            throw new UnsupportedCapabilityException(MastodonConnector.MASTODON, "delete a reply by @"
                    + comment.author().handle(), "on Mastodon the brand can delete only its own replies;"
                    + " report this one to the instance's moderators (REPORT) or block its author (BLOCK_AUTHOR)");
        }
        MastodonPublishing.deleteIgnoringGone(connector, "/api/v1/statuses/" + comment.id());
    }

    /** Replies as the brand, addressed to the comment's author, with the key as {@code Idempotency-Key}. */
    @Override
    public PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException {
        String mention = "@" + comment.author().handle();
        String addressed = text.contains(mention) ? text : mention + " " + text;
        PostRef parent = new PostRef(MastodonConnector.MASTODON, comment.id(), Optional.empty(), comment.url());
        return connector.require(io.cmkit.core.spi.Publishing.class).publish(PublishRequest.reply(
                PostVariant.text(MastodonConnector.MASTODON, addressed), idempotencyKey, parent));
    }

    /** {@code POST /api/v1/accounts/:id/block}. */
    @Override
    public void blockAuthor(Author author) throws ConnectorException {
        connector.api().send(ApiRequest.post("/api/v1/accounts/" + author.id() + "/block").idempotent());
    }

    /** {@code POST /api/v1/reports} with the comment's status and the reason (at most 1,000 characters). */
    @Override
    public void report(Interaction comment, String reason) throws ConnectorException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_id", comment.author().id());
        body.put("status_ids", List.of(comment.id()));
        String text = reason.strip();
        if (text.codePointCount(0, text.length()) > 1000) {
            text = text.substring(0, text.offsetByCodePoints(0, 999)) + "…";
        }
        body.put("comment", text);
        body.put("category", "other");
        connector.api().send(ApiRequest.post("/api/v1/reports").jsonBody(body));
    }
}
