package io.cmkit.analytics.report.internal;

import io.cmkit.analytics.kpi.MetricNames;
import io.cmkit.analytics.report.Unit;
import io.cmkit.core.model.KpiTarget;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.OptionalDouble;
import java.util.ResourceBundle;

/**
 * Labels, numbers, percentages and dates in the report's language: "12 345,6", "+3,4 %",
 * "26 nov. 2026" in French; "12,345.6", "+3.4%", "Nov 26, 2026" in English.
 */
public final class ReportText {

    private static final String BUNDLE = "io.cmkit.analytics.report.internal.messages";

    private final Locale locale;
    private final Currency currency;
    private final ResourceBundle messages;
    private final DateTimeFormatter dates;
    private final String percentSuffix;

    public ReportText(Locale locale, Currency currency) {
        this.locale = locale;
        this.currency = currency;
        // No fallback to the JVM's default locale: an English report on a French machine stays English.
        this.messages = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.percentSuffix = locale.getLanguage().equals("fr") ? "\u00a0%" : "%";
    }

    public Locale locale() {
        return locale;
    }

    /** The label under that key, with {0}, {1}... replaced by the arguments. */
    public String label(String key, Object... args) {
        String text;
        try {
            text = messages.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("report label '" + key + "' is missing for " + locale, e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The label under that key, or the fallback when there is none (open vocabularies). */
    public String labelOr(String key, String fallback) {
        return messages.containsKey(key) ? messages.getString(key) : fallback;
    }

    /** A target's metric as the reader names it, with its platform: "taux de clic (Instagram)". */
    public String metric(KpiTarget target) {
        return MetricNames.of(target.metric(), locale) + target.platform().map(p -> " (" + p.displayName() + ")").orElse("");
    }

    public String date(LocalDate day) {
        return dates.format(day);
    }

    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, locale);
    }

    public String hour(int hour) {
        return String.format(Locale.ROOT, "%02d:00", hour);
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A number with at most {@code decimals} decimals, grouped the local way. */
    public String decimal(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** A fraction as a percentage with one decimal: 0.034 reads "3,4 %". */
    public String percent(double fraction) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(fraction * 100) + percentSuffix;
    }

    /** A relative change with its sign: "+3,4 %", "-12,0 %". */
    public String signedPercent(double fraction) {
        String text = percent(Math.abs(fraction));
        if (text.equals(percent(0))) {
            return text;
        }
        return (fraction > 0 ? "+" : "-") + text;
    }

    public String money(double amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        return format.format(amount);
    }

    /** A value in its unit. */
    public String value(Unit unit, double value) {
        return switch (unit) {
            case COUNT -> Math.rint(value) == value ? count((long) value) : decimal(value, 1);
            case RATE -> percent(value);
            case MINUTES -> label("unit.minutes", decimal(value, 1));
            case MONEY -> money(value);
        };
    }

    /** A value in its unit, or "n/a" / "n.d." when it is not available. */
    public String value(Unit unit, OptionalDouble value) {
        return value.isPresent() ? value(unit, value.getAsDouble()) : notAvailable();
    }

    public String notAvailable() {
        return label("value.notAvailable");
    }
}
