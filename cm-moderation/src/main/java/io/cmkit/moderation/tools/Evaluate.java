package io.cmkit.moderation.tools;

import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.classifier.Classifiers;
import io.cmkit.moderation.lexicon.CompiledLexicon;
import io.cmkit.moderation.lexicon.Lexicons;
import io.cmkit.moderation.tools.internal.Args;
import io.cmkit.moderation.tools.internal.Dataset;
import io.cmkit.moderation.tools.internal.Evaluation;
import io.cmkit.moderation.tools.internal.TextDecoding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures the default moderation on a labelled CSV: precision, recall, F1 and confusion counts,
 * overall and per group, and how many comments the rules removed. The system {@code rules} is
 * the whole default engine: the default rules over the default lexicons and, with
 * {@code --model}, the classifier through a rule that FLAGs at its threshold; a comment is
 * predicted positive when a rule acts on it. Beside it: {@code lexicon} (the default lexicons hit
 * one of the chosen categories) and, with {@code --model}, the classifier alone and "lexicon OR
 * classifier".
 *
 * <pre>
 * --file f.csv --text text --label label --positive 1
 *   [--categories spam,scam]   categories that mean positive, a+b for "both a and b"
 *                              (default: insult,hate,threat,sexual,profanity,defamation)
 *   [--model m.cmkc] [--threshold 0.5]   (default: the threshold saved in the model)
 *   [--group functionality] [--decode none|python|html]
 * </pre>
 */
public final class Evaluate {

    static final Set<String> OPTIONS = Set.of("file", "text", "label", "positive", "categories", "model",
            "threshold", "group", "decode");
    /** The categories that count as positive unless {@code --categories} says otherwise. */
    public static final String DEFAULT_CATEGORIES = "insult,hate,threat,sexual,profanity,defamation";

    private Evaluate() {
    }

    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = new Args(argv, OPTIONS);
            args.required("file");
        } catch (IllegalArgumentException e) {
            System.err.println("Evaluate: " + e.getMessage());
            System.err.println("usage: --file f.csv --text COL --label COL --positive VALUE [--categories a,b] "
                    + "[--model FILE] [--threshold T] [--group COL] [--decode none|python|html]");
            System.exit(2);
            return;
        }
        Path file = Path.of(args.required("file"));
        List<Dataset.Example> examples = Dataset.load(file, args.required("text"), args.required("label"),
                args.required("positive"), args.optional("group"), TextDecoding.parse(args.get("decode", "none")));
        String categorySpec = args.get("categories", DEFAULT_CATEGORIES);
        List<Set<String>> categories = Evaluation.parseCategories(categorySpec);
        long t0 = System.nanoTime();
        CompiledLexicon lexicon = Lexicons.defaults();
        long t1 = System.nanoTime();
        Optional<Classifier> model = Optional.empty();
        double threshold = 0.5;
        if (args.optional("model").isPresent()) {
            Classifier c = Classifiers.load(Path.of(args.required("model")));
            model = Optional.of(c);
            threshold = args.optional("threshold").map(Double::parseDouble).orElse(Classifiers.threshold(c));
        }
        System.out.printf("default lexicons: %d terms, %d allowed, loaded and compiled in %d ms, ~%d KB estimated heap%n",
                lexicon.size(), lexicon.allowList().size(), (t1 - t0) / 1_000_000, lexicon.estimatedHeapBytes() / 1024);
        long t2 = System.nanoTime();
        Evaluation.Report report = Evaluation.run(examples, lexicon, categories, model, threshold);
        long t3 = System.nanoTime();
        long positives = examples.stream().filter(Dataset.Example::positive).count();
        report.print(System.out, String.format("%s: %d comments, %d positive; rules: the default rules%s; lexicon categories %s%s",
                file.getFileName(), examples.size(), positives, model.isPresent() ? " + the classifier rule" : "", categorySpec,
                model.isPresent() ? String.format(java.util.Locale.ROOT, "; classifier threshold %.2f", threshold) : ""));
        System.out.printf("evaluated in %d ms%n", (t3 - t2) / 1_000_000);
    }
}
