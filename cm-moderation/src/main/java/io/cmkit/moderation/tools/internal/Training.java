package io.cmkit.moderation.tools.internal;

import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.classifier.HashedLogisticRegression;
import io.cmkit.moderation.classifier.HashedNaiveBayes;
import io.cmkit.moderation.classifier.HashingOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Training a classifier from labelled comments, with a decision threshold chosen by cross-validation. */
public final class Training {

    /** The training options. */
    public record Options(String kind, int epochs, long seed, HashingOptions hashing, double learningRate, double l2,
            double positiveWeight, int folds) {

        public static Options defaults() {
            return new Options("lr", 4, 42, HashingOptions.DEFAULTS, 0.1, 1e-2, 1, 5);
        }

        public Supplier<Classifier> factory() {
            return switch (kind) {
                case "lr" -> () -> HashedLogisticRegression.builder().hashing(hashing.withSeed(seed))
                        .learningRate(learningRate).l2(l2).positiveWeight(positiveWeight).build();
                case "nb" -> () -> new HashedNaiveBayes(hashing.withSeed(seed), 0.1);
                default -> throw new IllegalArgumentException("kind must be lr or nb, not " + kind);
            };
        }
    }

    /** A trained model and the threshold chosen for it. */
    public record Result(Classifier model, double threshold, Confusion crossValidated) {
    }

    private Training() {
    }

    /** Trains on every example, {@code epochs} passes in an order shuffled from the seed. */
    public static Classifier fit(List<Dataset.Example> examples, Options options) {
        return fit(examples, options, new IdentityHashMap<>());
    }

    /**
     * The same, reusing the features of a logistic regression's examples from {@code cache} (keyed
     * by example identity, filled as needed), so that epochs and folds compute them once.
     */
    private static Classifier fit(List<Dataset.Example> examples, Options options,
            Map<Dataset.Example, HashedLogisticRegression.Features> cache) {
        Classifier c = options.factory().get();
        int epochs = "nb".equals(options.kind()) ? 1 : options.epochs();
        List<Dataset.Example> order = new ArrayList<>(examples);
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, new Random(options.seed() * 31 + e));
            for (Dataset.Example x : order) {
                if (c instanceof HashedLogisticRegression lr) {
                    lr.learn(cache.computeIfAbsent(x, k -> lr.features(k.text())), x.positive());
                } else {
                    c.learn(x.text(), x.positive());
                }
            }
        }
        return c;
    }

    /**
     * Chooses the threshold (0.05 to 0.95 by 0.01; among equal F1s the one closest to 0.5) that maximises F1 over out-of-fold scores ({@code folds}-fold cross
     * validation on the training examples only), then trains the final model on all of them.
     */
    public static Result train(List<Dataset.Example> examples, Options options) {
        double threshold = 0.5;
        Confusion cv = null;
        Map<Dataset.Example, HashedLogisticRegression.Features> cache = new IdentityHashMap<>();
        if (options.folds() >= 2 && examples.size() >= options.folds() * 4) {
            List<Dataset.Example> shuffled = new ArrayList<>(examples);
            Collections.shuffle(shuffled, new Random(options.seed()));
            double[] scores = new double[shuffled.size()];
            boolean[] actual = new boolean[shuffled.size()];
            for (int f = 0; f < options.folds(); f++) {
                List<Dataset.Example> train = new ArrayList<>();
                for (int i = 0; i < shuffled.size(); i++) {
                    if (i % options.folds() != f) {
                        train.add(shuffled.get(i));
                    }
                }
                Classifier c = fit(train, options, cache);
                for (int i = f; i < shuffled.size(); i += options.folds()) {
                    Dataset.Example x = shuffled.get(i);
                    scores[i] = c instanceof HashedLogisticRegression lr
                            ? lr.score(cache.computeIfAbsent(x, k -> lr.features(k.text())))
                            : c.score(x.text());
                    actual[i] = shuffled.get(i).positive();
                }
            }
            double bestF1 = -1;
            for (int t = 5; t <= 95; t++) {
                double th = t / 100.0;
                Confusion conf = confusion(scores, actual, th);
                // the best F1; among equals, the threshold closest to 0.5
                if (conf.f1() > bestF1 + 1e-12
                        || (Math.abs(conf.f1() - bestF1) <= 1e-12 && Math.abs(th - 0.5) < Math.abs(threshold - 0.5))) {
                    bestF1 = conf.f1();
                    threshold = th;
                    cv = conf;
                }
            }
        }
        Classifier model = fit(examples, options, cache);
        if (model instanceof HashedLogisticRegression lr) {
            lr.threshold(threshold);
        } else if (model instanceof HashedNaiveBayes nb) {
            nb.threshold(threshold);
        }
        return new Result(model, threshold, cv);
    }

    static Confusion confusion(double[] scores, boolean[] actual, double threshold) {
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold;
        }
        return Confusion.of(predicted, actual);
    }
}
