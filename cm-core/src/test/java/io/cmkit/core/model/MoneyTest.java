package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Money")
class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    @DisplayName("reads an amount and a currency code")
    void of() {
        Money budget = Money.of(" 150 ", "eur");

        assertThat(budget.amount()).isEqualByComparingTo("150");
        assertThat(budget.currency()).isEqualTo(EUR);
        assertThat(budget).hasToString("150.00 EUR");
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "19.999,  EUR, 20.00",
            "10.005,  EUR, 10.00",
            "10.015,  EUR, 10.02",
            "1500.4,  JPY, 1500",
            "1500.5,  JPY, 1500",
            "1.2346,  BHD, 1.235",
            "7,       USD, 7.00",
    })
    @DisplayName("rounds to the currency's minor unit, half to even")
    void rounding(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency).amount().toPlainString()).isEqualTo(expected);
    }

    @Test
    @DisplayName("amounts that differ only in scale are equal")
    void equality() {
        assertThat(Money.of("10", "EUR")).isEqualTo(new Money(new BigDecimal("10.000"), EUR));
    }

    @Test
    @DisplayName("adds, subtracts and compares within one currency")
    void arithmetic() {
        Money hundred = Money.of("100", "EUR");
        Money thirty = Money.of("30.50", "EUR");

        assertThat(hundred.plus(thirty)).isEqualTo(Money.of("130.50", "EUR"));
        assertThat(hundred.minus(thirty)).isEqualTo(Money.of("69.50", "EUR"));
        assertThat(hundred.minus(hundred).amount()).isEqualByComparingTo("0");
        assertThat(hundred).isGreaterThan(thirty);
    }

    @Test
    @DisplayName("refuses to mix currencies")
    void mixedCurrencies() {
        Money euros = Money.of("10", "EUR");
        Money dollars = Money.of("10", "USD");

        assertThatThrownBy(() -> euros.plus(dollars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot mix EUR and USD");
        assertThatThrownBy(() -> euros.compareTo(dollars)).hasMessage("cannot mix EUR and USD");
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a negative amount, including a difference that goes below zero")
        void negative() {
            assertRejected(() -> new Money(new BigDecimal("-1"), EUR), "Money", "amount",
                    "Money.amount must not be negative (got -1)");
            assertRejected(() -> Money.of("10", "EUR").minus(Money.of("15", "EUR")), "Money", "amount",
                    "Money.amount must not be negative (got -5.00)");
        }

        @Test
        @DisplayName("an amount that is not a decimal number")
        void notANumber() {
            assertRejected(() -> Money.of("ten", "EUR"), "Money", "amount", "Money.amount must be a decimal number, got 'ten'");
            assertRejected(() -> Money.of("1,50", "EUR"), "Money", "amount",
                    "Money.amount must be a decimal number, got '1,50'");
        }

        @Test
        @DisplayName("a code that is not an ISO 4217 currency")
        void badCurrency() {
            assertRejected(() -> Money.of("1", "EURO"), "Money", "currency",
                    "Money.currency 'EURO' is not an ISO 4217 currency code");
        }

        @Test
        @DisplayName("missing or blank parts")
        void missing() {
            assertRejected(() -> new Money(null, EUR), "Money", "amount", "Money.amount is required");
            assertRejected(() -> new Money(BigDecimal.ONE, null), "Money", "currency", "Money.currency is required");
            assertRejected(() -> Money.of(" ", "EUR"), "Money", "amount", "Money.amount must not be blank");
            assertRejected(() -> Money.of("1", ""), "Money", "currency", "Money.currency must not be blank");
        }
    }
}
