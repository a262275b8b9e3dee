package io.cmkit.core.spi;

import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import java.util.Optional;
import java.util.Set;

/**
 * Reading the comments under the account's posts and acting on them. A platform that cannot do
 * an operation leaves it out of {@link #supportedOperations()}, and calling it throws
 * {@link UnsupportedCapabilityException} saying why.
 */
public interface CommentModeration {

    /** The operations this platform allows. */
    Set<ModerationOperation> supportedOperations();

    /** Whether one operation is allowed. */
    default boolean supports(ModerationOperation operation) {
        return supportedOperations().contains(operation);
    }

    /**
     * Comments and replies under one of the account's posts, oldest first, from a stored cursor.
     * The last page's cursor is positioned after the newest comment, for the next poll.
     */
    Page<Interaction> comments(PostRef post, Optional<Cursor> from) throws ConnectorException;

    void hide(Interaction comment) throws ConnectorException;

    void unhide(Interaction comment) throws ConnectorException;

    void delete(Interaction comment) throws ConnectorException;

    /** Replies publicly as the brand; the idempotency key works as in {@link Publishing}. */
    PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException;

    void blockAuthor(Author author) throws ConnectorException;

    /** Reports the comment to the platform's moderators, with the reason shown to them. */
    void report(Interaction comment, String reason) throws ConnectorException;
}
