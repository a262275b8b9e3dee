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
}
