package io.cmkit.bench.moderation;

import io.cmkit.core.text.MatchMode;
import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.OverlapPolicy;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.core.text.TextNormalizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Where the time of workload (a) with full normalisation goes, through the public API only: the
 * same comments through successively more of the pipeline, interleaved round after round, in
 * nanoseconds of one thread's CPU time per comment (median round). Each step's cost is the
 * difference with the one before:
 * <ul>
 *   <li>{@code TextNormalizer.normalize} with the word passes (leetspeak, spaced letters,
 *       repeats) off, then with {@code STRICT_MATCHING}, for reference (it also copies the
 *       result into a {@code NormalizedText}, which the matcher does not);</li>
 *   <li>{@code matches} of a one-term matcher whose term never occurs, word passes off:
 *       the per-character pass and the word-start loop, with trie walks of a step or two; with
 *       {@code STRICT_MATCHING}: plus the word passes; of the 10,000-term matcher: plus the
 *       trie walks;</li>
 *   <li>{@code forEachMatch} and {@code findAll} of the 10,000-term matcher: plus sorting,
 *       the overlap policy and the offsets, then {@code Match} objects with their substrings.</li>
 * </ul>
 *
 * <p>Arguments: comments (200,000), rounds (7).
 */
public final class LexiconScanBreakdown {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private LexiconScanBreakdown() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> lexicon = ModerationCorpus.lexicon(42, 10_000);
        String[] comments = ModerationCorpus.comments(43, count, lexicon).toArray(String[]::new);
        NormalizationOptions strict = NormalizationOptions.STRICT_MATCHING;
        TextNormalizer perCharacter = TextNormalizer.of(strict.withLeetspeak(false).withCollapseRepeats(false)
                .withJoinSpacedLetters(false));
        TextNormalizer full = TextNormalizer.of(strict);
        PatternMatcher<Integer> onePerCharacter = PatternMatcher.<Integer>builder().normalization(perCharacter.options())
                .add("zyzzyva", MatchMode.WHOLE_WORD, 0).build();
        PatternMatcher<Integer> one = PatternMatcher.<Integer>builder().add("zyzzyva", MatchMode.WHOLE_WORD, 0).build();
        PatternMatcher.Builder<Integer> b = PatternMatcher.<Integer>builder().overlap(OverlapPolicy.LEFTMOST_LONGEST);
        for (int i = 0; i < lexicon.size(); i++) {
            b.add(lexicon.get(i), MatchMode.WHOLE_WORD, i);
        }
        PatternMatcher<Integer> tenThousand = b.build();
        long[] sink = new long[1];

        Map<String, ToLongFunction<String>> steps = new LinkedHashMap<>();
        steps.put("TextNormalizer, word passes off", c -> perCharacter.normalize(c).length());
        steps.put("TextNormalizer, STRICT_MATCHING", c -> full.normalize(c).length());
        steps.put("1 term, word passes off", c -> onePerCharacter.matches(c) ? 1 : 0);
        steps.put("1 term, STRICT_MATCHING", c -> one.matches(c) ? 1 : 0);
        steps.put("matches(), 10,000 terms", c -> tenThousand.matches(c) ? 1 : 0);
        steps.put("forEachMatch(), 10,000 terms", c -> tenThousand.forEachMatch(c, (p, s, e) -> sink[0] += e - s));
        steps.put("findAll(), 10,000 terms", c -> tenThousand.findAll(c).size());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        steps.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            for (Map.Entry<String, ToLongFunction<String>> e : steps.entrySet()) {
                long found = 0;
                long start = CPU.getCurrentThreadCpuTime();
                for (String c : comments) {
                    found += e.getValue().applyAsLong(c);
                }
                double ns = (CPU.getCurrentThreadCpuTime() - start) / (double) comments.length;
                if (found < 0) {
                    throw new AssertionError("unreachable: keeps the work alive");
                }
                if (r > 0) {
                    times.get(e.getKey()).add(ns);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nns of CPU per comment (%,d comments, median of %d rounds; sink %d):%n",
                comments.length, rounds, sink[0] & 1);
        double before = 0;
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = v[v.length / 2];
            System.out.printf(Locale.ROOT, "  %-32s %7.0f  (%+5.0f)  rounds %s%n", e.getKey(), median,
                    before == 0 ? median : median - before, Arrays.toString(Arrays.stream(v).mapToLong(Math::round).toArray()));
            before = median;
        }
    }
}
