package io.cmkit.moderation.tools.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Labelled comments read from a CSV file. */
public final class Dataset {

    /** One labelled comment; {@code group} is empty when no group column was named. */
    public record Example(String text, boolean positive, String group) {
    }

    private Dataset() {
    }

    /**
     * Reads a labelled CSV.
     *
     * @param positiveValue the label value that means positive (compared after trimming); every other value is negative
     */
    public static List<Example> load(Path file, String textColumn, String labelColumn, String positiveValue,
            Optional<String> groupColumn, TextDecoding decoding) throws IOException {
        Csv csv = Csv.read(file);
        int t = csv.column(textColumn);
        int l = csv.column(labelColumn);
        int g = groupColumn.map(csv::column).orElse(-1);
        List<Example> out = new ArrayList<>(csv.rows().size());
        for (List<String> row : csv.rows()) {
            String text = decoding.decode(Csv.cell(row, t));
            boolean positive = Csv.cell(row, l).strip().equals(positiveValue.strip());
            out.add(new Example(text, positive, g < 0 ? "" : Csv.cell(row, g)));
        }
        return out;
    }
}
