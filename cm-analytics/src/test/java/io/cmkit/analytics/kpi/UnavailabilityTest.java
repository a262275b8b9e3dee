package io.cmkit.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Why a KPI is not available, worded in the report's language from the reason's kind and facts")
class UnavailabilityTest {

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of(new Unavailability.NotExposed(Metric.CLICKS, List.of(Platform.INSTAGRAM)),
                        "clicks: not provided by Instagram", "clics : non fourni par Instagram"),
                Arguments.of(new Unavailability.NotExposed(Metric.IMPRESSIONS, List.of(Platform.MASTODON, Platform.BLUESKY)),
                        "impressions: not provided by Mastodon, Bluesky", "impressions : non fourni par Mastodon, Bluesky"),
                Arguments.of(new Unavailability.PartlyExposed(Metric.IMPRESSIONS, 1, 2, List.of(Platform.MASTODON)),
                        "impressions: provided by only 1 of 2 series (not by Mastodon)",
                        "impressions : fourni par 1 séries sur 2 seulement (pas par Mastodon)"),
                Arguments.of(new Unavailability.NotReported(Metric.REACH), "reach: never reported", "portée : jamais relevé"),
                Arguments.of(new Unavailability.NoReadingBeforePeriod(Metric.FOLLOWERS),
                        "followers: no reading before the period", "abonnés : aucun relevé avant la période"),
                Arguments.of(new Unavailability.NoSnapshotInPeriod(), "no snapshot in the period", "aucune mesure sur la période"),
                Arguments.of(new Unavailability.NoSnapshot(Optional.empty()), "no snapshot", "aucune mesure"),
                Arguments.of(new Unavailability.NoSnapshot(Optional.of(Platform.LINKEDIN)), "no snapshot on LinkedIn",
                        "aucune mesure sur LinkedIn"),
                Arguments.of(new Unavailability.NotInTable(Metric.SAVES), "saves: not in this table",
                        "enregistrements : absent de ce tableau"),
                Arguments.of(new Unavailability.Zero(Metric.IMPRESSIONS), "impressions: zero", "impressions : zéro"),
                Arguments.of(new Unavailability.ZeroAtStart(Metric.FOLLOWERS), "followers: zero at the start of the period",
                        "abonnés : zéro au début de la période"),
                Arguments.of(new Unavailability.NoPartAvailable(List.of(Metric.LIKES, Metric.SHARES),
                                new Unavailability.NotReported(Metric.LIKES)),
                        "none of these counters is available (likes, shares): likes: never reported",
                        "aucun de ces compteurs n'est disponible (j'aime, partages) : j'aime : jamais relevé"),
                Arguments.of(new Unavailability.PreviousPeriod(new Unavailability.NoSnapshotInPeriod()),
                        "previous period: no snapshot in the period", "période précédente : aucune mesure sur la période"),
                Arguments.of(new Unavailability.PreviousPeriodZero(), "previous period is 0", "la période précédente vaut 0"),
                Arguments.of(new Unavailability.NoPostPublished(), "no post published in the period",
                        "aucune publication sur la période"),
                Arguments.of(new Unavailability.NoPostOn(Platform.X), "no post on X", "aucune publication sur X"),
                Arguments.of(new Unavailability.TooFewPosts(1, 5), "1 posts, at least 5 needed",
                        "1 publications, il en faut au moins 5"),
                Arguments.of(new Unavailability.NoInteractionReceived(), "no interaction received", "aucun message reçu"),
                Arguments.of(new Unavailability.NoInteractionAnswered(), "no interaction answered",
                        "aucun message n'a reçu de réponse"),
                Arguments.of(new Unavailability.NoMention(), "no mention of the brand or its competitors",
                        "aucune mention de la marque ni de ses concurrents"),
                Arguments.of(new Unavailability.NoPolarMention(), "no positive or negative mention",
                        "aucune mention positive ou négative"),
                Arguments.of(new Unavailability.PeriodNotStarted(LocalDate.parse("2026-04-01")),
                        "the period starts on April 1, 2026", "la période commence le 1 avril 2026"),
                Arguments.of(new Unavailability.NoLevelAtStart(LocalDate.parse("2026-05-04")),
                        "no level at the start of May 4, 2026", "aucun niveau connu au début de la journée du 4 mai 2026"),
                Arguments.of(new Unavailability.NoReadingBefore(LocalDate.parse("2026-12-31")),
                        "no reading before December 31, 2026", "aucun relevé avant le 31 décembre 2026"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("reasons")
    @DisplayName("each kind reads in English and in French")
    void wording(Unavailability reason, String english, String french) {
        assertThat(reason.describe(Locale.ENGLISH)).isEqualTo(english);
        assertThat(reason.describe(Locale.US)).isEqualTo(english);
        assertThat(reason.describe(Locale.FRENCH)).isEqualTo(french);
        assertThat(reason.describe(Locale.forLanguageTag("fr-FR"))).isEqualTo(french);
        assertThat(reason.describe(Locale.forLanguageTag("fr-CA"))).isEqualTo(french);
    }

    @Test
    @DisplayName("a language cmkit does not speak gets English, whatever the machine's default")
    void otherLanguages() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            Unavailability reason = new Unavailability.NotExposed(Metric.CLICKS, List.of(Platform.INSTAGRAM));
            assertThat(reason.describe(Locale.GERMAN)).isEqualTo("clicks: not provided by Instagram");
            assertThat(reason.describe(Locale.ENGLISH)).isEqualTo("clicks: not provided by Instagram");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("an English reader's dates are written the way their country writes them")
    void englishDates() {
        Unavailability reason = new Unavailability.PeriodNotStarted(LocalDate.parse("2026-04-01"));
        assertThat(reason.describe(Locale.UK)).isEqualTo("the period starts on 1 April 2026");
        assertThat(reason.describe(Locale.US)).isEqualTo("the period starts on April 1, 2026");
        assertThat(reason.describe(Locale.GERMANY)).isEqualTo("the period starts on April 1, 2026");
    }

    @Test
    @DisplayName("a value not available keeps its typed reason; its toString is the English wording")
    void typedReason() {
        KpiValue ctr = KpiValue.ratio(new Counters(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(Metric.CLICKS, new Unavailability.NotExposed(Metric.CLICKS, List.of(Platform.INSTAGRAM))),
                0, 3).change(Metric.CLICKS), KpiValue.of(100), Metric.IMPRESSIONS);
        assertThat(ctr).isEqualTo(KpiValue.notAvailable(new Unavailability.NotExposed(Metric.CLICKS, List.of(Platform.INSTAGRAM))));
        assertThat(ctr).hasToString("n/a (clicks: not provided by Instagram)");
        assertThat(KpiValue.ratio(KpiValue.of(5), KpiValue.of(0), Metric.REACH))
                .isEqualTo(KpiValue.notAvailable(new Unavailability.Zero(Metric.REACH)));
    }

    @Test
    @DisplayName("metrics are named in words for a report, in French and in English; an unknown metric keeps its id")
    void metricNames() {
        assertThat(MetricNames.of(Metric.CLICK_THROUGH_RATE, Locale.FRENCH)).isEqualTo("taux de clic");
        assertThat(MetricNames.of(Metric.FOLLOWERS, Locale.forLanguageTag("fr-FR"))).isEqualTo("abonnés");
        assertThat(MetricNames.of(Metric.CLICK_THROUGH_RATE, Locale.ENGLISH)).isEqualTo("click-through rate");
        assertThat(MetricNames.of(Metric.RESPONSE_TIME_MEDIAN_MINUTES, Locale.ENGLISH)).isEqualTo("median response time");
        assertThat(MetricNames.of(Metric.of("newsletter_signups"), Locale.ENGLISH)).isEqualTo("newsletter_signups");
        assertThat(MetricNames.of(Metric.of("newsletter_signups"), Locale.FRENCH)).isEqualTo("newsletter_signups");
        for (Metric metric : Metric.wellKnown()) {
            // "impressions", "mentions", "engagements" are French words too; no id with an underscore is left.
            assertThat(MetricNames.of(metric, Locale.FRENCH)).as(metric.id()).doesNotContain("_");
            assertThat(MetricNames.of(metric, Locale.ENGLISH)).as(metric.id()).doesNotContain("_");
        }
    }
}
