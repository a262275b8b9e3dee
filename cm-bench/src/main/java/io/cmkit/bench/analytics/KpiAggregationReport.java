package io.cmkit.bench.analytics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Daily KPI aggregation per account and platform, cmkit beside DuckDB in one run.
 *
 * <p>Generates the seeded {@link SnapshotWorkload}, runs both systems once and requires identical
 * results, then times {@code --warmup} and {@code --iterations} runs of each, alternating, and
 * prints the medians: cmkit's ingestion (validation of the columns, no copy), aggregation (one
 * thread: the per-core figure) and roll-up; DuckDB's appender load and its query; wall time and
 * CPU time, since the machine may be shared. Peak heap is measured over one cmkit run (the sum of
 * the heap pools' peaks after a reset: an upper bound). Last, {@code --shuffled-runs} cmkit runs
 * over the same rows in random order time the sort path and check it gives the same result.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am \
 *     -Dbench.main=io.cmkit.bench.analytics.KpiAggregationReport \
 *     -Dbench.args="--accounts 10 --posts 1000 --readings 1000 --seed 42 --warmup 1 --iterations 3"
 * </pre>
 */
public final class KpiAggregationReport {

    private KpiAggregationReport() {
    }

    public static void main(String[] args) throws SQLException {
        int accounts = intArg(args, "--accounts", 10);
        int posts = intArg(args, "--posts", 1_000);
        int readings = intArg(args, "--readings", 1_000);
        long seed = intArg(args, "--seed", 42);
        int warmup = intArg(args, "--warmup", 1);
        int iterations = intArg(args, "--iterations", 3);
        int threads = intArg(args, "--duckdb-threads", 0);
        int shuffledRuns = intArg(args, "--shuffled-runs", 3);

        long g0 = System.nanoTime();
        SnapshotWorkload w = SnapshotWorkload.generate(seed, accounts, posts, readings);
        System.out.printf(Locale.ROOT, "Workload: %,d snapshots (%d accounts x %,d posts x %,d hourly readings, ~1%% missing),"
                        + " %d metrics, %s in %s, generated in %.1f s; arrays %,d MB%n", w.size(), accounts, posts, readings,
                w.metrics().size(), w.quarter(), w.brand().timeZone(), (System.nanoTime() - g0) / 1e9, w.arrayBytes() >> 20);
        System.out.println("Available processors: " + Runtime.getRuntime().availableProcessors()
                + "; max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        try (DuckDbDailyKpis duck = new DuckDbDailyKpis(threads)) {
            System.out.println("DuckDB threads: " + duck.threads());
            CmkitDailyKpis.Run firstCmkit = CmkitDailyKpis.run(w);
            DuckDbDailyKpis.Run firstDuck = duck.run(w);
            DailyCounters.requireIdentical(firstCmkit.result(), firstDuck.result());
            System.out.printf(Locale.ROOT, "Identical results (counters, engagements, engagement rate by impressions, CTR):"
                            + " %,d account-day rows and %,d platform-day rows; %,d snapshots and %,d likes in both%n", firstCmkit.result().byAccount().size(),
                    firstCmkit.result().byPlatform().size(), firstCmkit.result().totalByAccount(0),
                    firstCmkit.result().totalByAccount(2));
            System.out.printf(Locale.ROOT, "DuckDB memory after load and query: %,d MB (native, outside the Java heap)%n",
                    duck.memoryBytes() >> 20);

            long heapBefore = usedHeapAfterGc();
            resetPeaks();
            CmkitDailyKpis.run(w);
            long peak = peakHeap();
            System.out.printf(Locale.ROOT, "cmkit peak heap: %,d MB during a run, of which %,d MB were in use before it"
                    + " (the workload's arrays and the JVM)%n", peak >> 20, heapBefore >> 20);

            for (int i = 0; i < warmup; i++) {
                CmkitDailyKpis.run(w);
                duck.run(w);
            }
            List<CmkitDailyKpis.Run> cm = new ArrayList<>();
            List<DuckDbDailyKpis.Run> dk = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                cm.add(CmkitDailyKpis.run(w));
                dk.add(duck.run(w));
                DailyCounters.requireIdentical(cm.get(i).result(), dk.get(i).result());
            }
            print(w.size(), cm, dk);
            if (shuffledRuns > 0) {
                shuffledRuns(w, cm.get(0).result(), shuffledRuns);
            }
        }
    }

    /** The same rows in random order: cmkit's sort path, checked against the ordered result. */
    private static void shuffledRuns(SnapshotWorkload ordered, DailyCounters expected, int runs) {
        SnapshotWorkload w = ordered.shuffled(7);
        List<CmkitDailyKpis.Run> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            CmkitDailyKpis.Run run = CmkitDailyKpis.run(w);
            DailyCounters.requireIdentical(run.result(), expected);
            out.add(run);
        }
        double wall = median(out.stream().mapToLong(CmkitDailyKpis.Run::aggregateNanos).toArray());
        double cpu = median(out.stream().mapToLong(CmkitDailyKpis.Run::aggregateCpuNanos).toArray());
        System.out.printf(Locale.ROOT, "%nRows shuffled (every series out of order, sorted per series first), median of %d"
                + " cmkit runs, same result as in order: aggregate %,.0f ms wall (%,.0f snapshots/s), %,.0f ms CPU of its"
                + " thread (%,.0f snapshots/s)%n", runs, wall / 1e6, w.size() / (wall / 1e9), cpu / 1e6,
                w.size() / (cpu / 1e9));
    }

    private static void print(int n, List<CmkitDailyKpis.Run> cm, List<DuckDbDailyKpis.Run> dk) {
        double ingest = median(cm.stream().mapToLong(CmkitDailyKpis.Run::ingestNanos).toArray());
        double aggregate = median(cm.stream().mapToLong(CmkitDailyKpis.Run::aggregateNanos).toArray());
        double rollUp = median(cm.stream().mapToLong(CmkitDailyKpis.Run::rollUpAndReadNanos).toArray());
        double cmTotal = median(cm.stream().mapToLong(CmkitDailyKpis.Run::totalNanos).toArray());
        double load = median(dk.stream().mapToLong(DuckDbDailyKpis.Run::loadNanos).toArray());
        double query = median(dk.stream().mapToLong(DuckDbDailyKpis.Run::queryNanos).toArray());
        double dkTotal = median(dk.stream().mapToLong(DuckDbDailyKpis.Run::totalNanos).toArray());
        double aggregateCpu = median(cm.stream().mapToLong(CmkitDailyKpis.Run::aggregateCpuNanos).toArray());
        double cmCpu = median(cm.stream().mapToLong(CmkitDailyKpis.Run::processCpuNanos).toArray());
        double dkCpu = median(dk.stream().mapToLong(DuckDbDailyKpis.Run::processCpuNanos).toArray());
        System.out.println();
        System.out.printf(Locale.ROOT, "Medians of %d runs (ms; snapshots per second in brackets)%n", cm.size());
        System.out.println();
        System.out.println("| system | step | ms | snapshots/s |");
        System.out.println("| --- | --- | ---: | ---: |");
        row("cmkit", "ingest (validate columns, no copy)", ingest, n);
        row("cmkit", "aggregate per account and day (1 thread)", aggregate, n);
        row("cmkit", "roll up to platforms, read rows and KPIs", rollUp, n);
        row("cmkit", "**end to end**", cmTotal, n);
        row("DuckDB", "load through the appender", load, n);
        row("DuckDB", "query (lag, ASOF JOIN, GROUP BY, roll-up, KPIs)", query, n);
        row("DuckDB", "**end to end**", dkTotal, n);
        row("cmkit", "aggregate, CPU time of its one thread", aggregateCpu, n);
        row("cmkit", "end to end, process CPU time", cmCpu, n);
        row("DuckDB", "end to end, process CPU time (all its threads)", dkCpu, n);
        System.out.println();
        System.out.printf(Locale.ROOT, "End to end (wall): cmkit is %.1fx DuckDB (aim: >= 2x); in process CPU time %.1fx."
                + " Aggregation step: %,.0f snapshots/s per core by its thread's CPU time, %,.0f by wall time"
                + " (aim: >= 20,000,000).%n", dkTotal / cmTotal, dkCpu / cmCpu, n / (aggregateCpu / 1e9),
                n / (aggregate / 1e9));
        System.out.println("All runs: cmkit end to end " + Arrays.toString(cm.stream()
                .mapToLong(r -> r.totalNanos() / 1_000_000).toArray()) + " ms; DuckDB " + Arrays.toString(dk.stream()
                .mapToLong(r -> r.totalNanos() / 1_000_000).toArray()) + " ms");
    }

    private static void row(String system, String step, double nanos, int n) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f |%n", system, step, nanos / 1e6, n / (nanos / 1e9));
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1].replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, got '" + args[i + 1] + "'", e);
                }
            }
        }
        return fallback;
    }
}
