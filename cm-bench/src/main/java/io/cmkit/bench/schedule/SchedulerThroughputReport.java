package io.cmkit.bench.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link SchedulerThroughputBenchmark} through JMH (same arguments as JMH's own main) with
 * one embedded PostgreSQL for every fork, so both systems use the same server, then prints
 * items per second for each system and the ratio cmkit / db-scheduler, per database, instance
 * count and item count.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am \
 *     -Dbench.main=io.cmkit.bench.schedule.SchedulerThroughputReport -Dbench.args="-f 1 -wi 1 -i 3"
 * </pre>
 */
public final class SchedulerThroughputReport {

    private SchedulerThroughputReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cmd = new CommandLineOptions(args);
        EmbeddedPostgres postgres = BenchDatabase.startEmbeddedPostgres();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        System.setProperty(BenchDatabase.POSTGRES_URL_PROPERTY, url);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cmd)
                .jvmArgsAppend("-Xmx1g", "-D" + BenchDatabase.POSTGRES_URL_PROPERTY + "=" + url);
        if (cmd.getIncludes().isEmpty()) {
            options.include(SchedulerThroughputBenchmark.class.getName());
        }
        String before = machine();
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, System.out);
        System.out.println("Machine: " + before + " before the run; " + machine() + " after it.");
    }

    /** The table: one row per database, instances and items, both systems side by side. */
    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, RunResult[]> rows = new TreeMap<>();
        for (RunResult r : results) {
            var p = r.getParams();
            String key = String.format(Locale.ROOT, "%-8s | %9s | %5s | %-9s | %8s", p.getParam("database"),
                    p.getParam("instances"), p.getParam("items"), p.getParam("connector"),
                    p.getParam("dispatchConcurrency"));
            RunResult[] pair = rows.computeIfAbsent(key, k -> new RunResult[2]);
            pair[p.getBenchmark().endsWith(".cmkit") ? 0 : 1] = r;
        }
        out.println();
        out.println("Items per second (median of the measured runs, [slowest - fastest]); ratio = cmkit / db-scheduler medians");
        out.println();
        out.println("database | instances | items | connector | dispatch | cmkit publications/s     | db-scheduler tasks/s     | ratio");
        out.println("-------- | --------- | ----- | --------- | -------- | ------------------------ | ------------------------ | -----");
        for (Map.Entry<String, RunResult[]> row : rows.entrySet()) {
            RunResult[] pair = row.getValue();
            int items = Integer.parseInt((pair[0] != null ? pair[0] : pair[1]).getParams().getParam("items"));
            List<String> cells = new ArrayList<>();
            double[] medians = new double[2];
            for (int i = 0; i < 2; i++) {
                if (pair[i] == null) {
                    cells.add(String.format(Locale.ROOT, "%-24s", "-"));
                    continue;
                }
                Statistics s = pair[i].getPrimaryResult().getStatistics();
                medians[i] = perSecond(items, s.getPercentile(50));
                cells.add(String.format(Locale.ROOT, "%-24s", String.format(Locale.ROOT, "%,.0f [%,.0f - %,.0f]",
                        medians[i], perSecond(items, s.getMax()), perSecond(items, s.getMin()))));
            }
            String ratio = pair[0] != null && pair[1] != null
                    ? String.format(Locale.ROOT, "%.2f", medians[0] / medians[1]) : "-";
            out.println(row.getKey() + "   | " + cells.get(0) + " | " + cells.get(1) + " | " + ratio);
        }
        out.println();
    }

    /** Cores and load: the figures of a busy machine deserve less trust. */
    private static String machine() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d cores, load average %.2f", os.getAvailableProcessors(),
                os.getSystemLoadAverage());
    }

    /** Items per second from milliseconds per run. */
    private static double perSecond(int items, double millis) {
        return items / (millis / 1000.0);
    }
}
