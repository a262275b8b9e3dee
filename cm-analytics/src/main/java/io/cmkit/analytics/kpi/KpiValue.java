package io.cmkit.analytics.kpi;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Metric;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The value of a KPI: a finite number, or "not available" with the reason. Never NaN, never a
 * silent zero: a KPI whose counter the platform does not expose, or whose denominator is zero,
 * is {@link NotAvailable}. The reason is typed ({@link Unavailability}): a report words it in its
 * own language.
 */
public sealed interface KpiValue permits KpiValue.Available, KpiValue.NotAvailable {

    /** A computed value. */
    static KpiValue of(double value) {
        return new Available(value);
    }

    /** No value, and why (e.g. {@code new Unavailability.NotExposed(Metric.IMPRESSIONS, List.of(Platform.MASTODON))}). */
    static KpiValue notAvailable(Unavailability reason) {
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
    static KpiValue ratio(KpiValue numerator, KpiValue denominator, Metric denominatorMetric) {
        return ratio(numerator, denominator, new Unavailability.Zero(denominatorMetric));
    }

    /** {@code numerator / denominator}, with the reason to give when the denominator is zero. */
    static KpiValue ratio(KpiValue numerator, KpiValue denominator, Unavailability whenZero) {
        if (numerator instanceof NotAvailable) {
            return numerator;
        }
        if (denominator instanceof NotAvailable) {
            return denominator;
        }
        double d = ((Available) denominator).value();
        if (d == 0) {
            return notAvailable(whenZero);
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
     * @param reason why; {@link Unavailability#describe(Locale)} words it for a report
     */
    record NotAvailable(Unavailability reason) implements KpiValue {
        public NotAvailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "n/a (" + reason.describe(Locale.ENGLISH) + ")";
        }
    }
}
