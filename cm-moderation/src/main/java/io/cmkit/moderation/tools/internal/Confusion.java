package io.cmkit.moderation.tools.internal;

/** Confusion counts of a binary decision, with precision, recall and F1 (0 when undefined). */
public record Confusion(long tp, long fp, long fn, long tn) {

    public static Confusion of(boolean[] predicted, boolean[] actual) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && actual[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (actual[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    public Confusion plus(boolean predicted, boolean actual) {
        return new Confusion(tp + (predicted && actual ? 1 : 0), fp + (predicted && !actual ? 1 : 0),
                fn + (!predicted && actual ? 1 : 0), tn + (!predicted && !actual ? 1 : 0));
    }

    public long total() {
        return tp + fp + fn + tn;
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of the comments predicted positive. */
    public double positiveRate() {
        return total() == 0 ? 0 : (double) (tp + fp) / total();
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (TP %d  FP %d  FN %d  TN %d)",
                precision(), recall(), f1(), tp, fp, fn, tn);
    }
}
