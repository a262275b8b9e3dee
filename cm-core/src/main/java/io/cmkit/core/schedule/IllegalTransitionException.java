package io.cmkit.core.schedule;

import java.util.stream.Collectors;

/**
 * An action was attempted on a post in a state that does not allow it; nothing was changed.
 * The message names the post, its state, the action and the states that allow it.
 */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final PostKey post;
    private final PostState current;
    private final PostAction attempted;

    public IllegalTransitionException(PostKey post, PostState current, PostAction attempted) {
        super("cannot " + attempted.name().toLowerCase(java.util.Locale.ROOT) + " post " + post + ": it is " + current
                + ", and " + attempted.name().toLowerCase(java.util.Locale.ROOT) + " is allowed only from "
                + (attempted.allowedFrom().isEmpty() ? "no state"
                : attempted.allowedFrom().stream().sorted().map(PostState::name).collect(Collectors.joining(", "))));
        this.post = post;
        this.current = current;
        this.attempted = attempted;
    }

    /** The post. */
    public PostKey post() {
        return post;
    }

    /** The state it is in, unchanged. */
    public PostState current() {
        return current;
    }

    /** What was attempted. */
    public PostAction attempted() {
        return attempted;
    }
}
