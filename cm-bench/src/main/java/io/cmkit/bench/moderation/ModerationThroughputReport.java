package io.cmkit.bench.moderation;

import io.cmkit.moderation.Decision;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The two workloads of issue 5 in comments per second of <em>one core</em>: the benchmark
 * thread's CPU time, not wall time, so the figures hold on a machine other processes load.
 * The five lexicon scanners (and the {@link CeilingScanner}, for reference) run interleaved,
 * round after round, over consecutive slices of the same corpus (every scanner sees every
 * slice), so a burst of load cannot favour one of them;
 * each figure is the median round. Same corpus, same agreement check as the JMH benchmarks.
 *
 * <p>Arguments: comments (1,000,000), rounds (7), slice per round (50,000), regex slice (500),
 * workloads ({@code ab}, or {@code b} alone to time the rule engine without the lexicon scanners).
 */
public final class ModerationThroughputReport {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Not an anchor: {@link CeilingScanner}, no normalisation at all, for what a 4x aim would need. */
    private static final String CEILING = "ceiling: dense trie, no normalisation (not a product)";
    /** Decisions of workload (b) made before the timed rounds. */
    private static final int WARM_UP_DECISIONS = 200_000;

    private ModerationThroughputReport() {
    }

    public static void main(String[] args) {
        int comments = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int slice = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        int regexSlice = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        String workloads = args.length > 4 ? args[4] : "ab";
        if (!workloads.equals("ab") && !workloads.equals("b")) {
            throw new IllegalArgumentException("workloads (fifth argument) must be ab or b, not " + workloads);
        }
        if (workloads.contains("a")) {
            lexiconScan(comments, rounds, slice, regexSlice);
        }
        ruleSet(comments, rounds, slice);
    }

    /** Workload (a): the five lexicon scanners and the ceiling, interleaved round after round. */
    private static void lexiconScan(int comments, int rounds, int slice, int regexSlice) {

        LexiconScanBenchmark a = new LexiconScanBenchmark();
        a.seed = 42;
        a.comments = comments;
        a.terms = 10_000;
        a.checked = comments;
        a.regexChecked = 5_000;
        a.setUp();
        LexiconScanners s = a.scanners();
        String[] raw = a.raw();
        String[] normalized = a.normalized();

        Map<String, IntUnaryOperator> scanners = new LinkedHashMap<>();
        scanners.put("cmkit, full normalisation from the raw comment", i -> s.cmkitFull(raw[i]).size());
        scanners.put("cmkit, pre-normalised text", i -> s.cmkitNormalized(normalized[i]).size());
        scanners.put("org.ahocorasick 0.6.3, pre-normalised text", i -> s.ahoCorasick(normalized[i]).size());
        scanners.put("hankcs double-array trie 1.2.2, pre-normalised text", i -> s.doubleArray(normalized[i]).size());
        scanners.put("java.util.regex alternation, pre-normalised text", i -> s.regex(normalized[i]).size());
        scanners.put(CEILING, i -> s.ceiling(normalized[i]).size());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        scanners.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
        int from = 0;
        for (int r = 0; r < rounds + 1; r++) { // round 0 warms up
            for (Map.Entry<String, IntUnaryOperator> e : scanners.entrySet()) {
                int n = e.getKey().startsWith("java.util.regex") ? regexSlice : slice;
                double rate = timed(from, n, raw.length, e.getValue());
                if (r > 0) {
                    rates.get(e.getKey()).add(rate);
                }
            }
            from = (from + slice) % raw.length;
        }
        System.out.printf(Locale.ROOT, "%n(a) 10,000-term lexicon, comments per CPU-second of one thread, median of %d rounds"
                + " of %,d comments (regex %,d):%n", rounds, slice, regexSlice);
        double org = median(rates.get("org.ahocorasick 0.6.3, pre-normalised text"));
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "  %-55s %,12.0f  (%.2fx org.ahocorasick; rounds %s)%n", e.getKey(), m, m / org,
                    e.getValue().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        }

    }

    /** Workload (b): the 200-rule engine, one decision per comment. */
    private static void ruleSet(int comments, int rounds, int slice) {
        RuleSetBenchmark b = new RuleSetBenchmark();
        b.seed = 42;
        b.comments = comments;
        b.setUp();
        List<Double> ruleRates = new ArrayList<>();
        // The engine's code is large and its rules branch a lot: the JIT needs ~200,000 decisions before
        // the rounds stop climbing, so those are decided first and not counted.
        int warmUp = Math.max(1, (WARM_UP_DECISIONS + slice - 1) / slice);
        int from = 0;
        for (int r = 0; r < rounds + warmUp; r++) {
            double rate = timed(from, slice, comments, i -> {
                Decision d = b.decideOne(i);
                return d.actions().size();
            });
            if (r >= warmUp) {
                ruleRates.add(rate);
            }
            from = (from + slice) % comments;
        }
        System.out.printf(Locale.ROOT, "%n(b) 200 rules with 10 regexes, default lexicons, ModerationEngine.decide:"
                + " %,.0f comments per CPU-second (median; rounds %s)%n", median(ruleRates),
                ruleRates.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static double timed(int from, int n, int size, IntUnaryOperator scan) {
        long found = 0;
        long start = CPU.getCurrentThreadCpuTime();
        for (int k = 0; k < n; k++) {
            found += scan.applyAsInt((from + k) % size);
        }
        long cpu = CPU.getCurrentThreadCpuTime() - start;
        if (found < 0) {
            throw new AssertionError("unreachable: keeps the scans alive");
        }
        return n / (cpu / 1e9);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
