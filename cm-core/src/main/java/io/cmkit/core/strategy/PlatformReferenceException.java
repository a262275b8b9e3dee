package io.cmkit.core.strategy;

import java.util.Objects;

/**
 * A platform reference table is malformed. The message names the file, the line and, where one
 * cell is at fault, the 1-based column ({@code "custom.csv, line 12, column 4: '7O' for coffee on 'x'
 * is not a percentage from 0 to 100 ..."}); the same facts are available to code. Nothing is
 * loaded when this is thrown.
 */
public final class PlatformReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source the name of the table, usually its file name
     * @param line 1-based line number; 0 when the problem is with the table as a whole
     * @param column 1-based cell number on that line; 0 when the problem is with the whole line
     * @param problem what is wrong, as a sentence
     */
    public PlatformReferenceException(String source, int line, int column, String problem) {
        super(message(source, line, column, problem));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String message(String source, int line, int column, String problem) {
        StringBuilder out = new StringBuilder(String.valueOf(source));
        if (line > 0) {
            out.append(", line ").append(line);
            if (column > 0) {
                out.append(", column ").append(column);
            }
        }
        return out.append(": ").append(problem).toString();
    }

    /** The name of the table, usually its file name. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault; 0 when the problem is with the table as a whole. */
    public int line() {
        return line;
    }

    /** The 1-based cell at fault on that line; 0 when the problem is with the whole line. */
    public int column() {
        return column;
    }

    /** The problem alone, without the place. */
    public String problem() {
        return problem;
    }
}
