package io.cmkit.bench.listening.alert;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The stream of {@link SpikeDetectionBenchmark} timed in this thread's CPU time rather than wall
 * time, which a loaded machine distorts less: bucket updates per CPU-second of one core. Runs the
 * stream {@code rounds} times per configuration (the first {@code warmup} untimed) and prints the
 * median round.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am \
 *   -Dbench.main=io.cmkit.bench.listening.alert.SpikeDetectionCpuTime -Dbench.args="10 5"
 * </pre>
 */
public final class SpikeDetectionCpuTime {

    private SpikeDetectionCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("series  perBucket  updates/CPU-second (median of " + rounds + " rounds of 1,000,000)  alerts");
        for (int perBucket : new int[] {10, 1}) {
            SpikeDetectionBenchmark stream = new SpikeDetectionBenchmark();
            stream.series = 10_000;
            stream.perBucket = perBucket;
            stream.seed = 42;
            stream.setUp();
            long alerts = 0;
            for (int i = 0; i < warmup; i++) {
                alerts += stream.updates();
            }
            double[] rates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long before = threads.getCurrentThreadCpuTime();
                alerts += stream.updates();
                long nanos = threads.getCurrentThreadCpuTime() - before;
                rates[r] = SpikeDetectionBenchmark.UPDATES * 1e9 / nanos;
            }
            java.util.Arrays.sort(rates);
            System.out.println(String.format(Locale.ROOT, "%6d  %9d  %,.0f (min %,.0f, max %,.0f)  %d",
                    stream.series, perBucket, rates[rounds / 2], rates[0], rates[rounds - 1], alerts));
        }
    }
}
