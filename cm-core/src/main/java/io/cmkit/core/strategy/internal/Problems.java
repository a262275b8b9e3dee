package io.cmkit.core.strategy.internal;

import io.cmkit.core.strategy.BrandKitException;
import io.cmkit.core.strategy.BrandKitException.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of one document, collected as they are found.
 *
 * <p>Most problems mean a value could not be read, so the record holding it cannot be built:
 * those are counted by {@link #blocking()}, and the mapper builds a record only when reading its
 * fields added none. A few problems leave every value readable (an unknown key, a duplicate key
 * whose first value is kept, a YAML tag): they are reported without blocking, so the rest of the
 * record is still checked.
 */
final class Problems {

    private final String source;
    private final List<Problem> found = new ArrayList<>();
    private int blocking;

    Problems(String source) {
        this.source = source;
    }

    /** A value could not be read or breaks a rule. */
    void add(String path, Mark mark, String message) {
        found.add(new Problem(source, path, mark.line(), mark.column(), message));
        blocking++;
    }

    /** A value could not be read or breaks a rule. */
    void add(Node node, String message) {
        add(node.path(), node.mark(), message);
    }

    /** Something is wrong, but every value around it can still be read and checked. */
    void note(String path, Mark mark, String message) {
        found.add(new Problem(source, path, mark.line(), mark.column(), message));
    }

    /** How many blocking problems so far: compare before and after reading a record's fields. */
    int blocking() {
        return blocking;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in document order (line, then column; those without position first). */
    BrandKitException toException() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return new BrandKitException(sorted);
    }

    void throwIfAny() throws BrandKitException {
        if (!found.isEmpty()) {
            throw toException();
        }
    }

    static BrandKitException single(String source, String message) {
        return new BrandKitException(List.of(new Problem(source, "", 0, 0, message)));
    }
}
