package io.cmkit.analytics.report;

import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Platform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientReportTest {

    private static ClientReport.Builder builder() {
        return ClientReport.builder(SampleReports.brand(), SampleReports.NOVEMBER, Locale.FRANCE, SampleReports.GENERATED_ON);
    }

    @Test
    @DisplayName("a NaN KPI value is refused, naming the record and field")
    void nanValue() {
        assertThatThrownBy(() -> KpiTile.of("Portée", Metric.REACH, Unit.COUNT, Double.NaN, 0.1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("KpiTile.value must be a finite number (got NaN)")
                .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("value"));
    }

    @Test
    @DisplayName("an infinite change (a previous value of 0) is refused: not available is an empty change")
    void infiniteChange() {
        assertThatThrownBy(() -> KpiTile.of("Portée", Metric.REACH, Unit.COUNT, 10, Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("KpiTile.change must be a finite number (got Infinity)");
        assertThatThrownBy(() -> new KpiTile("Portée", Metric.REACH, Unit.COUNT, OptionalDouble.empty(), OptionalDouble.of(0.1),
                KpiTarget.Direction.AT_LEAST))
                .hasMessage("KpiTile.change must be empty when the value of 'Portée' is not available");
    }

    @Test
    @DisplayName("NaN anywhere else is refused too: series, heatmap, pillars, objectives, posts")
    void nanEverywhere() {
        LocalDate day = LocalDate.of(2026, 11, 3);
        assertThatThrownBy(() -> new DailyValue(day, Double.NaN)).hasMessage("DailyValue.value must be a finite number (got NaN)");
        assertThatThrownBy(() -> new HeatmapCell(DayOfWeek.MONDAY, 9, Double.NEGATIVE_INFINITY, 3, 0.5))
                .hasMessage("HeatmapCell.engagementRate must be a finite number (got -Infinity)");
        assertThatThrownBy(() -> new HeatmapCell(DayOfWeek.MONDAY, 9, 0.02, 3, Double.NaN))
                .hasMessage("HeatmapCell.confidence must be a finite number (got NaN)");
        assertThatThrownBy(() -> new PillarShare("Produits", 0.4, Double.NaN, 3))
                .hasMessage("PillarShare.actual must be a finite number (got NaN)");
        Objective objective = SampleReports.awareness();
        assertThatThrownBy(() -> new ObjectiveProgress(objective, objective.targets().get(0), Unit.COUNT,
                OptionalDouble.of(Double.NaN), OptionalDouble.empty(), Pacing.ON_TRACK))
                .hasMessage("ObjectiveProgress.actual must be a finite number (got NaN)");
        assertThatThrownBy(() -> new PostSummary("p1", Platform.MASTODON, day, "x", Optional.empty(), 3,
                OptionalDouble.of(Double.NaN))).hasMessage("PostSummary.engagementRate must be a finite number (got NaN)");
    }

    @Test
    @DisplayName("negative counts and out-of-range values are refused with the value")
    void ranges() {
        assertThatThrownBy(() -> new SentimentDay(LocalDate.of(2026, 11, 3), 1, -2, 0))
                .hasMessage("SentimentDay.neutral must not be negative (got -2)");
        assertThatThrownBy(() -> new ModerationCount("HIDE", "spam", -1)).hasMessage("ModerationCount.count must not be negative (got -1)");
        assertThatThrownBy(() -> new PillarShare("Produits", 1.2, 0.4, 3))
                .hasMessage("PillarShare.planned must be a fraction between 0 and 1 (got 1.2)");
        assertThatThrownBy(() -> new HeatmapCell(DayOfWeek.MONDAY, 24, 0.02, 3, 0.5))
                .hasMessage("HeatmapCell.hour must be between 0 and 23 (got 24)");
        assertThatThrownBy(() -> new BestTimes(List.of(), 0)).hasMessage("BestTimes.minimumSamples must be at least 1 (got 0)");
    }

    @Test
    @DisplayName("days outside the period or out of order are refused, naming the series and the index")
    void days() {
        LocalDate december = LocalDate.of(2026, 12, 2);
        assertThatThrownBy(() -> builder().engagement(new EngagementSeries(Platform.BLUESKY, List.of(
                        new DailyValue(LocalDate.of(2026, 11, 30), 1), new DailyValue(december, 2)))).build())
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("ClientReport.engagement[0].days[1] is 2026-12-02, outside the period 2026-11-01..2026-11-30");
        assertThatThrownBy(() -> new EngagementSeries(Platform.BLUESKY, List.of(
                new DailyValue(LocalDate.of(2026, 11, 3), 1), new DailyValue(LocalDate.of(2026, 11, 3), 2))))
                .hasMessage("EngagementSeries.days[1] must come after 2026-11-03 on bluesky (got 2026-11-03)");
        assertThatThrownBy(() -> builder().sentiment(new SentimentDay(LocalDate.of(2026, 11, 4), 1, 1, 1))
                .sentiment(new SentimentDay(LocalDate.of(2026, 11, 2), 1, 1, 1)).build())
                .hasMessage("ClientReport.sentiment[1] must come after 2026-11-04 (got 2026-11-02)");
    }

    @Test
    @DisplayName("duplicates are refused with their index")
    void duplicates() {
        assertThatThrownBy(() -> builder().pillar(new PillarShare("Produits", 0.4, 0.4, 3))
                .pillar(new PillarShare("Produits", 0.6, 0.6, 4)).build())
                .hasMessage("ClientReport.pillarMix[1] duplicates 'Produits'");
        assertThatThrownBy(() -> new BestTimes(List.of(new HeatmapCell(DayOfWeek.FRIDAY, 18, 0.02, 3, 0.5),
                new HeatmapCell(DayOfWeek.FRIDAY, 18, 0.03, 4, 0.5)), 3))
                .hasMessage("BestTimes.cells[1] duplicates the cell of FRIDAY at 18:00");
    }

    @Test
    @DisplayName("a report in a language other than French or English is refused")
    void language() {
        assertThatThrownBy(() -> ClientReport.builder(SampleReports.brand(), SampleReports.NOVEMBER, Locale.GERMANY,
                SampleReports.GENERATED_ON).build())
                .hasMessage("ClientReport.locale must be French or English (fr, en), got 'de-DE'");
    }

    @Test
    @DisplayName("an objective's progress must be about one of its targets, and pacing says 'no data' exactly without a value")
    void objectives() {
        Objective objective = SampleReports.awareness();
        KpiTarget other = SampleReports.care().targets().get(0);
        assertThatThrownBy(() -> new ObjectiveProgress(objective, other, Unit.MINUTES, OptionalDouble.of(40),
                OptionalDouble.empty(), Pacing.AHEAD))
                .hasMessage("ObjectiveProgress.target must be one of the targets of objective 'notoriete' (got "
                        + "response_time_median_minutes over 2026-11-01..2026-11-30)");
        assertThatThrownBy(() -> new ObjectiveProgress(objective, objective.targets().get(0), Unit.COUNT,
                OptionalDouble.empty(), OptionalDouble.empty(), Pacing.BEHIND))
                .hasMessage("ObjectiveProgress.pacing must be NOT_AVAILABLE exactly when there is no actual value "
                        + "(objective 'notoriete', got BEHIND)");
        assertThatThrownBy(() -> new ObjectiveProgress(objective, objective.targets().get(0), Unit.COUNT,
                OptionalDouble.of(5), OptionalDouble.empty(), Pacing.BEHIND,
                Optional.of(new Unavailability.NoSnapshotInPeriod())))
                .hasMessage("ObjectiveProgress.whyNoActual must be empty when there is an actual value "
                        + "(objective 'notoriete', reach)");
        ObjectiveProgress missing = ObjectiveProgress.notAvailable(objective, objective.targets().get(0), Unit.COUNT,
                new Unavailability.NoSnapshotInPeriod());
        assertThat(missing.pacing()).isEqualTo(Pacing.NOT_AVAILABLE);
        assertThat(missing.actual()).isEmpty();
        assertThat(missing.whyNoActual()).containsInstanceOf(Unavailability.NoSnapshotInPeriod.class);
    }

    @Test
    @DisplayName("derived values: completion and net sentiment are empty rather than a division by zero")
    void derived() {
        Objective objective = new Objective("zero", "Zéro plainte", List.of(KpiTarget.atMost(Metric.of("complaints"), 0,
                SampleReports.NOVEMBER)));
        ObjectiveProgress progress = new ObjectiveProgress(objective, objective.targets().get(0), Unit.COUNT,
                OptionalDouble.of(2), OptionalDouble.empty(), Pacing.BEHIND);
        assertThat(progress.completion()).isEmpty();
        assertThat(new SentimentDay(LocalDate.of(2026, 11, 3), 0, 0, 0).netSentiment()).isEmpty();
        assertThat(new SentimentDay(LocalDate.of(2026, 11, 3), 3, 1, 1).netSentiment()).hasValue(0.4);
    }

    @Test
    @DisplayName("the same seed builds the same report")
    void seeded() {
        assertThat(SampleReports.full(Locale.FRANCE, 11)).isEqualTo(SampleReports.full(Locale.FRANCE, 11));
        assertThat(SampleReports.full(Locale.FRANCE, 11)).isNotEqualTo(SampleReports.full(Locale.FRANCE, 12));
    }
}
