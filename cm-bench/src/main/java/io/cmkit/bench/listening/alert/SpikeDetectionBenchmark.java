package io.cmkit.bench.listening.alert;

import io.cmkit.listening.alert.SeriesKey;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.alert.SpikeDetector;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bucket updates per second on one thread across 10,000 series, with {@link SpikeConfig#defaults()}
 * (hourly buckets, weekly slots). Setup gives every series three weeks of hourly history, so every
 * bucket opened during the run computes a seasonal baseline. Each invocation then feeds a seeded
 * stream of 1,000,000 updates, each to a uniformly drawn series, spread evenly over the next
 * {@code 1,000,000 / (series × perBucket)} hours: with {@code perBucket} 10, about ten updates per
 * series per bucket (a bucket roll, with its baseline, every ten updates); with 1, a roll at nearly
 * every update (the worst case). Time moves on at every invocation so that no update is ever late.
 *
 * <p>No anchor: no open-source library does seasonal spike detection on a stream to compare with.
 * The figure is cmkit's alone, on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpikeDetectionBenchmark {

    static final int UPDATES = 1_000_000;
    static final long HOUR = 3_600_000L;

    @Param("10000")
    public int series;

    @Param({"10", "1"})
    public int perBucket;

    @Param("42")
    public long seed;

    private SpikeDetector detector;
    private int[] seriesOf;
    private long[] offsetOf;
    private long start;
    private long span;
    private long alerts;

    @Setup(Level.Trial)
    public void setUp() {
        detector = new SpikeDetector(SpikeConfig.defaults());
        Random random = new Random(seed);
        start = java.time.Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
        int[] ids = new int[series];
        for (int s = 0; s < series; s++) {
            ids[s] = detector.series(new SeriesKey(SeriesKey.Scope.QUERY, "q" + s, SeriesKey.Measure.VOLUME));
        }
        int historyHours = 3 * 168;
        for (int h = 0; h < historyHours; h++) {
            for (int s = 0; s < series; s++) {
                detector.add(ids[s], start + h * HOUR, 5 + random.nextInt(10));
            }
        }
        start += historyHours * HOUR;
        span = (long) UPDATES / ((long) series * perBucket) * HOUR;
        seriesOf = new int[UPDATES];
        offsetOf = new long[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            seriesOf[i] = ids[random.nextInt(series)];
            offsetOf[i] = i * span / UPDATES;
        }
    }

    /** One invocation feeds the whole stream; the score is updates per second. */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long updates() {
        long base = start;
        long raised = 0;
        for (int i = 0; i < UPDATES; i++) {
            if (detector.add(seriesOf[i], base + offsetOf[i], 1).isPresent()) {
                raised++;
            }
        }
        start += span;
        alerts += raised;
        return raised;
    }
}
