package io.cmkit.analytics.kpi;

import io.cmkit.analytics.AnalyticsException;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The value of a KPI: a finite number, or "not available" with the reason. Never NaN, never a
 * silent zero: a KPI whose counter the platform does not expose, or whose denominator is zero,
 * is {@link NotAvailable}.
 */
public sealed interface KpiValue permits KpiValue.Available, KpiValue.NotAvailable {

    /** A computed value. */
    static KpiValue of(double value) {
        return new Available(value);
    }

    /** No value, and why ("mastodon does not expose impressions"). */
    static KpiValue notAvailable(String reason) {
        return new NotAvailable(reason);
    }

    /** Whether there is a number. */
    default boolean isAvailable() {
        return this instanceof Available;
    }

    /** The number, or empty when not available. */
    default OptionalDouble asDouble() {
        return this instanceof Available a ? OptionalDouble.of(a.value()) : OptionalDouble.empty();
    }

    /**
     * {@code numerator / denominator}: not available when either is, or when the denominator is
     * zero (the reason says which counter was zero).
     */
    static KpiValue ratio(KpiValue numerator, KpiValue denominator, String denominatorName) {
        if (numerator instanceof NotAvailable) {
            return numerator;
        }
        if (denominator instanceof NotAvailable) {
            return denominator;
        }
        double d = ((Available) denominator).value();
        if (d == 0) {
            return notAvailable(denominatorName + " is 0");
        }
        return of(((Available) numerator).value() / d);
    }

    /** This value times a factor; not available stays not available. */
    default KpiValue times(double factor) {
        return this instanceof Available a ? of(a.value() * factor) : this;
    }

    /**
     * A number.
     *
     * @param value finite
     */
    record Available(double value) implements KpiValue {
        public Available {
            if (!Double.isFinite(value)) {
                throw new AnalyticsException("KpiValue.value", "must be a finite number (got " + value + ")");
            }
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /**
     * No number.
     *
     * @param reason why, in a sentence fragment a report can show
     */
    record NotAvailable(String reason) implements KpiValue {
        public NotAvailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "n/a (" + reason + ")";
        }
    }
}
