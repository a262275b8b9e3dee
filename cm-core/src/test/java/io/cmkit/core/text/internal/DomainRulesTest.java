package io.cmkit.core.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DomainRulesTest {

    private static final String[] PIECES = {"0", "1", "12", "255", "999", "1234", ".", "..", "a", "x1", "\u0661", "-", ""};

    @Test
    @DisplayName("an IPv4 host is read as the regex \\d{1,3}(\\.\\d{1,3}){3} reads it, on 200,000 random hosts")
    void ipv4AsTheRegexReadsIt() {
        SplittableRandom random = new SplittableRandom(5);
        int addresses = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextBoolean()) { // near an address: 3 to 5 groups of 1 to 4 digits, now and then another character
                for (int g = 3 + random.nextInt(3); g > 0; g--) {
                    for (int d = 1 + random.nextInt(random.nextInt(8) == 0 ? 4 : 3); d > 0; d--) {
                        b.append(random.nextInt(30) == 0 ? PIECES[random.nextInt(PIECES.length)] : (char) ('0' + random.nextInt(10)));
                    }
                    if (g > 1) {
                        b.append('.');
                    }
                }
            } else {
                for (int k = random.nextInt(9); k >= 0; k--) {
                    b.append(PIECES[random.nextInt(PIECES.length)]);
                    if (random.nextInt(3) > 0) {
                        b.append('.');
                    }
                }
            }
            String host = b.toString();
            boolean expected = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            assertThat(DomainRules.isIpv4(host)).as("\"%s\"", host).isEqualTo(expected);
            addresses += expected ? 1 : 0;
        }
        assertThat(addresses).isGreaterThan(20_000);
        assertThat(DomainRules.isIpv4("192.168.1.10")).isTrue();
        assertThat(DomainRules.isIpv4("192.168.1.1000")).isFalse();
        assertThat(DomainRules.isIpv4("1.2.3")).isFalse();
        assertThat(DomainRules.isIpv4("1.2.3.4.")).isFalse();
    }
}
