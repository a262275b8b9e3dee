package io.cmkit.core.strategy.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cmkit.core.model.KpiTarget;

/**
 * Readers of the scalar values a brand kit holds that the model has no parser for. Each
 * returns the value or throws {@link BadValue} with a message for the person editing the file.
 */
final class Values {

    /** A scalar's text is not a valid value of its kind. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final SortedSet<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final List<String> DIRECTIONS = List.of("at_least", "at_most");

    private Values() {
    }

    /** A region time zone ({@code Europe/Paris}) or a fixed offset ({@code +01:00}, {@code UTC}). */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String hint = Suggestions.didYouMean(text, ZONES);
            throw new BadValue("unknown time zone '" + text + "'"
                    + (hint.isEmpty() ? "; use a region name such as 'Europe/Paris' or 'America/Denver'" : hint));
        }
    }

    /** A BCP 47 language tag whose language (and region, when it has one) exists. */
    static Locale language(String text) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(text).build();
        } catch (IllformedLocaleException e) {
            throw new BadValue("'" + text + "' is not a BCP 47 language tag" + (text.contains("_")
                    ? "; did you mean '" + text.replace('_', '-') + "'?"
                    : "; write one such as 'fr', 'fr-FR' or 'en-GB'"));
        }
        String language = locale.getLanguage();
        if (language.isEmpty()) {
            throw new BadValue("'" + text + "' names no language; write a tag such as 'fr', 'fr-FR' or 'en-GB'");
        }
        if (language.length() == 2 && !LANGUAGES.contains(language)) {
            throw new BadValue("unknown language '" + language + "' in '" + text + "' (not an ISO 639 code)");
        }
        String region = locale.getCountry();
        if (region.length() == 2 && !COUNTRIES.contains(region)) {
            throw new BadValue("unknown region '" + region + "' in '" + text + "' (not an ISO 3166 code)");
        }
        return locale;
    }

    /** An ISO 3166-1 alpha-2 code, in any case; returned upper case. */
    static String country(String text) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new BadValue("'" + text + "' is not an ISO 3166-1 alpha-2 country code"
                    + (code.equals("UK") ? "; the United Kingdom is 'GB'" : ""));
        }
        return code;
    }

    /** {@code at_least} or {@code at_most}, in any case, with {@code -} for {@code _}. */
    static KpiTarget.Direction direction(String text) {
        String normal = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (normal) {
            case "at_least" -> KpiTarget.Direction.AT_LEAST;
            case "at_most" -> KpiTarget.Direction.AT_MOST;
            default -> {
                String hint = Suggestions.didYouMean(text, DIRECTIONS);
                throw new BadValue("unknown direction '" + text + "'"
                        + (hint.isEmpty() ? "; expected 'at_least' or 'at_most'" : hint));
            }
        };
    }

    /** {@code monday} to {@code sunday}, or {@code mon} to {@code sun}, in any case. */
    static DayOfWeek weekday(String text) {
        String normal = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (normal.equals(name) || normal.equals(name.substring(0, 3))) {
                return day;
            }
        }
        String hint = Suggestions.didYouMean(text,
                List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"));
        throw new BadValue("unknown weekday '" + text + "'"
                + (hint.isEmpty() ? "; expected monday to sunday, or mon to sun" : hint));
    }

    /** A 24-hour time of day, {@code HH:mm} ({@code 8:30} is forgiven). */
    static LocalTime time(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        throw new BadValue("expected a time of day as HH:mm, from 00:00 to 23:59, got '" + text + "'");
    }

    /** A hashtag, with or without its {@code #}: letters, digits and {@code _}. Returned without {@code #}. */
    static String hashtag(String text) {
        String tag = text.startsWith("#") ? text.substring(1) : text;
        if (tag.isEmpty() || !tag.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new BadValue("a hashtag is letters, digits or '_' only, got '" + text + "'");
        }
        return tag;
    }
}
