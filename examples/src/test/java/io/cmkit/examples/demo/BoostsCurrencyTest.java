package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoostsCurrencyTest {

    @Test
    @DisplayName("the boost budget is in the currency of the brand's country, EUR when its language names none")
    void currencyOfTheBrandsCountry() {
        assertThat(Boosts.currencyOf(Locale.forLanguageTag("en-US"))).isEqualTo("USD");
        assertThat(Boosts.currencyOf(Locale.forLanguageTag("fr-FR"))).isEqualTo("EUR");
        assertThat(Boosts.currencyOf(Locale.forLanguageTag("fr-CH"))).isEqualTo("CHF");
        assertThat(Boosts.currencyOf(Locale.forLanguageTag("en-GB"))).isEqualTo("GBP");
        assertThat(Boosts.currencyOf(Locale.forLanguageTag("fr"))).isEqualTo("EUR");
        assertThat(Boosts.currencyOf(Locale.forLanguageTag("en-001"))).isEqualTo("EUR");
    }
}
