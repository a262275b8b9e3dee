package io.cmkit.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in one currency, for boost budgets and spend; kept exact with {@link BigDecimal}.
 *
 * @param amount never negative, rounded to the currency's minor unit
 * @param currency ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Checks.present("Money", "amount", amount);
        Checks.present("Money", "currency", currency);
        if (amount.signum() < 0) {
            throw new InvalidModelException("Money", "amount", "must not be negative (got " + amount.toPlainString() + ")");
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        amount = amount.setScale(digits, RoundingMode.HALF_EVEN);
    }

    /** Reads {@code "150.00 EUR"}-like amounts from numbers: {@code Money.of("150", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        Checks.notBlank("Money", "amount", amount);
        Checks.notBlank("Money", "currency", currencyCode);
        final BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidModelException("Money", "amount", "must be a decimal number, got '" + amount + "'");
        }
        final Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException("Money", "currency", "'" + currencyCode + "' is not an ISO 4217 currency code");
        }
        return new Money(value, currency);
    }

    /** The sum, in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The difference, which must not be negative. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
