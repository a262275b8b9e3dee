package io.cmkit.listening.alert.internal;

import java.util.Arrays;

/** Median and median absolute deviation of small samples, with a caller-owned scratch buffer. */
public final class RobustStats {

    /** MAD times this estimates the standard deviation of normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {
    }

    /** The median of {@code values[0..n)}; sorts them in place. */
    public static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        int mid = n / 2;
        return (n % 2 == 1) ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** The median absolute deviation of {@code values[0..n)} from {@code median}; overwrites them. */
    public static double mad(double[] values, int n, double median) {
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        return median(values, n);
    }
}
