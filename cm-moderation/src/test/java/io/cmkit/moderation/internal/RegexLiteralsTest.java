package io.cmkit.moderation.internal;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The regex prefilter takes only literals every match must contain")
class RegexLiteralsTest {

    @Test
    @DisplayName("the longest plain run outside groups, classes and optional characters")
    void literal() {
        assertThat(RegexLiterals.required("commande\\s*n?o?\\s*\\d{6}")).contains("commande");
        assertThat(RegexLiterals.required("gagn\\w+ un iphone")).contains(" un iphone");
        assertThat(RegexLiterals.required("colou?r")).contains("colo");
        assertThat(RegexLiterals.required("(abc|def)ghij")).contains("ghij");
        assertThat(RegexLiterals.required("[xyz]+promo[0-9]{2}")).contains("promo");
    }

    @Test
    @DisplayName("else one required symbol, unless it is optional, escaped or inside a group or class")
    void symbol() {
        assertThat(RegexLiterals.required("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")).contains("@");
        assertThat(RegexLiterals.required("\\d{2,3}\\s*%\\s*(off|remise)")).contains("%");
        assertThat(RegexLiterals.required("ab@?cd")).isEmpty();
        assertThat(RegexLiterals.required("ab(@|#)cd")).isEmpty();
        assertThat(RegexLiterals.required("\\+33\\d+")).isEmpty();
        assertThat(RegexLiterals.required("x@promo")).contains("promo");
    }

    @Test
    @DisplayName("no prefilter when a top-level alternation, flags or too short a literal make it uncertain")
    void none() {
        assertThat(RegexLiterals.required("promo|offre")).isEmpty();
        assertThat(RegexLiterals.required("(?i)Promo")).isEmpty();
        assertThat(RegexLiterals.required("ab\\d+")).isEmpty();
        assertThat(RegexLiterals.required("ab.cd.ef")).isEmpty();
    }

    @Test
    @DisplayName("else the literals of a group's branches, when every branch has one")
    void anyOf() {
        assertThat(RegexLiterals.requiredAnyOf("(whats\\s?app|telegram)\\s*:?\\s*\\+?\\d[\\d ]{7,}"))
                .contains(List.of("whats", "telegram"));
        assertThat(RegexLiterals.requiredAnyOf("\\b(bc1|0x)[a-zA-Z0-9]{25,40}\\b")).contains(List.of("bc1", "0x"));
        assertThat(RegexLiterals.requiredAnyOf("commande\\s*\\d{6}")).contains(List.of("commande"));
        assertThat(RegexLiterals.requiredAnyOf("(\\+33|0)\\s?[67]")).isEmpty(); // "0" is too short to be worth it
        assertThat(RegexLiterals.requiredAnyOf("(ab|cd)?\\d+")).isEmpty();         // the group is optional
        assertThat(RegexLiterals.requiredAnyOf("(ab|cd)\\d|x")).isEmpty();         // a top-level alternative
        assertThat(RegexLiterals.requiredAnyOf("(ab|c(d|e))\\d")).isEmpty();       // a nested group
    }

    @Test
    @DisplayName("the short prefilter also takes one-character runs and branches, and keeps the strong one when there is one")
    void shortAnyOf() {
        assertThat(RegexLiterals.shortAnyOf("(\\+33|0)\\s?[67](\\s?\\d{2}){4}")).contains(List.of("33", "0"));
        assertThat(RegexLiterals.shortAnyOf("fr\\d{2}(\\s?[0-9a-z]{4}){5}")).contains(List.of("fr"));
        assertThat(RegexLiterals.shortAnyOf("commande\\s*\\d{6}")).contains(List.of("commande"));
        assertThat(RegexLiterals.shortAnyOf("(ab|cd)?\\d+")).isEmpty();         // still nothing certain
        assertThat(RegexLiterals.shortAnyOf("(a|b)\\d|x")).isEmpty();           // a top-level alternative
        assertThat(RegexLiterals.shortAnyOf("(?i)x\\d")).isEmpty();             // flags
    }

    /**
     * Every match holds one of the literals inside it, so after a match the engine stops searching
     * when no literal is left from its end on.
     */
    @Test
    void everyMatchHoldsOneOfTheLiterals() {
        List<String> patterns = List.of("commande\\s*(n|no|numero)?\\s*\\d{6}", "order\\s*(no|number)?\\s*\\d{6}",
                "(\\+33|0)\\s?[67](\\s?\\d{2}){4}", "fr\\d{2}(\\s?[0-9a-z]{4}){5}", "(promo|discount)\\s*code\\s*:?\\s*[a-z0-9]{4,}",
                "gagn(e|ez|er)\\s+(un|une|des)\\s+(iphone|ipad|voyage|bon)", "\\d{2,3}\\s*%\\s*(off|de reduction|remise)",
                "(whats\\s?app|telegram)\\s*:?\\s*\\+?\\d[\\d ]{7,}");
        String[] pieces = {"commande", "order", " ", "no", "n", "number", "123456", "1234", "+33", "0", "6", "7", "12", "fr",
            "76", "abcd", "promo", "discount", "code", ":", "gagnez", "gagne", "un", "des", "iphone", "bon", "50", "%", "off",
            "remise", "whats", "app", "telegram", "x", "9"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int matches = 0;
        for (String regex : patterns) {
            List<String> literals = RegexLiterals.shortAnyOf(regex).orElseThrow(() -> new AssertionError(regex));
            com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(regex);
            for (int k = 0; k < 20_000; k++) {
                StringBuilder b = new StringBuilder();
                for (int j = random.nextInt(30); j > 0; j--) {
                    b.append(pieces[random.nextInt(pieces.length)]);
                }
                String text = b.toString();
                com.google.re2j.Matcher m = p.matcher(text);
                while (m.find()) {
                    String match = m.group();
                    assertThat(literals.stream().anyMatch(match::contains)).as("%s: '%s' in '%s'", regex, match, text).isTrue();
                    matches++;
                }
            }
        }
        assertThat(matches).isGreaterThan(1_000);
    }
}
