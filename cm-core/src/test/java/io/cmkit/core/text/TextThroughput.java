package io.cmkit.core.text;

import java.util.List;

/**
 * A quick timing, not a test: a 10,000-term lexicon over 200,000 comments of about 150
 * characters with full normalisation. The real benchmark lives in cm-bench (JMH).
 * Run: {@code java -cp cm-core/target/classes:cm-core/target/test-classes io.cmkit.core.text.TextThroughput}
 */
public final class TextThroughput {

    private TextThroughput() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        TextNormalizer.of(NormalizationOptions.STRICT_MATCHING);
        long t1 = System.nanoTime();
        List<String> terms = SyntheticLexicon.terms(10_000, 1L);
        PatternMatcher.Builder<String> b = PatternMatcher.builder();
        for (String t : terms) {
            b.add(t, MatchMode.WHOLE_WORD, "x");
        }
        long t2 = System.nanoTime();
        PatternMatcher<String> m = b.build();
        long t3 = System.nanoTime();
        System.out.printf("tables %d ms, build %d ms, estimated %.2f MB%n", (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000,
                m.estimatedHeapBytes() / 1e6);
        List<String> comments = SyntheticLexicon.comments(200_000, 150, terms, 2L);
        TextNormalizer normalizer = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        io.cmkit.core.text.internal.NormalizerEngine engine = new io.cmkit.core.text.internal.NormalizerEngine(
                true, true, true, true, true, true, true);
        io.cmkit.core.text.internal.NormalizerEngine.Workspace ws = io.cmkit.core.text.internal.NormalizerEngine.workspace();
        for (int round = 0; round < 8; round++) {
            long s = cpu.getCurrentThreadCpuTime();
            long found = 0;
            for (String c : comments) {
                found += m.findAll(c).size();
            }
            long e = cpu.getCurrentThreadCpuTime();
            long chars = 0;
            for (String c : comments) {
                chars += engine.normalize(c, ws).length;
            }
            long e2 = cpu.getCurrentThreadCpuTime();
            int any = 0;
            for (String c : comments) {
                any += m.matches(c) ? 1 : 0;
            }
            long e3 = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d (CPU time): findAll %.0f comments/s (%d matches); normalise only %.0f/s;"
                    + " normalise+scan (matches()) %.0f/s%n",
                    round, comments.size() / ((e - s) / 1e9), found, comments.size() / ((e2 - e) / 1e9),
                    comments.size() / ((e3 - e2) / 1e9));
        }
    }
}
