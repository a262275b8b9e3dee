package io.cmkit.moderation;

import java.util.List;
import java.util.stream.Collectors;

/** A rule file that cannot be used, with every problem found, each at its line and column. */
public final class RuleFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param line from 1 (0 when unknown)
     * @param column from 1 (0 when unknown)
     * @param path where in the document ({@code rules[2].when.regex})
     * @param message what is wrong, and how to fix it where that is clear
     */
    public record Problem(int line, int column, String path, String message) {
        @Override
        public String toString() {
            return line + ":" + column + (path.isEmpty() ? "" : " " + path) + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public RuleFileException(String source, List<Problem> problems) {
        super(source + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  " + source + ":" + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }
}
