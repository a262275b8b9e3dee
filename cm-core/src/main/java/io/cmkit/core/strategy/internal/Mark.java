package io.cmkit.core.strategy.internal;

/**
 * A position in the document, 1-based; {@link #NONE} when there is none.
 *
 * @param line the line, from 1
 * @param column the column, from 1, counted in characters
 */
record Mark(int line, int column) {

    static final Mark NONE = new Mark(0, 0);
    static final Mark START = new Mark(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
