package io.cmkit.bench.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time per item of the scheduler throughput runs, which a loaded machine distorts less than
 * items per second: the JVM's CPU (every thread of this process, which holds H2 too) and, on
 * PostgreSQL, the server's (the embedded postmaster and its backends, read from {@code /proc}).
 * Runs cmkit and db-scheduler alternately on the same parameters as
 * {@link SchedulerThroughputBenchmark}, checks each run executed every item exactly once, drops
 * the first {@code warmup} rounds and prints the medians.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am -Dbench.main=io.cmkit.bench.schedule.SchedulerCpuReport \
 *     -Dbench.args="h2 1 8 3 5"      # database instances dispatchConcurrency warmup rounds
 * </pre>
 */
public final class SchedulerCpuReport {

    private static final int ITEMS = 2000;

    private SchedulerCpuReport() {
    }

    /**
     * The arguments the scheduler CPU reports share: database (h2), instances (1),
     * dispatchConcurrency (8), warm-up rounds (3), measured rounds (5).
     */
    record RunArgs(BenchDatabase.Engine engine, int instances, int dispatch, int warmup, int rounds) {

        static RunArgs parse(String[] args) {
            return new RunArgs(BenchDatabase.Engine.of(args.length > 0 ? args[0] : "h2"),
                    args.length > 1 ? Integer.parseInt(args[1]) : 1,
                    args.length > 2 ? Integer.parseInt(args[2]) : 8,
                    args.length > 3 ? Integer.parseInt(args[3]) : 3,
                    args.length > 4 ? Integer.parseInt(args[4]) : 5);
        }
    }

    public static void main(String[] args) {
        RunArgs a = RunArgs.parse(args);
        BenchDatabase.Engine engine = a.engine();
        int instances = a.instances();
        int dispatch = a.dispatch();
        int warmup = a.warmup();
        int rounds = a.rounds();
        long postmaster = -1;
        if (engine == BenchDatabase.Engine.POSTGRES) {
            EmbeddedPostgres pg = BenchDatabase.startEmbeddedPostgres();
            postmaster = postmasterOf(pg.getPort());
        }
        List<double[]> cmkit = new ArrayList<>();
        List<double[]> dbScheduler = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            double[] c = measure(new CmkitThroughputRun(engine, ITEMS, instances,
                    CmkitThroughputRun.ConnectorKind.SANDBOX, dispatch), postmaster);
            double[] d = measure(new DbSchedulerThroughputRun(engine, ITEMS, instances,
                    DbSchedulerThroughputRun.DEFAULT_THREADS), postmaster);
            if (round >= warmup) {
                cmkit.add(c);
                dbScheduler.add(d);
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d instances, %d items, dispatch %d, %d rounds after %d warm-up: medians%n",
                engine, instances, ITEMS, dispatch, rounds, warmup);
        System.out.println("system       | items/s | JVM CPU µs/item | server CPU µs/item | total CPU µs/item");
        print("cmkit", cmkit);
        print("db-scheduler", dbScheduler);
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "Machine: %d cores, load average %.2f%n", os.getAvailableProcessors(),
                os.getSystemLoadAverage());
    }

    /** Items per second, JVM CPU µs per item, server CPU µs per item (0 on H2). */
    private static double[] measure(ThroughputRun run, long postmaster) {
        try (ThroughputRun r = run) {
            r.prepare();
            long jvm0 = jvmCpuNanos();
            long pg0 = serverCpuTicks(postmaster);
            long t0 = System.nanoTime();
            r.execute(Duration.ofMinutes(5));
            long wall = System.nanoTime() - t0;
            long jvm = jvmCpuNanos() - jvm0;
            long pg = serverCpuTicks(postmaster) - pg0;
            ExactlyOnce.require(r.system(), r.executions(), ITEMS);
            return new double[] {ITEMS / (wall / 1e9), jvm / 1e3 / ITEMS, pg * 1e4 / ITEMS};
        }
    }

    private static void print(String system, List<double[]> runs) {
        double[] m = new double[3];
        for (int i = 0; i < 3; i++) {
            int col = i;
            double[] sorted = runs.stream().mapToDouble(r -> r[col]).sorted().toArray();
            m[i] = sorted[sorted.length / 2];
        }
        System.out.printf(Locale.ROOT, "%-12s | %,7.0f | %15.0f | %18.0f | %17.0f%n", system, m[0], m[1], m[2],
                m[1] + m[2]);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The postmaster listening on {@code port}: the process whose command line has {@code -p port}. */
    static long postmasterOf(int port) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> cmdline(p).contains("postgres") && cmdline(p).contains("-p\u0000" + port))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no postmaster on port " + port + " in /proc"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
    }

    /**
     * CPU ticks (1/100 s) of the postmaster, of its children that ended (cutime, cstime) and of
     * those still running (their connections are open during a run).
     */
    static long serverCpuTicks(long postmaster) {
        if (postmaster < 0) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] f = stat(p);
                if (f == null) {
                    continue;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == postmaster) {
                    total += Long.parseLong(f[13]) + Long.parseLong(f[14]) + Long.parseLong(f[15]) + Long.parseLong(f[16]);
                } else if (Long.parseLong(f[3]) == postmaster) {
                    total += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return total;
    }

    /** The fields of {@code /proc/<pid>/stat}, numbered from 0, with the command name (field 1) made one token. */
    private static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 2];
            out[0] = s.substring(0, s.indexOf(' '));
            out[1] = "comm";
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null; // gone meanwhile
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")));
        } catch (IOException e) {
            return "";
        }
    }
}
