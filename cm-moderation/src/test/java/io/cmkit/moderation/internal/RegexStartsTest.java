package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegexStartsTest {

    private static final String PHONE = "(\\+33|0)\\s?[67](\\s?\\d{2}){4}";
    private static final String IBAN = "fr\\d{2}(\\s?[0-9a-z]{4}){5}";

    /** Patterns with a pre-scan, and what random texts are made of around them. */
    private static final List<String> PATTERNS = List.of(PHONE, IBAN,
            "\\b(bc1|0x)[a-zA-Z0-9]{25,40}\\b",
            "(promo|discount)\\s*code\\s*:?\\s*[a-z0-9]{4,}",
            "gagn(e|ez|er)\\s+(un|une|des)\\s+(iphone|ipad|voyage|bon)",
            "(whats\\s?app|telegram)\\s*:?\\s*\\+?\\d[\\d ]{7,}",
            "commande\\s*(n|no|numero)?\\s*\\d{6}",
            "^0[67]",
            "x*y+z?",
            "(?:ab|a)c{0,2}$",
            "#[^ ]?é",
            "[]x-][-q]+",
            "\\+\\.\\d{2,}?k");

    private static final String[] PIECES = {"+33", "+33 6", "0", "06", "07", " 6", "7", "12", "34 ", "5", " ", "\t", "\n",
        "fr", "76", "abcd", "3000", "bc1", "0x", "Ab9", "promo", "code", ":", "gagnez", "un", "iphone", "whats", "app",
        "telegram", "commande", "no", "123456", "x", "y", "z", "ab", "a", "c", "#", "é", "]", "-", "q", "+.", "k",
        "😀", "ü", ".", "e",
        // whole matches, cut and joined at random with the pieces above
        "+33 6 12 34 56 78", "0712345678", "fr76 3000 6000 0112 3456 7890", "0xabcdef0123456789abcdef012345",
        "promo code: ab12", "gagnez un iphone", "gagne des bon", "whatsapp +33 612 345", "commande no 123456", "+.123k"};

    private static String randomText(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int pieces = random.nextInt(25);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static List<String> plain(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find() && out.size() < 10) {
            out.add(m.start() + "-" + m.end());
            if (m.end() == m.start() && m.end() >= text.length()) {
                break;
            }
        }
        return out;
    }

    /**
     * What the engine does: nothing when no match can start, else the same loop from the first
     * possible start, stopped after a match when no match can start from its end on.
     */
    private static List<String> gated(Pattern p, RegexStarts starts, String text) {
        List<String> out = new ArrayList<>();
        int from = starts.firstStart(text);
        if (from < 0) {
            return out;
        }
        Matcher m = p.matcher(text);
        boolean found = m.find(from);
        while (found && out.size() < 10) {
            out.add(m.start() + "-" + m.end());
            if (m.end() == m.start() && m.end() >= text.length() || starts.firstStart(text, m.end()) < 0) {
                break;
            }
            found = m.find();
        }
        return out;
    }

    @Test
    @DisplayName("jumping between the first characters with indexOf finds the place reading every character finds, "
            + "from anywhere, on 20,000 random texts per pattern")
    void indexOfJumpsAsReadingEveryCharacter() {
        SplittableRandom random = new SplittableRandom(9);
        int found = 0;
        for (String regex : PATTERNS) {
            RegexStarts starts = RegexStarts.of(regex).orElseThrow();
            for (int i = 0; i < 20_000; i++) {
                String text = randomText(random);
                int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
                if (from > 0 && from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
                    from--; // a code point boundary, as a match's end is
                }
                int expected = starts.firstStartEveryChar(text, from);
                assertThat(starts.firstStart(text, from)).as("%s on \"%s\" from %d", regex, text, from).isEqualTo(expected);
                found += expected >= 0 ? 1 : 0;
            }
        }
        assertThat(found).isGreaterThan(25_000);
    }

    @Test
    @DisplayName("the pre-scan never changes what the regex finds, on 40,000 random texts per pattern")
    void findsTheSameMatchesAsTheRegexAlone() {
        SplittableRandom random = new SplittableRandom(5);
        for (String regex : PATTERNS) {
            RegexStarts starts = RegexStarts.of(regex).orElseThrow(() -> new AssertionError("no pre-scan for " + regex));
            Pattern p = Pattern.compile(regex);
            int matched = 0;
            int skipped = 0;
            for (int i = 0; i < 40_000; i++) {
                String text = randomText(random);
                List<String> expected = plain(p, text);
                assertThat(gated(p, starts, text)).as("%s on \"%s\"", regex, text).isEqualTo(expected);
                matched += expected.isEmpty() ? 0 : 1;
                skipped += starts.firstStart(text) < 0 ? 1 : 0;
            }
            // the texts exercise both sides: some match, and the pre-scan turns some away
            assertThat(matched).as("texts matching %s", regex).isGreaterThan(20);
            assertThat(skipped).as("texts turned away for %s", regex).isGreaterThan(1_000);
        }
    }

    @Test
    @DisplayName("a phone number can only start at +33 or at a 0 followed by 6 or 7")
    void phoneStarts() {
        RegexStarts phone = RegexStarts.of(PHONE).orElseThrow();
        String text = "commande 2026 livrée le 10/11, appelez le 06 12 34 56 78";
        assertThat(phone.firstStart(text)).isEqualTo(text.indexOf("06"));
        assertThat(phone.firstStart("+33 7 12 34 56 78")).isZero();
        assertThat(phone.firstStart("commande 2026 livrée le 10/11 à 10h05")).isEqualTo(-1);
        assertThat(RegexStarts.of(IBAN).orElseThrow().firstStart("merci pour tout")).isEqualTo(-1);
    }

    @Test
    @DisplayName("no pre-scan where it could not pay or the syntax is not read")
    void noPreScanWhereItCannotHelp() {
        assertThat(RegexStarts.of("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")).isEmpty(); // starts with any letter
        assertThat(RegexStarts.of("(?i)arnaque")).isEmpty();          // flags
        assertThat(RegexStarts.of("\\pL+x")).isEmpty();               // Unicode classes
        assertThat(RegexStarts.of("a*")).isEmpty();                   // matches the empty string
        assertThat(RegexStarts.of("é+t")).isEmpty();                  // starts with a non-ASCII letter
        assertThat(RegexStarts.of("(ab")).isEmpty();                  // unbalanced
        assertThat(RegexStarts.of("ab)")).isEmpty();
        assertThat(RegexStarts.of("[[:alpha:]]x")).isEmpty();
    }
}
