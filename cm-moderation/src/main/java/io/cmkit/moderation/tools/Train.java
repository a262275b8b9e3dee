package io.cmkit.moderation.tools;

import io.cmkit.moderation.classifier.Classifiers;
import io.cmkit.moderation.classifier.HashingOptions;
import io.cmkit.moderation.tools.internal.Args;
import io.cmkit.moderation.tools.internal.Dataset;
import io.cmkit.moderation.tools.internal.TextDecoding;
import io.cmkit.moderation.tools.internal.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a classifier model file from a labelled CSV. The decision threshold saved with the model
 * is the one that maximises F1 in a k-fold cross-validation over the same training file (no other
 * data is looked at); the final model is then trained on the whole file.
 *
 * <pre>
 * --file train.csv --text text --label label --positive 1 --model out.cmkc
 *   [--kind lr|nb] [--epochs 8] [--seed 42] [--bits 18] [--learning-rate 0.1] [--l2 1e-2]
 *   [--positive-weight 1] [--folds 5] [--decode none|python|html]
 * </pre>
 */
public final class Train {

    static final Set<String> OPTIONS = Set.of("file", "text", "label", "positive", "model", "kind", "epochs", "seed",
            "bits", "learning-rate", "l2", "positive-weight", "folds", "decode");

    private Train() {
    }

    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = new Args(argv, OPTIONS);
            args.required("file");
            args.required("model");
        } catch (IllegalArgumentException e) {
            System.err.println("Train: " + e.getMessage());
            System.err.println("usage: --file f.csv --text COL --label COL --positive VALUE --model OUT "
                    + "[--kind lr|nb] [--epochs N] [--seed S] [--bits B] [--learning-rate R] [--l2 L] "
                    + "[--positive-weight W] [--folds K] [--decode none|python|html]");
            System.exit(2);
            return;
        }
        Path file = Path.of(args.required("file"));
        List<Dataset.Example> examples = Dataset.load(file, args.required("text"), args.required("label"),
                args.required("positive"), Optional.empty(), TextDecoding.parse(args.get("decode", "none")));
        Training.Options d = Training.Options.defaults();
        Training.Options options = new Training.Options(
                args.get("kind", d.kind()),
                Integer.parseInt(args.get("epochs", String.valueOf(d.epochs()))),
                Long.parseLong(args.get("seed", String.valueOf(d.seed()))),
                HashingOptions.DEFAULTS.withBits(Integer.parseInt(args.get("bits", "18"))),
                Double.parseDouble(args.get("learning-rate", String.valueOf(d.learningRate()))),
                Double.parseDouble(args.get("l2", String.valueOf(d.l2()))),
                Double.parseDouble(args.get("positive-weight", String.valueOf(d.positiveWeight()))),
                Integer.parseInt(args.get("folds", String.valueOf(d.folds()))));
        long t0 = System.nanoTime();
        Training.Result r = Training.train(examples, options);
        long t1 = System.nanoTime();
        Path out = Path.of(args.required("model"));
        Classifiers.save(r.model(), out);
        long positives = examples.stream().filter(Dataset.Example::positive).count();
        System.out.printf("trained %s on %d comments (%d positive) in %d ms; %s%n", options.kind(), examples.size(),
                positives, (t1 - t0) / 1_000_000, options);
        if (r.crossValidated() != null) {
            System.out.printf(java.util.Locale.ROOT, "threshold %.2f chosen by %d-fold cross-validation on the training file: %s%n",
                    r.threshold(), options.folds(), r.crossValidated().summary());
        }
        System.out.printf("model written to %s (%d bytes)%n", out, Files.size(out));
    }
}
