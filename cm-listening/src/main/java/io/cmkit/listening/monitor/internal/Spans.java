package io.cmkit.listening.monitor.internal;

import java.util.Arrays;

/** A growable list of token ranges {@code [start, end)}. */
final class Spans {

    private int[] data = new int[8];
    private int size;

    void add(int start, int end) {
        if (size * 2 == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size * 2] = start;
        data[size * 2 + 1] = end;
        size++;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return data[i * 2];
    }

    int end(int i) {
        return data[i * 2 + 1];
    }
}
