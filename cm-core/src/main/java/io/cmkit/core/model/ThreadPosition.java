package io.cmkit.core.model;

import java.util.Optional;

/**
 * Where an interaction sits in a conversation.
 *
 * @param rootId the platform id of the post that started the thread, if it is in one and the
 *               platform says; at depth 1 it is the parent, deeper it never is
 * @param parentId the platform id of what it answers directly, if anything; required from depth 1
 * @param depth 0 for a stand-alone post, 1 for a direct reply to the root, and so on
 * @param replyToBrand whether the parent was written by the brand's own account
 */
public record ThreadPosition(Optional<String> rootId, Optional<String> parentId, int depth, boolean replyToBrand) {

    public ThreadPosition {
        Checks.optional("ThreadPosition", "rootId", rootId);
        Checks.optional("ThreadPosition", "parentId", parentId);
        if (rootId.filter(String::isBlank).isPresent()) {
            throw new InvalidModelException("ThreadPosition", "rootId", "must not be blank");
        }
        if (parentId.filter(String::isBlank).isPresent()) {
            throw new InvalidModelException("ThreadPosition", "parentId", "must not be blank");
        }
        if (depth < 0) {
            throw new InvalidModelException("ThreadPosition", "depth", "must not be negative (got " + depth + ")");
        }
        if (depth == 0 && (parentId.isPresent() || replyToBrand)) {
            throw new InvalidModelException("ThreadPosition", "depth",
                    "must be at least 1 for an interaction that replies to something");
        }
        if (depth > 0 && parentId.isEmpty()) {
            throw new InvalidModelException("ThreadPosition", "parentId",
                    "is required when depth is " + depth);
        }
        // At depth 1 the parent is the root; deeper, it never is.
        if (depth == 1 && rootId.isPresent() && !rootId.equals(parentId)) {
            throw new InvalidModelException("ThreadPosition", "depth",
                    "must be more than 1 when parentId '" + parentId.get() + "' is not rootId '" + rootId.get() + "'");
        }
        if (depth > 1 && rootId.isPresent() && rootId.equals(parentId)) {
            throw new InvalidModelException("ThreadPosition", "depth",
                    "must be 1 when parentId is rootId '" + rootId.get() + "' (got " + depth + ")");
        }
    }

    /** Not part of any thread: a mention in a post of its own. */
    public static ThreadPosition standalone() {
        return new ThreadPosition(Optional.empty(), Optional.empty(), 0, false);
    }

    /** A direct reply to a post of the brand's. */
    public static ThreadPosition replyToBrandPost(String postId) {
        return new ThreadPosition(Optional.of(postId), Optional.of(postId), 1, true);
    }
}
