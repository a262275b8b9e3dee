package io.cmkit.listening.sentiment.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconTest {

    private static Lexicon read(String content) throws IOException {
        return Lexicon.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test.txt", true);
    }

    @Test
    @DisplayName("entries are normalised, comments skipped, thresholds read")
    void reads() throws IOException {
        Lexicon lexicon = read("# a comment\n\nGÉNIAL 3.0\n@thresholds fr -0.10 0.05\n");
        assertThat(lexicon.valence("genial")).isEqualTo(3.0);
        assertThat(lexicon.thresholds("fr")).hasValueSatisfying(t -> assertThat(t).containsExactly(-0.10, 0.05));
        assertThat(lexicon.thresholds("en")).isEmpty();
    }

    @Test
    @DisplayName("a malformed line, a valence out of range, a bad number or a duplicate is refused with its line")
    void errors() {
        assertThatThrownBy(() -> read("bon 1.0\nmauvais\n")).hasMessage("test.txt line 2: expected 'entry valence', got 'mauvais'");
        assertThatThrownBy(() -> read("bon 5\n")).hasMessage("test.txt line 1: valence of 'bon' must lie in [-4, 4], got 5");
        assertThatThrownBy(() -> read("bon x\n")).hasMessage("test.txt line 1: 'x' is not a number");
        assertThatThrownBy(() -> read("bon 1\nBON 2\n")).hasMessage("test.txt line 2: 'BON' is already in the lexicon (as 'bon')");
        assertThatThrownBy(() -> read("@thresholds fr 0.1\n")).hasMessageStartingWith("test.txt line 1: @thresholds needs");
    }

    @Test
    @DisplayName("the shipped lexicons load")
    void shipped() {
        assertThat(Lexicon.resource("fr.txt").valences()).hasSizeGreaterThan(200);
        assertThat(Lexicon.resource("en.txt").valences()).hasSizeGreaterThan(150);
        assertThat(Lexicon.resource("emoji.txt", false).valence("😡")).isNegative();
        assertThat(Lexicon.resource("fr-derived.txt").thresholds("fr")).isPresent();
    }

    @Test
    @DisplayName("the report computes accuracy, per-class figures and macro-F1 from the confusion counts")
    void report() {
        ClassificationReport report = ClassificationReport.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0});
        assertThat(report.accuracy()).isEqualTo(4 / 6.0);
        assertThat(report.precision(0)).hasValue(0.5);
        assertThat(report.recall(0)).hasValue(0.5);
        assertThat(report.f1(1)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(report.macroF1()).isCloseTo((0.5 + 0.8 + 2 / 3.0) / 3, org.assertj.core.data.Offset.offset(1e-12));
        ClassificationReport never = ClassificationReport.of(new int[] {0, 2}, new int[] {0, 0});
        assertThat(never.precision(2)).isEmpty();
        assertThat(never.f1(2)).isZero();
        assertThat(never.format()).contains("positive          -");
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {0, 3}, new int[] {0, 0}))
                .hasMessage("label at index 1 is outside 0..2: gold 3, predicted 0");
    }
}
