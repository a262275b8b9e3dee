package io.cmkit.bench.moderation;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.moderation.lexicon.CompiledLexicon;
import io.cmkit.moderation.lexicon.Lexicons;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The heap a compiled lexicon holds, measured rather than estimated: used heap after full
 * collections, before and after compiling, with the terms (the caller's strings) already in
 * memory and cmkit's shared folding tables already built. Each structure is measured
 * {@code rounds} times and the median kept. Run through the bench profile with
 * {@code -Dbench.main=io.cmkit.bench.moderation.LexiconHeap -Dbench.args="10000 5"}.
 */
public final class LexiconHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private LexiconHeap() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> terms = new LexiconScanners(ModerationCorpus.lexicon(42, size)).terms();
        System.out.printf(Locale.ROOT, "%,d distinct normalised terms, %d rounds, median of used heap after GC"
                + " (after - before compiling)%n", terms.size(), rounds);
        PatternMatcher<Integer> estimateOf = LexiconScanners.cmkit(terms, NormalizationOptions.STRICT_MATCHING);
        report("cmkit PatternMatcher (strict)", rounds, () -> LexiconScanners.cmkit(terms, NormalizationOptions.STRICT_MATCHING));
        System.out.printf(Locale.ROOT, "  cmkit's own estimate (estimatedHeapBytes): %.2f MB%n", estimateOf.estimatedHeapBytes() / 1e6);
        report("org.ahocorasick PayloadTrie 0.6.3", rounds, () -> LexiconScanners.ahoCorasick(terms));
        report("hankcs AhoCorasickDoubleArrayTrie 1.2.2", rounds, () -> LexiconScanners.doubleArray(terms));
        report("java.util.regex alternation", rounds, () -> LexiconScanners.regex(terms));
        report("cm-moderation shipped lexicons fr+en (with its term table)", Math.min(rounds, 3),
                () -> Lexicons.builder().defaults(Locale.FRENCH, Locale.ENGLISH).build());
        CompiledLexicon defaults = Lexicons.defaults();
        System.out.printf(Locale.ROOT, "  (%,d terms; its own estimate %.2f MB)%n", defaults.terms().size(),
                defaults.estimatedHeapBytes() / 1e6);
    }

    private static void report(String what, int rounds, Supplier<Object> compile) {
        long[] deltas = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long before = usedAfterGc();
            Object compiled = compile.get();
            long after = usedAfterGc();
            Reference.reachabilityFence(compiled);
            deltas[r] = after - before;
        }
        Arrays.sort(deltas);
        System.out.printf(Locale.ROOT, "%-62s %8.2f MB  (rounds: %s)%n", what, deltas[rounds / 2] / 1e6,
                Arrays.toString(Arrays.stream(deltas).mapToObj(d -> String.format(Locale.ROOT, "%.2f", d / 1e6)).toArray()));
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
