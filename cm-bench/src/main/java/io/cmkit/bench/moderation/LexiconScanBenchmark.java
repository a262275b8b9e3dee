package io.cmkit.bench.moderation;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 5, workload (a): a 10,000-term French and English lexicon over 1,000,000 seeded comments
 * of about 150 characters, one thread. cmkit with full normalisation from the raw comment, and
 * cmkit, org.ahocorasick 0.6.3, com.hankcs' double-array trie 1.2.2 and one java.util.regex
 * alternation on the pre-normalised text (see {@link LexiconScanners} for what "the same
 * matches" means). Setup fails unless all agree on the first {@code checked} comments (the
 * regex, about a thousand times slower, on the first {@code regexChecked}).
 *
 * <p>An operation scans {@value #BATCH} comments, taken in turn from the corpus, so scores are
 * comments per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LexiconScanBenchmark {

    static final int BATCH = 1_000;

    @Param("42")
    public long seed;

    @Param("1000000")
    public int comments;

    @Param("10000")
    public int terms;

    @Param("1000000")
    public int checked;

    @Param("5000")
    public int regexChecked;

    private String[] raw;
    private String[] normalized;
    private LexiconScanners scanners;
    private int next;

    @Setup
    public void setUp() {
        List<String> lexicon = ModerationCorpus.lexicon(seed, terms);
        List<String> corpus = ModerationCorpus.comments(seed + 1, comments, lexicon);
        raw = corpus.toArray(String[]::new);
        normalized = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            normalized[i] = LexiconScanners.normalize(raw[i]);
        }
        scanners = new LexiconScanners(lexicon);
        List<String> all = List.of(normalized);
        long agreed = scanners.requireSameMatches(all.subList(0, Math.min(checked, all.size())), false);
        scanners.requireSameMatches(all.subList(0, Math.min(regexChecked, all.size())), true);
        long full = scanners.requireSameFullMatches(List.of(raw).subList(0, Math.min(checked, raw.length)));
        System.out.printf("%n%,d terms (%,d distinct once normalised), %,d comments; %,d matches agreed on the first %,d"
                + " comments (the regex agreed on the first %,d); with full normalisation, forEachMatch and findAll"
                + " agreed on %,d matches%n", lexicon.size(), scanners.terms().size(), raw.length,
                agreed, Math.min(checked, raw.length), Math.min(regexChecked, raw.length), full);
    }

    private int batchStart() {
        int from = next;
        next = from + BATCH >= raw.length ? 0 : from + BATCH;
        return from;
    }

    /** cmkit: raw comment in, full normalisation, matches in the raw comment's offsets. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long cmkitFullNormalization() {
        long found = 0;
        for (int i = batchStart(), end = i + BATCH; i < end; i++) {
            found += scanners.cmkitFull(raw[i]).size();
        }
        return found;
    }

    /** cmkit on the pre-normalised text, like the anchors. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long cmkitPreNormalized() {
        long found = 0;
        for (int i = batchStart(), end = i + BATCH; i < end; i++) {
            found += scanners.cmkitNormalized(normalized[i]).size();
        }
        return found;
    }

    /** Anchor: org.ahocorasick 0.6.3 on the pre-normalised text. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ahoCorasick() {
        long found = 0;
        for (int i = batchStart(), end = i + BATCH; i < end; i++) {
            found += scanners.ahoCorasick(normalized[i]).size();
        }
        return found;
    }

    /** Anchor: com.hankcs double-array Aho-Corasick 1.2.2 on the pre-normalised text. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long doubleArrayTrie() {
        long found = 0;
        for (int i = batchStart(), end = i + BATCH; i < end; i++) {
            found += scanners.doubleArray(normalized[i]).size();
        }
        return found;
    }

    /** Anchor: one java.util.regex alternation of every term on the pre-normalised text. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long regexAlternation() {
        long found = 0;
        for (int i = batchStart(), end = i + BATCH; i < end; i++) {
            found += scanners.regex(normalized[i]).size();
        }
        return found;
    }

    LexiconScanners scanners() {
        return scanners;
    }

    String[] raw() {
        return raw;
    }

    String[] normalized() {
        return normalized;
    }
}
