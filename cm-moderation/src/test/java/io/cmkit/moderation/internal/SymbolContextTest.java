package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymbolContextTest {

    private static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

    @Test
    void anEmailPatternNeedsAClassCharacterOnEachSideOfTheAt() {
        SymbolContext gate = SymbolContext.of(EMAIL).orElseThrow();
        assertThat(gate.mayMatch("merci @cafe_lumiere pour tout")).isFalse();
        assertThat(gate.mayMatch("@cafe_lumiere merci")).isFalse();
        assertThat(gate.mayMatch("écrivez à jean@example.org")).isTrue();
        assertThat(gate.mayMatch("a@ b")).isFalse();
        assertThat(gate.mayMatch("trailing a@")).isFalse();
    }

    @Test
    void patternsWithoutAPlainClassNextToATopLevelSymbolHaveNoGate() {
        assertThat(SymbolContext.of("(\\+33|0)\\s?[67](\\s?\\d{2}){4}")).isEmpty();
        assertThat(SymbolContext.of("a|[a-z]+@[a-z]+")).isEmpty();          // top-level alternation
        assertThat(SymbolContext.of("(?i)[a-z]+@[a-z]+")).isEmpty();        // flags
        assertThat(SymbolContext.of("[^ ]+@[a-z]+")).isEmpty();             // a negated class is not read
        assertThat(SymbolContext.of("\\w*@\\w*")).isEmpty();                // no bracket class
        assertThat(SymbolContext.of("([a-z]+@[a-z]+)")).isEmpty();          // symbol inside a group
        assertThat(SymbolContext.of("[a-z]+@?[a-z]+")).isEmpty();           // optional symbol
        assertThat(SymbolContext.of("[a-z]*@[a-z]*")).isEmpty();            // optional neighbours
    }

    /** The gate is a necessary condition: whenever it says no, the regex finds nothing. */
    @Test
    void neverTurnsAwayATextTheRegexMatches() {
        List<String> patterns = List.of(EMAIL, "[a-z]+@[a-z0-9-]+", "[\\w.]+:[0-9]{2,}", "x[ab-d]%[\\d\\-]", "[a-c]+#");
        String alphabet = "ab cdx@:%#-.9_AZé";
        SplittableRandom random = new SplittableRandom(7);
        int turnedAway = 0;
        for (String regex : patterns) {
            SymbolContext gate = SymbolContext.of(regex).orElseThrow();
            Pattern p = Pattern.compile(regex);
            for (int k = 0; k < 20_000; k++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(12);
                for (int j = 0; j < length; j++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String t = text.toString();
                if (!gate.mayMatch(t)) {
                    turnedAway++;
                    assertThat(p.matcher(t).find()).as("%s on '%s'", regex, t).isFalse();
                }
            }
        }
        assertThat(turnedAway).isGreaterThan(10_000);
    }

    @Test
    void anEmailMatchStartsNoEarlierThanTheRunBeforeTheFirstFittingAt() {
        SymbolContext gate = SymbolContext.of(EMAIL).orElseThrow();
        String text = "merci @cafe_lumiere, écrivez à jean.dupont@example.org ou a@b";
        assertThat(gate.firstStart(text)).isEqualTo(text.indexOf("jean"));
        assertThat(gate.firstStart("merci @cafe_lumiere")).isEqualTo(-1);
        // a symbol between classes that does not open the regex bounds nothing
        assertThat(SymbolContext.of("x[ab-d]%[\\d\\-]").orElseThrow().firstStart("..xa%1")).isZero();
        // a class holding the symbol itself: the run reaches back across earlier symbols, as a match would
        assertThat(SymbolContext.of("[a-z@]+@[a-z]+").orElseThrow().firstStart("x y@ab@cd")).isEqualTo(2);
        assertThat(SymbolContext.of("[a-z@]+@[a-z]+").orElseThrow().firstStart("x @y@ab@cd")).isEqualTo(2);
    }

    /**
     * The bounds are exact: the regex's first match never starts before {@link SymbolContext#firstStart},
     * so searching from there finds the same matches, and no match follows one after which
     * {@link SymbolContext#mayMatchFrom} says no.
     */
    @Test
    void noMatchStartsBeforeTheFirstStart() {
        List<String> patterns = List.of(EMAIL, "[a-z]+@[a-z0-9-]+", "[\\w.]+:[0-9]{2,}", "x[ab-d]%[\\d\\-]", "[a-c]+#",
                "[a-z@]+@[a-z]+", "[a-z.]+@[a-z]+\\.[a-z]{2,}", "%[0-9]+");
        String alphabet = "ab cdx@@:%#-.9_AZé";
        SplittableRandom random = new SplittableRandom(11);
        int bounded = 0;
        int stopped = 0;
        for (String regex : patterns) {
            SymbolContext gate = SymbolContext.of(regex).orElseThrow();
            Pattern p = Pattern.compile(regex);
            for (int k = 0; k < 20_000; k++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(30);
                for (int j = 0; j < length; j++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String t = text.toString();
                int from = gate.firstStart(t);
                com.google.re2j.Matcher all = p.matcher(t);
                if (!all.find()) {
                    continue;
                }
                assertThat(from).as("%s on '%s'", regex, t).isBetween(0, all.start());
                com.google.re2j.Matcher fromThere = p.matcher(t);
                assertThat(fromThere.find(from)).isTrue();
                boolean more;
                do {
                    assertThat(fromThere.start()).as("%s on '%s' from %d", regex, t, from).isEqualTo(all.start());
                    assertThat(fromThere.end()).isEqualTo(all.end());
                    boolean mayGoOn = gate.mayMatchFrom(t, all.end());
                    more = all.find() & fromThere.find();
                    if (!mayGoOn) {
                        assertThat(more).as("%s on '%s': a match after %d", regex, t, fromThere.end()).isFalse();
                        stopped++;
                    }
                } while (more);
                bounded += from > 0 ? 1 : 0;
            }
        }
        assertThat(bounded).as("texts where the search starts later").isGreaterThan(3_000);
        assertThat(stopped).as("searches stopped after a match").isGreaterThan(5_000);
    }
}
