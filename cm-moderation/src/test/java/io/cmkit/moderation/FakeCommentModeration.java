package io.cmkit.moderation;

import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.UnsupportedCapabilityException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A platform in memory that records calls, supports what it is told, and fails when asked to. */
final class FakeCommentModeration implements CommentModeration {

    private final Platform platform;
    private final Set<ModerationOperation> supported;
    final List<String> calls = new ArrayList<>();
    private ModerationOperation failing;

    FakeCommentModeration(Platform platform, Set<ModerationOperation> supported) {
        this.platform = platform;
        this.supported = supported.isEmpty() ? EnumSet.noneOf(ModerationOperation.class) : EnumSet.copyOf(supported);
    }

    /** Mastodon's moderation: no hiding a reply, no deleting others' posts. */
    static FakeCommentModeration mastodonLike() {
        return new FakeCommentModeration(Platform.MASTODON, EnumSet.of(ModerationOperation.REPLY,
                ModerationOperation.BLOCK_AUTHOR, ModerationOperation.REPORT));
    }

    static FakeCommentModeration everything(Platform platform) {
        return new FakeCommentModeration(platform, EnumSet.allOf(ModerationOperation.class));
    }

    FakeCommentModeration failing(ModerationOperation op) {
        this.failing = op;
        return this;
    }

    @Override
    public Set<ModerationOperation> supportedOperations() {
        return supported;
    }

    private void call(ModerationOperation op, String what) throws ConnectorException {
        if (!supported.contains(op)) {
            throw new UnsupportedCapabilityException(platform, op.name().toLowerCase(), "not offered");
        }
        if (op == failing) {
            throw new RejectedException(platform, "the platform refused", Optional.of("Record not found"));
        }
        calls.add(what);
    }

    @Override
    public Page<Interaction> comments(PostRef post, Optional<Cursor> from) {
        return Page.last(List.of());
    }

    @Override
    public void hide(Interaction comment) throws ConnectorException {
        call(ModerationOperation.HIDE, "hide " + comment.id());
    }

    @Override
    public void unhide(Interaction comment) throws ConnectorException {
        call(ModerationOperation.UNHIDE, "unhide " + comment.id());
    }

    @Override
    public void delete(Interaction comment) throws ConnectorException {
        call(ModerationOperation.DELETE, "delete " + comment.id());
    }

    @Override
    public PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException {
        call(ModerationOperation.REPLY, "reply " + comment.id() + " " + text);
        return new PublishedPost(new PostRef(platform, "reply-" + comment.id(), Optional.empty(), Optional.empty()),
                Comments.NOW, idempotencyKey);
    }

    @Override
    public void blockAuthor(Author author) throws ConnectorException {
        call(ModerationOperation.BLOCK_AUTHOR, "block " + author.id());
    }

    @Override
    public void report(Interaction comment, String reason) throws ConnectorException {
        call(ModerationOperation.REPORT, "report " + comment.id());
    }
}
