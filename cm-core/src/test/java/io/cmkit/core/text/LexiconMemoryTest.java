package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A 10,000-term lexicon")
class LexiconMemoryTest {

    @Test
    @DisplayName("compiles and its heap is logged (the aim is well under 20 MB; measured, not asserted)")
    void heap() {
        List<String> terms = SyntheticLexicon.terms(10_000, 1L);
        PatternMatcher.Builder<String> builder = PatternMatcher.builder();
        for (int i = 0; i < terms.size(); i++) {
            builder.add(terms.get(i), i % 3 == 0 ? MatchMode.PREFIX : MatchMode.WHOLE_WORD, i % 2 == 0 ? "insult" : "scam");
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        PatternMatcher<String> matcher = builder.build();
        long buildMillis = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("[text] 10,000-term matcher: estimated %.2f MB, heap delta after GC %.2f MB, built in %d ms%n",
                matcher.estimatedHeapBytes() / 1e6, (after - before) / 1e6, buildMillis);
        assertThat(matcher.size()).isEqualTo(10_000);
        String sample = terms.get(123);
        assertThat(matcher.findAll("oh " + sample.toUpperCase(java.util.Locale.ROOT) + " !")).isNotEmpty();
    }
}
