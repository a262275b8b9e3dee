package io.cmkit.core.live;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A run of show cannot be built or planned as given. It lists every problem found, not only the
 * first, each naming the cue, platform and limit it concerns; nothing was built or changed.
 */
public final class RunOfShowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ShowProblem> problems;

    /**
     * @param eventName the event's name, for the message
     * @param problems what is wrong, at least one
     */
    public RunOfShowException(String eventName, List<ShowProblem> problems) {
        super("run of show for \"" + eventName + "\" has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:")
                + problems.stream().map(p -> "\n - " + p.message()).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the cues. */
    public List<ShowProblem> problems() {
        return problems;
    }
}
