package io.cmkit.core.testing;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A connector for one account whose mentions and comments (per brand post) are lists the test fills,
 * served oldest first as a platform's paginated feeds: cursors are positions in those lists, pages hold
 * {@link #pageSize(int)} items (2 unless told). Every read is recorded with the cursor it started from.
 * Faults queued with {@link #failNext} are thrown by the next reads, one each. With
 * {@link #forgetCursors()} it ignores cursors and serves every page from the start, as a platform whose
 * cursor expired would.
 *
 * <p>Acting on comments (hide, reply...) goes to the {@link #actions(CommentModeration)} the test gives;
 * without one, the feeds support no operation and every action throws.
 */
public final class FakeFeeds implements Connector {

    private final Account account;
    private final List<Interaction> mentions = new ArrayList<>();
    private final Map<String, List<Interaction>> comments = new HashMap<>();
    private final Deque<ConnectorException> faults = new ArrayDeque<>();
    private final List<String> reads = new ArrayList<>();
    private String idPrefix;
    private Locale language = Locale.ENGLISH;
    private CommentModeration actions = new NoActions();
    private int pageSize = 2;
    private boolean forgetCursors;
    private int sequence;

    /** Feeds of {@code account}; the interactions it makes have ids {@code <handle>-m1}, {@code <handle>-c2}... in English. */
    public FakeFeeds(Account account) {
        this.account = Objects.requireNonNull(account, "account");
        this.idPrefix = account.handle() + "-";
    }

    /** What the ids of the interactions made by {@link #mention} and {@link #comment} start with ({@code ""}: {@code m1}, {@code c2}...). */
    public synchronized FakeFeeds idPrefix(String prefix) {
        this.idPrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    /** The language of the comments made by {@link #comment}, and of mentions made without one (English unless told). */
    public synchronized FakeFeeds language(Locale language) {
        this.language = Objects.requireNonNull(language, "language");
        return this;
    }

    /** Where hide, delete, reply... go, and what operations the feeds' comment moderation supports. */
    public synchronized FakeFeeds actions(CommentModeration actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
        return this;
    }

    /** How many items a page holds from now on. */
    public synchronized FakeFeeds pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** From now on every page is served from the start, whatever cursor is given. */
    public synchronized FakeFeeds forgetCursors() {
        this.forgetCursors = true;
        return this;
    }

    /** A new mention by {@code handle}, in the feeds' language. */
    public synchronized Interaction mention(String handle, String text, Instant at) {
        return mention(handle, text, at, language);
    }

    /** A new mention by {@code handle}, in {@code language} ({@code null}: no language known). */
    public synchronized Interaction mention(String handle, String text, Instant at, Locale language) {
        Interaction i = new Interaction(idPrefix + "m" + (++sequence), account, Interaction.Kind.MENTION,
                Author.of("id-" + handle, handle), text, at, ThreadPosition.standalone(), Optional.ofNullable(language),
                Optional.empty());
        mentions.add(i);
        return i;
    }

    /** A new comment by {@code handle} under the brand's post {@code postId}, in the feeds' language. */
    public synchronized Interaction comment(String postId, String handle, String text, Instant at) {
        Interaction i = new Interaction(idPrefix + "c" + (++sequence), account, Interaction.Kind.COMMENT,
                Author.of("id-" + handle, handle), text, at, ThreadPosition.replyToBrandPost(postId),
                Optional.of(language), Optional.empty());
        addComment(postId, i);
        return i;
    }

    /** Adds an interaction as given (a duplicate id, another account's...) to the mentions. */
    public synchronized FakeFeeds addMention(Interaction i) {
        mentions.add(i);
        return this;
    }

    /** Adds an interaction as given to the comments under {@code postId}. */
    public synchronized FakeFeeds addComment(String postId, Interaction i) {
        comments.computeIfAbsent(postId, k -> new ArrayList<>()).add(i);
        return this;
    }

    /** The next read throws {@code fault} (after the ones queued before). */
    public synchronized FakeFeeds failNext(ConnectorException fault) {
        faults.add(fault);
        return this;
    }

    /** What was read: {@code mentions@<cursor>} or {@code comments:<post>@<cursor>}, {@code start} without a cursor. */
    public synchronized List<String> reads() {
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

    private synchronized CommentModeration actions() {
        return actions;
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
                return actions().supportedOperations();
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
            public void hide(Interaction comment) throws ConnectorException {
                actions().hide(comment);
            }

            @Override
            public void unhide(Interaction comment) throws ConnectorException {
                actions().unhide(comment);
            }

            @Override
            public void delete(Interaction comment) throws ConnectorException {
                actions().delete(comment);
            }

            @Override
            public PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException {
                return actions().reply(comment, text, idempotencyKey);
            }

            @Override
            public void blockAuthor(Author author) throws ConnectorException {
                actions().blockAuthor(author);
            }

            @Override
            public void report(Interaction comment, String reason) throws ConnectorException {
                actions().report(comment, reason);
            }
        });
    }

    /** The feeds' comment moderation when the test gave none: it supports nothing, and acting is a test bug. */
    private static final class NoActions implements CommentModeration {

        @Override
        public Set<ModerationOperation> supportedOperations() {
            return Set.of();
        }

        @Override
        public Page<Interaction> comments(PostRef post, Optional<Cursor> from) {
            throw new UnsupportedOperationException("the feeds serve comments themselves");
        }

        @Override
        public void hide(Interaction comment) {
            throw unsupported();
        }

        @Override
        public void unhide(Interaction comment) {
            throw unsupported();
        }

        @Override
        public void delete(Interaction comment) {
            throw unsupported();
        }

        @Override
        public PublishedPost reply(Interaction comment, String text, String idempotencyKey) {
            throw unsupported();
        }

        @Override
        public void blockAuthor(Author author) {
            throw unsupported();
        }

        @Override
        public void report(Interaction comment, String reason) {
            throw unsupported();
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("these feeds were given no actions (FakeFeeds.actions)");
        }
    }
}
