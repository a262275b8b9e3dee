package io.cmkit.core.strategy.internal;

import java.util.List;
import java.util.Optional;

/**
 * A node of a parsed YAML document that remembers where it is: its path from the root
 * ({@code objectives[0].targets[1]}) and its position. A mapping or list that is the value of a
 * key is placed at that key, since that is where a reader looks for it; a scalar is placed at
 * the value itself.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence, Node.Broken {

    /** Where the node is in the document. */
    Mark mark();

    /** The node's path from the root; empty for the root. */
    String path();

    /** The path of a mapping's entry. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of a list's item. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** How YAML resolved a plain scalar; a quoted scalar is always {@link #STRING}. */
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    /**
     * A scalar, with its text exactly as written (so {@code NO} stays "NO" and {@code 8:30}
     * stays "8:30", whatever YAML 1.1 would make of them).
     *
     * @param number the numeric value when YAML read a number and it could be converted; otherwise null
     */
    record Scalar(Mark mark, String path, String text, Kind kind, Double number) implements Node {

        /** {@code key:}, {@code key: ~}, {@code key: null} and {@code key: ""} are all empty. */
        boolean isEmpty() {
            return kind == Kind.NULL || text.isEmpty();
        }
    }

    /** One {@code key: value} of a mapping, with the key's position. */
    record Entry(String key, Mark keyMark, Node value) {
    }

    /** A mapping, its entries in document order, without duplicate keys. */
    record Mapping(Mark mark, String path, List<Entry> entries) implements Node {

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    /** A list. */
    record Sequence(Mark mark, String path, List<Node> items) implements Node {
    }

    /** A node that could not be read and has already been reported (an alias, for one). */
    record Broken(Mark mark, String path) implements Node {
    }
}
