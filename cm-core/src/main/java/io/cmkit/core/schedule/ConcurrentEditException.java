package io.cmkit.core.schedule;

/**
 * A stored post changed since it was read (someone else edited it, or a scheduler started
 * publishing it), so the change was not applied. Read it again and decide anew.
 */
public final class ConcurrentEditException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final PostKey post;

    public ConcurrentEditException(PostKey post, String message) {
        super("post " + post + ": " + message);
        this.post = post;
    }

    /** The post that changed. */
    public PostKey post() {
        return post;
    }
}
