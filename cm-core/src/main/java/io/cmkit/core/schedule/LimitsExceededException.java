package io.cmkit.core.schedule;

import io.cmkit.core.spi.LimitViolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A post cannot be scheduled because variants break their platforms' limits; nothing was changed.
 * The message lists every violation with its platform, limit and excess
 * ({@link LimitViolation#message()}); {@link #violations()} gives them to code.
 */
public final class LimitsExceededException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final PostKey post;
    private final transient List<LimitViolation> violations;

    public LimitsExceededException(PostKey post, List<LimitViolation> violations) {
        super("post " + post + " cannot be scheduled: " + violations.size()
                + (violations.size() == 1 ? " limit exceeded: " : " limits exceeded: ")
                + violations.stream().map(LimitViolation::message).collect(Collectors.joining("; ")));
        this.post = post;
        this.violations = List.copyOf(violations);
    }

    /** The post. */
    public PostKey post() {
        return post;
    }

    /** Every limit broken, in the order of the post's accounts. */
    public List<LimitViolation> violations() {
        return violations;
    }
}
