package io.cmkit.listening.sentiment.internal;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Accuracy, per-class precision, recall and F1, and macro-F1 of three-class predictions (0 negative,
 * 1 neutral, 2 positive). A class never predicted has no precision; its F1 then counts as 0 in the
 * macro average (the usual convention, stated in the printout).
 */
public record ClassificationReport(int[][] confusion, int total) {

    public static final List<String> CLASS_NAMES = List.of("negative", "neutral", "positive");

    /**
     * @throws IllegalArgumentException when the arrays differ in length, are empty, or hold a label outside 0..2 (with its index)
     */
    public static ClassificationReport of(int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold labels (" + gold.length + ") and predictions (" + predicted.length
                    + ") differ in number");
        }
        if (gold.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate: no labels");
        }
        int[][] confusion = new int[3][3];
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] < 0 || gold[i] > 2 || predicted[i] < 0 || predicted[i] > 2) {
                throw new IllegalArgumentException("label at index " + i + " is outside 0..2: gold " + gold[i]
                        + ", predicted " + predicted[i]);
            }
            confusion[gold[i]][predicted[i]]++;
        }
        return new ClassificationReport(confusion, gold.length);
    }

    public double accuracy() {
        int right = 0;
        for (int c = 0; c < 3; c++) {
            right += confusion[c][c];
        }
        return (double) right / total;
    }

    /** Precision of a class, empty when the class was never predicted. */
    public OptionalDouble precision(int label) {
        int predicted = 0;
        for (int g = 0; g < 3; g++) {
            predicted += confusion[g][label];
        }
        return predicted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) confusion[label][label] / predicted);
    }

    /** Recall of a class, empty when the class has no gold example. */
    public OptionalDouble recall(int label) {
        int actual = 0;
        for (int p = 0; p < 3; p++) {
            actual += confusion[label][p];
        }
        return actual == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) confusion[label][label] / actual);
    }

    /** F1 of a class: 0 when precision or recall is undefined or both are 0. */
    public double f1(int label) {
        OptionalDouble p = precision(label);
        OptionalDouble r = recall(label);
        if (p.isEmpty() || r.isEmpty() || p.getAsDouble() + r.getAsDouble() == 0) {
            return 0;
        }
        return 2 * p.getAsDouble() * r.getAsDouble() / (p.getAsDouble() + r.getAsDouble());
    }

    public double macroF1() {
        return (f1(0) + f1(1) + f1(2)) / 3;
    }

    /** A plain-text table of every figure. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "texts: %d%naccuracy: %.4f%nmacro-F1: %.4f%n", total, accuracy(), macroF1()));
        out.append(String.format(Locale.ROOT, "%-9s %9s %9s %9s %7s%n", "class", "precision", "recall", "F1", "gold"));
        for (int c = 0; c < 3; c++) {
            int gold = confusion[c][0] + confusion[c][1] + confusion[c][2];
            out.append(String.format(Locale.ROOT, "%-9s %9s %9s %9.4f %7d%n", CLASS_NAMES.get(c),
                    fixed(precision(c)), fixed(recall(c)), f1(c), gold));
        }
        out.append("confusion (rows gold, columns predicted: negative neutral positive)\n");
        for (int g = 0; g < 3; g++) {
            out.append(String.format(Locale.ROOT, "%-9s %7d %7d %7d%n", CLASS_NAMES.get(g),
                    confusion[g][0], confusion[g][1], confusion[g][2]));
        }
        out.append("(a class never predicted has no precision, shown as '-'; its F1 counts as 0 in macro-F1)\n");
        return out.toString();
    }

    private static String fixed(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "-";
    }
}
