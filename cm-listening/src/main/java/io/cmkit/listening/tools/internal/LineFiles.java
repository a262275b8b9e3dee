package io.cmkit.listening.tools.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files of one item a line: texts, and 0/1/2 sentiment labels. */
public final class LineFiles {

    private LineFiles() {
    }

    /** Every line of a UTF-8 file, without its line end. */
    public static List<String> texts(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /**
     * Labels, one a line: 0 negative, 1 neutral, 2 positive.
     *
     * @throws IllegalArgumentException naming the file and line of a label that is not 0, 1 or 2
     */
    public static int[] labels(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int[] labels = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String label = lines.get(i).strip();
            if (!label.equals("0") && !label.equals("1") && !label.equals("2")) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": a label must be 0 (negative), 1 (neutral) or 2 (positive), got '" + label + "'");
            }
            labels[i] = label.charAt(0) - '0';
        }
        return labels;
    }

    /** Checks that texts and labels pair up line by line. */
    public static void requireSameLength(Path texts, int textCount, Path labels, int labelCount) {
        if (textCount != labelCount) {
            throw new IllegalArgumentException(texts + " has " + textCount + " lines but " + labels + " has "
                    + labelCount + "; they must pair up line by line");
        }
    }
}
