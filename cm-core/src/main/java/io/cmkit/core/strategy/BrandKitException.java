package io.cmkit.core.strategy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A brand kit could not be loaded. It carries every problem found in the file, not only the
 * first, each with where it is; the message lists them one per line, like a compiler:
 *
 * <pre>
 * cafe-lumiere.yaml:12:21: objectives[0].targets[1].target: must not be negative (got -3.0)
 * cafe-lumiere.yaml:40:3: editorial_line.pillars: target shares must add up to 100% (got 95%)
 * </pre>
 */
public final class BrandKitException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong with a brand kit.
     *
     * @param source the name of the kit, as given to the loader (a file path or a caller's label)
     * @param path where in the document, as keys and list indices: {@code brand.accounts[2].handle};
     *             empty when the problem concerns the whole file (unreadable, not YAML)
     * @param line the 1-based line of the offending node; 0 when the problem has no position
     * @param column the 1-based column of the offending node; 0 when the problem has no position
     * @param message what is wrong, phrased for the person editing the file
     */
    public record Problem(String source, String path, int line, int column, String message)
            implements Serializable {

        public Problem {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
            if (line < 0 || column < 0) {
                throw new IllegalArgumentException("line and column must not be negative");
            }
        }

        /** {@code source:line:column: path: message}; position and path are left out when unknown. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(source);
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
            if (!path.isEmpty()) {
                out.append(path).append(": ");
            }
            return out.append(message).toString();
        }
    }

    private final List<Problem> problems;

    /**
     * @param problems what is wrong, at least one; kept in the given order
     */
    public BrandKitException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a BrandKitException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /** Every problem found, in document order (by line, then column). */
    public List<Problem> problems() {
        return problems;
    }
}
