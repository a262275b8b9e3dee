package io.cmkit.bench.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the JVM's CPU of the scheduler throughput runs goes, thread by thread: the same runs as
 * {@link SchedulerCpuReport} (cmkit with the sandbox, then db-scheduler, alternately, each run
 * checked for exactly once), with the CPU time of every thread of this process read from
 * {@code /proc/self/task/<tid>/schedstat} (nanoseconds on a CPU) before and after the timed part: the systems' own threads and the JVM's (JIT compilers, garbage
 * collector), which sampling profilers do not see. Threads are grouped by name with digits
 * replaced by {@code N} (Linux keeps 15 characters of a name); the process's CPU that no thread
 * alive at the end accounts for (threads that ended meanwhile) is shown as
 * {@code (not attributed)}. Prints CPU µs per item of each
 * group over the rounds after the warm-up, largest first. Linux only; on PostgreSQL the server's
 * processes are not counted (see {@link SchedulerCpuReport}).
 *
 * <p>{@code settle} (milliseconds, default 0) waits that long between a run's untimed preparation
 * and its timed part, for both systems alike: the JIT compiles in the background what the
 * preparation made hot, and without a pause that work lands in the timed part. A diagnostic:
 * the benchmark's own figures have no pause. {@code items} (default 2,000, the benchmark's) per run:
 * longer runs show what stays when the start of a run weighs less.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am -Dbench.main=io.cmkit.bench.schedule.SchedulerThreadCpuReport \
 *     -Dbench.args="h2 1 8 3 5 0 2000"      # database instances dispatchConcurrency warmup rounds settle items
 * </pre>
 */
public final class SchedulerThreadCpuReport {

    /** Items per run unless the seventh argument says otherwise: the benchmark's. */
    private static final int DEFAULT_ITEMS = 2000;

    private SchedulerThreadCpuReport() {
    }

    public static void main(String[] args) {
        SchedulerCpuReport.RunArgs a = SchedulerCpuReport.RunArgs.parse(args);
        BenchDatabase.Engine engine = a.engine();
        int instances = a.instances();
        int dispatch = a.dispatch();
        int warmup = a.warmup();
        int rounds = a.rounds();
        long settle = args.length > 5 ? Long.parseLong(args[5]) : 0;
        int items = args.length > 6 ? Integer.parseInt(args[6]) : DEFAULT_ITEMS;
        if (engine == BenchDatabase.Engine.POSTGRES) {
            BenchDatabase.startEmbeddedPostgres();
        }
        Map<String, Long> cmkit = new HashMap<>();
        Map<String, Long> dbScheduler = new HashMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
            Map<String, Long> c = measure(new CmkitThroughputRun(engine, items, instances,
                    CmkitThroughputRun.ConnectorKind.SANDBOX, dispatch), settle, items);
            Map<String, Long> d = measure(new DbSchedulerThroughputRun(engine, items, instances,
                    DbSchedulerThroughputRun.DEFAULT_THREADS), settle, items);
            if (round >= warmup) {
                c.forEach((k, v) -> cmkit.merge(k, v, Long::sum));
                d.forEach((k, v) -> dbScheduler.merge(k, v, Long::sum));
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d instances, %d items, dispatch %d, %d rounds after %d warm-up, %d ms settle: "
                + "JVM CPU µs per item by thread%n", engine, instances, items, dispatch, rounds, warmup, settle);
        print("cmkit", cmkit, rounds, items);
        print("db-scheduler", dbScheduler, rounds, items);
    }

    /** CPU nanoseconds of each thread group during the timed part of {@code run}. */
    private static Map<String, Long> measure(ThroughputRun run, long settle, int items) {
        try (ThroughputRun r = run) {
            r.prepare();
            if (settle > 0) {
                try {
                    Thread.sleep(settle);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            long process = processCpuNanos();
            Map<String, Long> before = threadNanos();
            r.execute(Duration.ofMinutes(5));
            Map<String, Long> after = threadNanos();
            process = processCpuNanos() - process;
            ExactlyOnce.require(r.system(), r.executions(), items);
            Map<String, Long> groups = new HashMap<>();
            after.forEach((thread, nanos) -> {
                long spent = nanos - before.getOrDefault(thread, 0L);
                if (spent > 0) {
                    groups.merge(group(thread), spent, Long::sum);
                }
            });
            // The process's CPU that no thread alive at the end accounts for.
            long unaccounted = process - groups.values().stream().mapToLong(Long::longValue).sum();
            if (unaccounted > 1_000_000 * 10L) { // more than the clocks' disagreement
                groups.put("(not attributed)", unaccounted);
            }
            return groups;
        }
    }

    /** A thread's group: its name after the thread id, digits replaced by {@code N}. */
    private static String group(String thread) {
        return thread.substring(thread.indexOf(' ') + 1).replaceAll("\\d+", "N");
    }

    private static void print(String system, Map<String, Long> nanos, int rounds, int items) {
        double perItem = 1e-3 / ((double) rounds * items);
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%s: %.0f µs per item%n", system, total * perItem);
        nanos.entrySet().stream().filter(e -> e.getValue() * perItem >= 0.05) // idle JVM threads left out
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-18s %6.1f  %4.1f %%%n", e.getKey(),
                        e.getValue() * perItem, 100.0 * e.getValue() / total));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU nanoseconds of every thread of this process, by "tid name". */
    private static Map<String, Long> threadNanos() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String onCpu = Files.readString(task.resolve("schedstat")).split(" ")[0];
                    out.put(task.getFileName() + " " + name, Long.parseLong(onCpu));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/task (this report needs Linux)", e);
        }
        return out;
    }
}
