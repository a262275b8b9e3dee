package io.cmkit.bench.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LexiconScannersTest {

    private static List<String> lexicon;
    private static LexiconScanners scanners;

    @BeforeAll
    static void compile() {
        lexicon = ModerationCorpus.lexicon(42, 10_000);
        scanners = new LexiconScanners(lexicon);
    }

    @Test
    void theCorpusIsReproducibleAndLooksLikeComments() {
        assertThat(lexicon).hasSize(10_000).doesNotHaveDuplicates().contains("connard", "fuck you", "sale connard");
        assertThat(ModerationCorpus.lexicon(42, 10_000)).isEqualTo(lexicon);
        List<String> comments = ModerationCorpus.comments(43, 2_000, lexicon);
        assertThat(ModerationCorpus.comments(43, 2_000, lexicon)).isEqualTo(comments);
        assertThat(ModerationCorpus.comments(44, 2_000, lexicon)).isNotEqualTo(comments);
        double meanLength = comments.stream().mapToInt(String::length).average().orElseThrow();
        assertThat(meanLength).isBetween(140.0, 175.0);
        assertThat(comments).anyMatch(c -> c.contains("https://")).anyMatch(c -> c.contains("#"))
                .anyMatch(c -> c.contains("é")).anyMatch(c -> c.contains("😡")).anyMatch(c -> c.contains("@"));
    }

    @Test
    void everyScannerFindsTheSameMatchesInTheSameNormalisedText() {
        List<String> normalized = ModerationCorpus.comments(43, 3_000, lexicon).stream().map(LexiconScanners::normalize).toList();
        long agreed = scanners.requireSameMatches(normalized, true);
        // About a third of the comments insult someone, some name another term.
        assertThat(agreed).isGreaterThan(1_000);
    }

    @Test
    void wholeWordsLeftmostLongest() {
        String t = LexiconScanners.normalize("Sale C0NNARD, connards! xconnard and sale connard");
        List<LexiconScanners.Hit> hits = scanners.ahoCorasick(t);
        assertThat(hits).extracting(h -> t.substring(h.start(), h.end()))
                .containsExactly("sale connard", "connards", "sale connard");
        assertThat(scanners.regex(t)).isEqualTo(hits);
        assertThat(scanners.doubleArray(t)).isEqualTo(hits);
        assertThat(scanners.cmkitNormalized(t)).isEqualTo(hits);
        assertThat(scanners.ceiling(t)).isEqualTo(hits);
    }

    @Test
    void theCeilingScannerKeepsWordBoundariesAndTheLongestPhrase() {
        LexiconScanners small = new LexiconScanners(List.of("con", "sale con", "sale connard", "#boycott"));
        for (String text : List.of("sale con", "sale connard!", "sale conne", "une conasse, con.", "#boycott",
                "x#boycott", "é#boycottage", "déconne con", "𝐜on con", "sale  con")) {
            assertThat(small.ceiling(text)).as(text).isEqualTo(small.ahoCorasick(text));
        }
        assertThat(small.ceiling("sale connard! con")).extracting(LexiconScanners.Hit::start, LexiconScanners.Hit::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 12), org.assertj.core.groups.Tuple.tuple(14, 17));
    }

    @Test
    void cmkitThroughForEachMatchGivesFindAllsMatches() {
        List<String> comments = ModerationCorpus.comments(43, 3_000, lexicon);
        long agreed = scanners.requireSameFullMatches(comments);
        assertThat(agreed).isGreaterThan(1_000);
        String comment = "Sale C0NNARD, connards! @TomB";
        assertThat(scanners.cmkitFull(comment)).isEqualTo(scanners.cmkitFullMatches(comment)).hasSize(2);
    }

    @Test
    void cmkitFromTheRawCommentPointsIntoIt() {
        String comment = "t'es qu'un 𝐜𝐨𝐧𝐧𝐚𝐫𝐝 et un 1d1ot";
        assertThat(scanners.cmkitFull(comment)).extracting(h -> comment.substring(h.start(), h.end()))
                .containsExactly("𝐜𝐨𝐧𝐧𝐚𝐫𝐝", "1d1ot");
    }

    @Test
    void aDisagreementNamesTheTextAndBothAnswers() {
        // Pre-normalised texts never hold two spaces in a row; cmkit reads any run as one, the anchors do not.
        LexiconScanners other = new LexiconScanners(List.of("sale connard"));
        assertThatThrownBy(() -> other.requireSameMatches(List.of("ok", "un sale  connard"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("text 1 \"un sale  connard\": org.ahocorasick found [] but cmkit (pre-normalised) found"
                        + " [sale connard@3-16 \"sale  connard\"]");
    }
}
