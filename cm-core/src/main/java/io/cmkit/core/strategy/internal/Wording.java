package io.cmkit.core.strategy.internal;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Platform;
import io.cmkit.core.strategy.FitReason.Factor;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sentences of platform fit explanations, in English or French. Percentages are rounded to
 * whole numbers, with one decimal below 10 and two below 1, so that 0.05 % does not read as 0 %.
 */
public abstract class Wording {

    /** French for a French-language locale, English otherwise. */
    public static Wording forLocale(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? new French() : new English();
    }

    private final NumberFormat whole;
    private final NumberFormat oneDecimal;
    private final NumberFormat twoDecimals;

    private Wording(Locale locale) {
        whole = format(locale, 0);
        oneDecimal = format(locale, 1);
        twoDecimals = format(locale, 2);
    }

    private static NumberFormat format(Locale locale, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(decimals);
        return format;
    }

    /** A percentage without its sign: "48", "2.5", "0.05"; small figures keep their decimals. */
    final String number(double percent) {
        return (percent < 0.995 ? twoDecimals : percent < 9.95 ? oneDecimal : whole).format(percent);
    }

    abstract String age(String audience, double audienceShare, AgeRange band, Platform platform, double platformShare,
                        double populationShare);

    abstract String agesOutsideBands(String audience, List<AgeRange> ages);

    abstract String noAgeData(String audience, Platform platform);

    abstract String country(String audience, String code, double penetration, boolean fromDefault);

    abstract String noCountryData(String audience, String code, Platform platform);

    abstract String tag(Factor factor, String audience, String tag, double affinity);

    abstract String noTagData(Factor factor, String audience, String tag, Platform platform);

    abstract String audienceLeftOut(String audience, Platform platform);

    abstract String notInReference(Platform platform, String source);

    abstract String noAudiences();

    abstract String nothingComparable(Platform platform);

    static int level(double affinity) {
        return affinity >= 80 ? 4 : affinity >= 60 ? 3 : affinity >= 40 ? 2 : affinity >= 20 ? 1 : 0;
    }

    private static final class English extends Wording {

        private static final String[] LEVELS = {"very weak", "weak", "moderate", "good", "strong"};

        English() {
            super(Locale.ENGLISH);
        }

        private String pct(double percent) {
            return number(percent) + "%";
        }

        private static String aud(String audience) {
            return "audience '" + audience + "'";
        }

        @Override
        String age(String audience, double audienceShare, AgeRange band, Platform platform, double platformShare,
                   double populationShare) {
            return "age: " + pct(audienceShare) + " of the " + aud(audience) + " is " + band + ", where "
                    + platform.displayName() + " has " + pct(platformShare) + " of its users (population: "
                    + pct(populationShare) + ")";
        }

        @Override
        String agesOutsideBands(String audience, List<AgeRange> ages) {
            return "age: ages " + ages.stream().map(AgeRange::toString).collect(Collectors.joining(", "))
                    + " of the " + aud(audience) + " are outside the reference's age bands, left out";
        }

        @Override
        String noAgeData(String audience, Platform platform) {
            return "age: no age data for " + platform.displayName() + ", left out for the " + aud(audience);
        }

        @Override
        String country(String audience, String code, double penetration, boolean fromDefault) {
            return "country: " + code + " penetration " + pct(penetration)
                    + (fromDefault ? " (the reference's default for countries it does not list; " : " (")
                    + aud(audience) + ")";
        }

        @Override
        String noCountryData(String audience, String code, Platform platform) {
            return "country: no data for " + code + " on " + platform.displayName() + ", left out for the "
                    + aud(audience);
        }

        @Override
        String tag(Factor factor, String audience, String tag, double affinity) {
            return name(factor) + " '" + tag + "': " + LEVELS[level(affinity)] + " affinity, " + number(affinity)
                    + "/100 (" + aud(audience) + ")";
        }

        @Override
        String noTagData(Factor factor, String audience, String tag, Platform platform) {
            return name(factor) + " '" + tag + "': no reference data for " + platform.displayName()
                    + ", left out for the " + aud(audience);
        }

        private static String name(Factor factor) {
            return factor == Factor.INTEREST ? "interest" : "behaviour";
        }

        @Override
        String audienceLeftOut(String audience, Platform platform) {
            return "the " + aud(audience) + " has no age, country, interest or behaviour that the reference "
                    + "covers for " + platform.displayName() + "; it does not count for this platform";
        }

