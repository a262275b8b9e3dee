package io.cmkit.listening.inbox;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector for one account (cm-listening may not use cm-connectors' sandbox): its mentions and
 * the comments under its posts are lists the test fills, served oldest first in pages of
 * {@link #pageSize} from position cursors, as a platform's paginated feed. Reads are recorded with
 * the cursor they started from. Acting on comments is not part of listening and throws.
 */
final class FakeFeeds implements Connector {

    private final Account account;
    private final List<Interaction> mentions = new ArrayList<>();
    private final Map<String, List<Interaction>> comments = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private int sequence;
    int pageSize = 2;

    FakeFeeds(Account account) {
        this.account = account;
    }

    /** A new mention by {@code handle}, in {@code language}. */
    synchronized Interaction mention(String handle, String text, Instant at, Locale language) {
        Interaction i = new Interaction("m" + (++sequence), account, Interaction.Kind.MENTION, Author.of("id-" + handle, handle),
                text, at, ThreadPosition.standalone(), Optional.ofNullable(language), Optional.empty());
        mentions.add(i);
        return i;
    }

    /** A new comment under the brand's post {@code postId}. */
    synchronized Interaction comment(String postId, String handle, String text, Instant at) {
        Interaction i = new Interaction("c" + (++sequence), account, Interaction.Kind.COMMENT, Author.of("id-" + handle, handle),
                text, at, ThreadPosition.replyToBrandPost(postId), Optional.of(Locale.FRENCH), Optional.empty());
        comments.computeIfAbsent(postId, k -> new ArrayList<>()).add(i);
        return i;
    }

    /** What was read: {@code mentions@<cursor>} or {@code comments:<post>@<cursor>}. */
    synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    private synchronized Page<Interaction> page(String what, List<Interaction> list, Optional<Cursor> from) {
        reads.add(what + "@" + from.map(Cursor::value).orElse("start"));
        int start = from.map(c -> Integer.parseInt(c.value())).orElse(0);
        int end = Math.min(list.size(), start + pageSize);
        return Page.of(List.copyOf(list.subList(start, end)), Cursor.of(String.valueOf(end)));
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public PlatformLimits limits() {
        return PlatformLimits.defaultsFor(account.platform());
    }

    @Override
    public Optional<MentionFeed> mentionFeed() {
        return Optional.of(from -> page("mentions", mentions, from));
    }

    @Override
    public Optional<CommentModeration> commentModeration() {
        return Optional.of(new CommentModeration() {
            @Override
            public Set<ModerationOperation> supportedOperations() {
                return Set.of();
            }

            @Override
            public Page<Interaction> comments(PostRef post, Optional<Cursor> from) {
                List<Interaction> list;
                synchronized (FakeFeeds.this) {
                    list = comments.computeIfAbsent(post.id(), k -> new ArrayList<>());
                }
                return page("comments:" + post.id(), list, from);
            }

            @Override
            public void hide(Interaction comment) {
                throw new UnsupportedOperationException("listening does not moderate");
            }

            @Override
            public void unhide(Interaction comment) {
                throw new UnsupportedOperationException("listening does not moderate");
            }

            @Override
            public void delete(Interaction comment) {
                throw new UnsupportedOperationException("listening does not moderate");
            }

            @Override
            public PublishedPost reply(Interaction comment, String text, String idempotencyKey) {
                throw new UnsupportedOperationException("listening does not moderate");
            }

            @Override
            public void blockAuthor(Author author) {
                throw new UnsupportedOperationException("listening does not moderate");
            }

            @Override
            public void report(Interaction comment, String reason) {
                throw new UnsupportedOperationException("listening does not moderate");
            }
        });
    }
}
