package io.cmkit.listening.sentiment.internal;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A valence table read from a lexicon file: {@code entry valence} per line, {@code #} comments,
 * and optional {@code @thresholds <language> <negativeBelow> <positiveAbove>} directives (written by
 * the lexicon derivation). Entries are stored normalised the way words are looked up.
 */
public final class Lexicon {

    /** How words and entries are normalised: case, accents and NFKC; repeats are handled by the look-up. */
    public static final TextNormalizer NORMALIZER =
            TextNormalizer.of(NormalizationOptions.TEXT_SEARCH.withCollapseRepeats(false));

    private final Map<String, Double> valences;
    private final Map<String, double[]> thresholds;

    public Lexicon(Map<String, Double> valences, Map<String, double[]> thresholds) {
        this.valences = Map.copyOf(valences);
        this.thresholds = Map.copyOf(thresholds);
    }

    /** The valence of a normalised entry, or null. */
    public Double valence(String normalised) {
        return valences.get(normalised);
    }

    public Map<String, Double> valences() {
        return valences;
    }

    /** The {@code @thresholds} directive for a language code, as {negativeBelow, positiveAbove}. */
    public Optional<double[]> thresholds(String languageCode) {
        return Optional.ofNullable(thresholds.get(languageCode)).map(double[]::clone);
    }

    /** Normalises a word or lexicon entry: case folded, accents stripped, NFKC. */
    public static String normalise(String word) {
        return NORMALIZER.normalize(word).text();
    }

    /** Reads a lexicon shipped as a class-path resource next to this package's parent. */
    public static Lexicon resource(String name) {
        return resource(name, true);
    }

    /** Reads a lexicon resource, normalising its entries or keeping them as written (emoji). */
    public static Lexicon resource(String name, boolean normaliseEntries) {
        String path = "/io/cmkit/listening/sentiment/" + name;
        InputStream in = Lexicon.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("sentiment lexicon resource " + path + " is missing from the class path");
        }
        try (in) {
            return read(in, path, normaliseEntries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment lexicon " + path, e);
        }
    }

    /**
     * Reads a lexicon.
     *
     * @param normaliseEntries whether to normalise entries (false for emoji and emoticons, kept as written)
     * @throws IllegalArgumentException naming the source and line of a malformed entry or a duplicate
     */
    public static Lexicon read(InputStream in, String source, boolean normaliseEntries) throws IOException {
        Map<String, Double> valences = new HashMap<>();
        Map<String, double[]> thresholds = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String[] fields = stripped.split("\\s+");
            if (fields[0].equals("@thresholds")) {
                if (fields.length != 4) {
                    throw new IllegalArgumentException(source + " line " + lineNumber
                            + ": @thresholds needs a language and two numbers, got '" + stripped + "'");
                }
                thresholds.put(fields[1], new double[] {number(fields[2], source, lineNumber), number(fields[3], source, lineNumber)});
                continue;
            }
            if (fields.length != 2) {
                throw new IllegalArgumentException(source + " line " + lineNumber
                        + ": expected 'entry valence', got '" + stripped + "'");
            }
            double valence = number(fields[1], source, lineNumber);
            if (valence < -4 || valence > 4) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": valence of '" + fields[0]
                        + "' must lie in [-4, 4], got " + fields[1]);
            }
            String entry = normaliseEntries ? normalise(fields[0]) : fields[0];
            Double previous = valences.put(entry, valence);
            if (previous != null) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": '" + fields[0]
                        + "' is already in the lexicon (as '" + entry + "')");
            }
        }
        return new Lexicon(valences, thresholds);
    }

    private static double number(String text, String source, int lineNumber) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " line " + lineNumber + ": '" + text + "' is not a number");
    }
}
