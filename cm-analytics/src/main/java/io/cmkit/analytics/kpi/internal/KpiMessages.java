package io.cmkit.analytics.kpi.internal;

import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words of the KPI reasons in one language: French for a French locale, English otherwise.
 * Both are for the client who reads a report: metrics, platforms and dates in words ("click-through
 * rate", "Instagram", "April 1, 2026"; "taux de clic", "Instagram", "1 avril 2026"), never an id. A
 * program reads the typed reason itself, not these words.
 */
public final class KpiMessages {

    private static final String BUNDLE = "io.cmkit.analytics.kpi.internal.reasons";
    private static final KpiMessages ENGLISH = new KpiMessages(false);
    private static final KpiMessages FRENCH = new KpiMessages(true);

    private final boolean french;
    private final ResourceBundle messages;
    /** French: one pattern; English: the long style of Locale.ENGLISH, or of the reader's English locale. */
    private final DateTimeFormatter dates;

    private KpiMessages(boolean french) {
        this.french = french;
        Locale locale = french ? Locale.FRENCH : Locale.ROOT;
        // No fallback to the JVM's default locale: English stays English on a French machine.
        this.messages = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = french ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);
    }

    /** The words for {@code locale}. */
    public static KpiMessages of(Locale locale) {
        return locale != null && locale.getLanguage().equals("fr") ? FRENCH : ENGLISH;
    }

    /** The text under {@code key}, with {0}, {1}... replaced by the arguments. */
    public String text(String key, Object... args) {
        String text;
        try {
            text = messages.getString("reason." + key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("KPI reason '" + key + "' has no wording in " + (french ? "French" : "English"), e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A metric's name as a client reads it: "click-through rate", "taux de clic"; the id for a metric it does not know. */
    public String metric(Metric metric) {
        String key = "metric." + metric.id();
        return messages.containsKey(key) ? messages.getString(key) : metric.id();
    }

    /** Metrics listed, separated by commas: "likes, shares", "j'aime, partages". */
    public String metrics(List<Metric> metrics) {
        return metrics.stream().map(this::metric).collect(Collectors.joining(", "));
    }

    /** A platform by its display name: "Instagram". */
    public String platform(Platform platform) {
        return platform.displayName();
    }

    /** Platforms listed, separated by commas. */
    public String platforms(List<Platform> platforms) {
        return platforms.stream().map(this::platform).collect(Collectors.joining(", "));
    }

    /**
     * A day in words: "1 avril 2026" in French; in English the way {@code locale} writes it when it is an
     * English one ("1 April 2026" in the United Kingdom), else "April 1, 2026".
     */
    public String date(LocalDate day, Locale locale) {
        boolean english = !french && locale != null && locale.getLanguage().equals("en") && !locale.getCountry().isEmpty();
        return (english ? dates.withLocale(locale) : dates).format(day);
    }
}
