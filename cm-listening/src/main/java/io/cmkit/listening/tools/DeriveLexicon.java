package io.cmkit.listening.tools;

import io.cmkit.listening.sentiment.internal.LexiconDerivation;
import io.cmkit.listening.tools.internal.LineFiles;
import io.cmkit.listening.tools.internal.Options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates the derived French lexicon ({@code fr-derived.txt}) from a labelled training split:
 * tunes the derivation and the label thresholds by cross-validation on that split (folds drawn
 * from {@code --seed}), then derives from the whole split. Same inputs and seed, same file.
 *
 * <p>Options: {@code --texts FILE --labels FILE --out FILE [--seed 42] [--folds 5]}.
 */
public final class DeriveLexicon {

    private DeriveLexicon() {
    }

    public static void main(String[] args) throws IOException {
        try {
            Options options = Options.parse("DeriveLexicon", args, List.of("texts", "labels", "out", "seed", "folds"));
            Path out = Path.of(options.required("out"));
            String content = derive(Path.of(options.required("texts")), Path.of(options.required("labels")),
                    options.longValue("seed", 42), (int) options.longValue("folds", 5));
            Files.writeString(out, content, StandardCharsets.UTF_8);
            System.out.println("wrote " + out + " (" + content.lines().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count()
                    + " words); " + content.lines().filter(l -> l.startsWith("# cross") || l.startsWith("@")
                    || l.startsWith("# param")).reduce((a, b) -> a + "; " + b).orElse(""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** The lexicon file's content derived from these files. */
    public static String derive(Path textsFile, Path labelsFile, long seed, int folds) throws IOException {
        List<String> texts = LineFiles.texts(textsFile);
        int[] labels = LineFiles.labels(labelsFile);
        LineFiles.requireSameLength(textsFile, texts.size(), labelsFile, labels.length);
        LexiconDerivation.Result result = new LexiconDerivation().tune(texts, labels, seed, folds);
        return LexiconDerivation.format(result, List.of(
                "cmkit sentiment lexicon: fr (derived). Do not edit: regenerate with io.cmkit.listening.tools.DeriveLexicon",
                "(command in cm-listening/README.md; method in docs/listening-alerts.md).",
                "Derived from the French training split of UMSAB (cardiffnlp/xlm-t, data/sentiment/french @ 874214d,",
                "tweets from DEFT 2017), repository licence Apache-2.0: " + texts.size() + " texts, seed " + seed
                        + ", " + folds + " folds.",
                "Format: 'word valence' (normalised: lower case, no accents), VADER's -4..+4 scale;",
                "'@thresholds fr negativeBelow positiveAbove' is the label cut tuned with it."));
    }
}
