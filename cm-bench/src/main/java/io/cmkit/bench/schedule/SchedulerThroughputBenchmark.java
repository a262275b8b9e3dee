package io.cmkit.bench.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Publications dispatched per second: {@code items} posts due in the same minute, published by
 * {@code instances} cmkit schedulers sharing one database, beside db-scheduler executing as many
 * one-time tasks due at the same instant with as many instances, on the same database engine
 * (each system in a fresh schema or database of its own, every iteration).
 *
 * <p>A single-shot workload: each iteration prepares a fresh database with every item due (not
 * timed), then times from starting the instances to the last item recorded as done, then checks
 * that every item was executed exactly once (not timed). Before the first iteration, the trial
 * runs both systems once on the same parameters and fails unless both executed the same items,
 * each exactly once. Score: milliseconds per run of {@code items}; {@link SchedulerThroughputReport}
 * turns the scores into items per second and the ratio cmkit / db-scheduler.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class SchedulerThroughputBenchmark {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** {@code postgres} (embedded, one server for both systems) or {@code h2} (in memory). */
    @Param({"postgres", "h2"})
    public String database;

    /** Scheduler instances sharing the database, each on its own threads. */
    @Param({"1", "4"})
    public int instances;

    /** Publications (one per post) and one-time tasks, all due at once. */
    @Param("2000")
    public int items;

    /** cmkit's connector: {@code sandbox} (SandboxWorld on a simulated clock) or {@code minimal}. */
    @Param("sandbox")
    public String connector;

    /**
     * Publications of a claimed batch each cmkit instance sends at once ({@code SchedulerConfig.dispatchConcurrency});
     * 1 sends them one after the other. db-scheduler does not depend on it.
     */
    @Param({"1", "8"})
    public int dispatchConcurrency;

    /** db-scheduler's executor threads per instance (its default). */
    @Param("10")
    public int dbSchedulerThreads;

    private ThroughputRun run;

    /** Both systems on the same parameters, untimed: they must execute the same items, each exactly once. */
    @Setup(Level.Trial)
    public void requireSameWork() {
        ExactlyOnce.requireSameWork(cmkitRun(), dbSchedulerRun(), items, TIMEOUT);
    }

    /** A fresh database with every item due, and the instances built, for the benchmark about to run. */
    @Setup(Level.Iteration)
    public void prepare(BenchmarkParams params) {
        run = params.getBenchmark().endsWith(".cmkit") ? cmkitRun() : dbSchedulerRun();
        run.prepare();
    }

    /** cmkit: start the schedulers, return when every post is PUBLISHED. */
    @Benchmark
    public int cmkit() {
        return run.execute(TIMEOUT);
    }

    /** db-scheduler: start the schedulers, return when every execution is complete and removed. */
    @Benchmark
    public int dbScheduler() {
        return run.execute(TIMEOUT);
    }

    /** Every item of the timed run executed exactly once, or the benchmark fails. */
    @TearDown(Level.Iteration)
    public void verify() {
        try (ThroughputRun done = run) {
            ExactlyOnce.require(done.system(), done.executions(), items);
        }
    }

    private ThroughputRun cmkitRun() {
        return new CmkitThroughputRun(BenchDatabase.Engine.of(database), items, instances,
                CmkitThroughputRun.ConnectorKind.of(connector), dispatchConcurrency);
    }

    private ThroughputRun dbSchedulerRun() {
        return new DbSchedulerThroughputRun(BenchDatabase.Engine.of(database), items, instances, dbSchedulerThreads);
    }
}
