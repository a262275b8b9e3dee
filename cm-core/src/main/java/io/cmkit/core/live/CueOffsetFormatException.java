package io.cmkit.core.live;

import java.util.Objects;

/**
 * A cue offset written as text could not be read. The message quotes the text, says what was
 * expected and points at the column (1-based) where reading stopped:
 * {@code cue offset "T+1x" has an unknown unit 'x' at column 4 (expected d, h, m or s)}.
 */
public final class CueOffsetFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int column;
    private final String problem;

    /**
     * @param input the text as given
     * @param column the 1-based column the problem is at
     * @param problem what is wrong there, phrased to follow the quoted text
     */
    public CueOffsetFormatException(String input, int column, String problem) {
        super("cue offset \"" + input + "\" " + problem + " at column " + column);
        this.input = Objects.requireNonNull(input, "input");
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The text that could not be read. */
    public String input() {
        return input;
    }

    /** The 1-based column where reading stopped. */
    public int column() {
        return column;
    }

    /** What is wrong, without the text and the column. */
    public String problem() {
        return problem;
    }
}
