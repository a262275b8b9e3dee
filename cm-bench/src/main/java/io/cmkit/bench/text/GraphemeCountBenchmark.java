package io.cmkit.bench.text;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counting a post's length in graphemes (Bluesky's 300 limit): cmkit's JDK-only count against
 * ICU4J's BreakIterator, over the same seeded corpus. Setup fails if any count differs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GraphemeCountBenchmark {

    @Param("42")
    public long seed;

    private List<String> texts;

    @Setup
    public void setUp() {
        texts = SocialTextCorpus.generate(seed, 1_000);
        GraphemeCount.requireIdenticalCounts(texts);
    }

    /** Graphemes of the whole corpus per operation, with cmkit. */
    @Benchmark
    public long cmkit() {
        long total = 0;
        for (String text : texts) {
            total += GraphemeCount.cmkit(text);
        }
        return total;
    }

    /** The same with ICU4J, the anchor. */
    @Benchmark
    public long icu4j() {
        long total = 0;
        for (String text : texts) {
            total += GraphemeCount.icu(text);
        }
        return total;
    }
}
