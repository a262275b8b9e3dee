package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The matcher agrees with a naive search (seeded)")
class MatcherOracleTest {

    /** Everything but the steps that create two readings, so indexOf on the normalised text is the truth. */
    private static final NormalizationOptions PLAIN = NormalizationOptions.TEXT_SEARCH.withCollapseRepeats(false);

    private record Found(String pattern, MatchMode mode, int start, int end) {
    }

    private static boolean wordAt(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }

    @Test
    @DisplayName("every mode, 2,000 patterns, 500 comments: the same matches as indexOf with boundary checks, "
            + "prefix and suffix matches widened to their word")
    void sameAsIndexOf() {
        List<String> terms = SyntheticLexicon.terms(2000, 3L);
        List<String> comments = SyntheticLexicon.comments(500, 150, terms, 4L);
        Random r = new Random(5L);
        PatternMatcher.Builder<MatchMode> builder = PatternMatcher.<MatchMode>builder().normalization(PLAIN);
        List<String> normalizedTerms = new ArrayList<>();
        List<MatchMode> modes = new ArrayList<>();
        TextNormalizer normalizer = TextNormalizer.of(PLAIN);
        for (String term : terms) {
            MatchMode mode = MatchMode.values()[r.nextInt(MatchMode.values().length)];
            builder.add(term, mode, mode);
            normalizedTerms.add(normalizer.normalize(term).text());
            modes.add(mode);
        }
        PatternMatcher<MatchMode> matcher = builder.build();
        int total = 0;
        for (String comment : comments) {
            NormalizedText n = normalizer.normalize(comment);
            String t = n.text();
            List<Found> expected = new ArrayList<>();
            for (int p = 0; p < terms.size(); p++) {
                String term = normalizedTerms.get(p);
                MatchMode mode = modes.get(p);
                for (int at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + 1)) {
                    int end = at + term.length();
                    boolean startOk = !wordAt(t, at - 1) || !wordAt(t, at);
                    boolean endOk = !wordAt(t, end) || !wordAt(t, end - 1);
                    boolean ok = switch (mode) {
                        case WHOLE_WORD -> startOk && endOk;
                        case PREFIX -> startOk;
                        case SUFFIX -> endOk;
                        case ANYWHERE -> true;
                    };
                    if (ok) {
                        // A prefix or suffix match covers its whole word.
                        int from = at;
                        int to = end;
                        if (mode == MatchMode.PREFIX) {
                            while (wordAt(t, to)) {
                                to++;
                            }
                        } else if (mode == MatchMode.SUFFIX) {
                            while (wordAt(t, from - 1)) {
                                from--;
                            }
                        }
                        Span span = n.toOriginal(from, to);
                        expected.add(new Found(terms.get(p), mode, span.start(), span.end()));
                    }
                }
            }
            List<Found> actual = new ArrayList<>();
            for (Match<MatchMode> m : matcher.findAll(comment)) {
                actual.add(new Found(m.pattern(), m.payload(), m.start(), m.end()));
            }
            Comparator<Found> order = Comparator.comparing(Found::start).thenComparing(Found::end).thenComparing(Found::pattern);
            expected.sort(order);
            actual.sort(order);
            assertThat(actual).as(comment).isEqualTo(expected);
            total += actual.size();
        }
        assertThat(total).as("the comments do contain matches").isGreaterThan(500);
    }
}
