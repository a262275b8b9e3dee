package io.cmkit.moderation;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connector for the inbox: the comments under the brand's posts and its mentions are lists the
 * test fills, served page by page from position cursors; acting on comments goes to a
 * {@link FakeCommentModeration}, which records the calls and supports what it is told.
 */
final class FeedConnector implements Connector {

    private final Account account;
    private final FakeCommentModeration actions;
    private final List<Interaction> comments = new ArrayList<>();
    private final List<Interaction> mentions = new ArrayList<>();

    FeedConnector(Account account, FakeCommentModeration actions) {
        this.account = account;
        this.actions = actions;
    }

    synchronized FeedConnector comment(Interaction i) {
        comments.add(i);
        return this;
    }

    synchronized FeedConnector mention(Interaction i) {
        mentions.add(i);
        return this;
    }

    private static synchronized Page<Interaction> page(List<Interaction> list, Optional<Cursor> from) {
        int start = from.map(c -> Integer.parseInt(c.value())).orElse(0);
        int end = Math.min(list.size(), start + 2);
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
        return Optional.of(from -> page(mentions, from));
    }

    @Override
    public Optional<CommentModeration> commentModeration() {
        return Optional.of(new CommentModeration() {
            @Override
            public Set<ModerationOperation> supportedOperations() {
                return actions.supportedOperations();
            }

            @Override
            public Page<Interaction> comments(PostRef post, Optional<Cursor> from) {
                return page(comments, from);
            }

            @Override
            public void hide(Interaction comment) throws ConnectorException {
                actions.hide(comment);
            }

            @Override
            public void unhide(Interaction comment) throws ConnectorException {
                actions.unhide(comment);
            }

            @Override
            public void delete(Interaction comment) throws ConnectorException {
                actions.delete(comment);
            }

            @Override
            public PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException {
                return actions.reply(comment, text, idempotencyKey);
            }

            @Override
            public void blockAuthor(Author author) throws ConnectorException {
                actions.blockAuthor(author);
            }

            @Override
            public void report(Interaction comment, String reason) throws ConnectorException {
                actions.report(comment, reason);
            }
        });
    }
}