        @Override
        String notInReference(Platform platform, String source) {
            return "no reference data for '" + platform.id() + "' in " + source;
        }

        @Override
        String noAudiences() {
            return "the strategy has no audiences to compare platforms with";
        }

        @Override
        String nothingComparable(Platform platform) {
            return "none of the strategy's audiences has an age, country, interest or behaviour that the "
                    + "reference covers for " + platform.displayName();
        }
    }

    private static final class French extends Wording {

        private static final String NBSP = "\u00a0";
        private static final String[] LEVELS = {"très faible", "faible", "moyenne", "élevée", "forte"};

        French() {
            super(Locale.FRENCH);
        }

        private String pct(double percent) {
            return number(percent) + NBSP + "%";
        }

        private static String aud(String audience) {
            return "audience «" + NBSP + audience + NBSP + "»";
        }

        private static String quoted(String text) {
            return "«" + NBSP + text + NBSP + "»";
        }

        private static String years(AgeRange band) {
            return band.max() == AgeRange.OPEN_ENDED ? band.min() + " ans et plus" : band + " ans";
        }

        private static String of(Platform platform) {
            String name = platform.displayName();
            // Elision before a vowel sound only: "d'Instagram", but "de YouTube" (Y sounds as a consonant there).
            return "AEIOUÉÈaeiouéè".indexOf(name.charAt(0)) >= 0 ? "d'" + name : "de " + name;
        }

        @Override
        String age(String audience, double audienceShare, AgeRange band, Platform platform, double platformShare,
                   double populationShare) {
            return "âge" + NBSP + ": " + pct(audienceShare) + " de l'" + aud(audience) + " a " + years(band)
                    + ", tranche qui réunit " + pct(platformShare) + " des utilisateurs " + of(platform)
                    + " (population" + NBSP + ": " + pct(populationShare) + ")";
        }

        @Override
        String agesOutsideBands(String audience, List<AgeRange> ages) {
            return "âge" + NBSP + ": les âges " + ages.stream().map(AgeRange::toString).collect(Collectors.joining(", "))
                    + " de l'" + aud(audience) + " sont hors des tranches de la référence, non pris en compte";
        }

        @Override
        String noAgeData(String audience, Platform platform) {
            return "âge" + NBSP + ": pas de données d'âge pour " + platform.displayName()
                    + ", non pris en compte pour l'" + aud(audience);
        }

        @Override
        String country(String audience, String code, double penetration, boolean fromDefault) {
            return "pays" + NBSP + ": " + code + ", pénétration " + pct(penetration)
                    + (fromDefault ? " (valeur par défaut de la référence pour les pays qu'elle ne liste pas" + NBSP
                    + "; " : " (") + aud(audience) + ")";
        }

        @Override
        String noCountryData(String audience, String code, Platform platform) {
            return "pays" + NBSP + ": pas de données pour " + code + " sur " + platform.displayName()
                    + ", non pris en compte pour l'" + aud(audience);
        }

        @Override
        String tag(Factor factor, String audience, String tag, double affinity) {
            return name(factor) + " " + quoted(tag) + NBSP + ": affinité " + LEVELS[level(affinity)] + ", "
                    + number(affinity) + "/100 (" + aud(audience) + ")";
        }

        @Override
        String noTagData(Factor factor, String audience, String tag, Platform platform) {
            return name(factor) + " " + quoted(tag) + NBSP + ": pas de données de référence pour "
                    + platform.displayName() + ", non pris en compte pour l'" + aud(audience);
        }

        private static String name(Factor factor) {
            return factor == Factor.INTEREST ? "intérêt" : "comportement";
        }

        @Override
        String audienceLeftOut(String audience, Platform platform) {
            return "l'" + aud(audience) + " n'a ni âge, ni pays, ni intérêt, ni comportement que la référence couvre pour "
                    + platform.displayName() + NBSP + "; elle ne compte pas pour cette plateforme";
        }

        @Override
        String notInReference(Platform platform, String source) {
            return "pas de données de référence pour " + quoted(platform.id()) + " dans " + source;
        }

        @Override
        String noAudiences() {
            return "la stratégie n'a pas d'audience à laquelle comparer les plateformes";
        }

        @Override
        String nothingComparable(Platform platform) {
            return "aucune audience de la stratégie n'a d'âge, de pays, d'intérêt ou de comportement que la référence "
                    + "couvre pour " + platform.displayName();
        }
    }
}
