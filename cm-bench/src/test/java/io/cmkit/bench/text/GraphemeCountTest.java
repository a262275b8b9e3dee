package io.cmkit.bench.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The grapheme benchmark compares like with like")
class GraphemeCountTest {

    @Test
    @DisplayName("cmkit and ICU4J agree on every text of the seeded corpus the benchmark times")
    void countsAgreeOnTheBenchmarkCorpus() {
        List<String> texts = SocialTextCorpus.generate(42, 1_000);
        GraphemeCount.requireIdenticalCounts(texts);
        long ours = texts.stream().mapToLong(GraphemeCount::cmkit).sum();
        long anchor = texts.stream().mapToLong(GraphemeCount::icu).sum();
        assertThat(ours).isEqualTo(anchor).isPositive();
    }

    @Test
    @DisplayName("the corpus is the same for the same seed and differs for another")
    void corpusIsReproducible() {
        assertThat(SocialTextCorpus.generate(7, 50)).isEqualTo(SocialTextCorpus.generate(7, 50))
                .isNotEqualTo(SocialTextCorpus.generate(8, 50));
    }

    @Test
    @DisplayName("a family emoji, a flag and an accented letter written with a combining mark each count as one")
    void clustersCountAsOne() {
        assertThat(GraphemeCount.cmkit("👨‍👩‍👧‍👦🇫🇷e\u0301")).isEqualTo(3);
        assertThat(GraphemeCount.icu("👨‍👩‍👧‍👦🇫🇷e\u0301")).isEqualTo(3);
    }
}
