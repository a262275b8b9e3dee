package io.cmkit.core.inbox;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector for one account whose mentions and comments are lists the test fills. Cursors are
 * positions in those lists; pages hold {@link #pageSize} items. Faults queued with {@link #failNext}
 * are thrown by the next reads, one each. With {@link #forgetCursors} it ignores cursors and serves
 * every page from the start, as a platform whose cursor expired would.
 */
final class FakeFeeds implements Connector {

    private final Account account;
    private final List<Interaction> mentions = new ArrayList<>();
    private final Map<String, List<Interaction>> comments = new HashMap<>();
    private final Deque<ConnectorException> faults = new ArrayDeque<>();
    private final List<String> reads = new ArrayList<>();
    int pageSize = 2;
    boolean forgetCursors;
    private int sequence;

    FakeFeeds(Account account) {
        this.account = account;
    }

    /** A new mention by {@code handle}. */
    synchronized Interaction mention(String handle, String text, Instant at) {
        Interaction i = new Interaction(account.handle() + "-m" + (++sequence), account, Interaction.Kind.MENTION,
                Author.of("id-" + handle, handle), text, at, ThreadPosition.standalone(), Optional.of(Locale.ENGLISH),
                Optional.empty());
        mentions.add(i);
        return i;
    }

    /** A new comment under {@code postId}. */
    synchronized Interaction comment(String postId, String handle, String text, Instant at) {
        Interaction i = new Interaction(account.handle() + "-c" + (++sequence), account, Interaction.Kind.COMMENT,
                Author.of("id-" + handle, handle), text, at, ThreadPosition.replyToBrandPost(postId),
                Optional.of(Locale.ENGLISH), Optional.empty());
        comments.computeIfAbsent(postId, k -> new ArrayList<>()).add(i);
        return i;
    }

    /** Adds an interaction as given (a duplicate id, another account's...) to the mentions. */
    synchronized void addMention(Interaction i) {
        mentions.add(i);
    }

    synchronized void failNext(ConnectorException fault) {
        faults.add(fault);
    }

    /** What was read: {@code mentions@<cursor>} or {@code comments:<post>@<cursor>}. */
    synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    private synchronized Page<Interaction> page(String what, List<Interaction> list, Optional<Cursor> from)
            throws ConnectorException {
        reads.add(what + "@" + from.map(Cursor::value).orElse("start"));
        if (!faults.isEmpty()) {
            throw faults.poll();
        }
        int start = forgetCursors ? 0 : from.map(c -> Integer.parseInt(c.value())).orElse(0);
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
            public Page<Interaction> comments(PostRef post, Optional<Cursor> from) throws ConnectorException {
                List<Interaction> list;
                synchronized (FakeFeeds.this) {
                    list = comments.computeIfAbsent(post.id(), k -> new ArrayList<>());
                }
                return page("comments:" + post.id(), list, from);
            }

            @Override
            public void hide(Interaction comment) {
                throw new UnsupportedOperationException("not in this fake");
            }

            @Override
            public void unhide(Interaction comment) {
                throw new UnsupportedOperationException("not in this fake");
            }

            @Override
            public void delete(Interaction comment) {
                throw new UnsupportedOperationException("not in this fake");
            }

            @Override
            public PublishedPost reply(Interaction comment, String text, String idempotencyKey) {
                throw new UnsupportedOperationException("not in this fake");
            }

            @Override
            public void blockAuthor(Author author) {
                throw new UnsupportedOperationException("not in this fake");
            }

            @Override
            public void report(Interaction comment, String reason) {
                throw new UnsupportedOperationException("not in this fake");
            }
        });
    }
}
