package io.cmkit.moderation.internal;

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
    @DisplayName("no prefilter when a top-level alternation, flags or too short a literal make it uncertain")
    void none() {
        assertThat(RegexLiterals.required("promo|offre")).isEmpty();
        assertThat(RegexLiterals.required("(?i)Promo")).isEmpty();
        assertThat(RegexLiterals.required("ab\\d+")).isEmpty();
        assertThat(RegexLiterals.required("ab.cd.ef")).isEmpty();
    }
}
