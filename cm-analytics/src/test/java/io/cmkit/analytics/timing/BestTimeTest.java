package io.cmkit.analytics.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.calendar.SlotPlan;
import io.cmkit.core.calendar.WeeklySlot;
import io.cmkit.core.model.Platform;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BestTimeTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final BestTime bestTime = new BestTime(PARIS);
    private int ids;

    private PostOutcome outcome(String at, long engagements, long audience) {
        return new PostOutcome(Platform.INSTAGRAM, "p" + ids++, Instant.parse(at), engagements, audience);
    }

    /** Monday 2026-01-05 plus whole weeks, at a UTC time. */
    private String monday(int week, String utcTime) {
        return Instant.parse("2026-01-05T" + utcTime + "Z").plus(7L * week, ChronoUnit.DAYS).toString();
    }

    @Test
    @DisplayName("a cell's mean, index, confidence and score, by hand; winter and summer posts at 09:00 Paris share it")
    void handComputedCell() {
        List<PostOutcome> posts = new ArrayList<>();
        posts.add(outcome(monday(0, "08:00:00"), 20, 1_000));   // 0.02, 09:00 CET
        posts.add(outcome(monday(1, "08:00:00"), 40, 1_000));   // 0.04
        posts.add(outcome(monday(2, "08:00:00"), 600, 10_000)); // 0.06: a bigger audience, normalised
        posts.add(outcome(monday(30, "07:00:00"), 4, 100));     // 0.04, 09:00 CEST in August
        posts.add(outcome(monday(31, "07:00:00"), 40, 1_000));  // 0.04
        posts.add(outcome(monday(0, "15:00:00"), 10, 1_000));   // 0.01, Monday 16:00: 1 post only
        Heatmap map = bestTime.heatmap(Platform.INSTAGRAM, posts);
        HeatmapCell nine = map.cell(DayOfWeek.MONDAY, 9);
        assertThat(nine.posts()).isEqualTo(5);
        assertThat(nine.meanEngagementRate().asDouble().getAsDouble()).isCloseTo(0.04, within(1e-12));
        // overall mean: (0.2 + 0.01) / 6 = 0.035
        assertThat(map.overallMeanEngagementRate().asDouble().getAsDouble()).isCloseTo(0.035, within(1e-12));
        assertThat(nine.index().asDouble().getAsDouble()).isCloseTo(0.04 / 0.035, within(1e-12));
        // sample variance 0.0008 / 4 = 0.0002; SE = sqrt(0.0002 / 5) = 0.00632456
        double se = Math.sqrt(0.0002 / 5);
        assertThat(nine.confidence()).isCloseTo(1 - se / 0.04, within(1e-9));
        assertThat(nine.score().asDouble().getAsDouble()).isCloseTo(0.04 - 1.645 * se, within(1e-9));
        HeatmapCell four = map.cell(DayOfWeek.MONDAY, 16);
        assertThat(four.posts()).isEqualTo(1);
        assertThat(four.isReadable()).isFalse();
        assertThat(four.meanEngagementRate()).isEqualTo(KpiValue.notAvailable(new Unavailability.TooFewPosts(1, 5)));
        assertThat(four.confidence()).isZero();
        assertThat(map.readableCells()).isEqualTo(1);
    }

    @Test
    @DisplayName("the minimum sample: four posts are not read, five are")
    void minimumSample() {
        List<PostOutcome> posts = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            posts.add(outcome(monday(w, "09:00:00"), 30, 1_000));
        }
        assertThat(bestTime.heatmap(Platform.INSTAGRAM, posts).cell(DayOfWeek.MONDAY, 10).isReadable()).isFalse();
        posts.add(outcome(monday(4, "09:00:00"), 30, 1_000));
        HeatmapCell cell = bestTime.heatmap(Platform.INSTAGRAM, posts).cell(DayOfWeek.MONDAY, 10);
        assertThat(cell.isReadable()).isTrue();
        assertThat(cell.confidence()).isEqualTo(1.0); // identical rates: no spread
        assertThat(bestTime.heatmap(Platform.X, posts).overallMeanEngagementRate())
                .isEqualTo(KpiValue.notAvailable(new Unavailability.NoPostOn(Platform.X)));
    }

    @Test
    @DisplayName("a well-measured cell outranks a higher but scattered one")
    void lowerBoundRanking() {
        List<PostOutcome> posts = new ArrayList<>();
        long[] scattered = {0, 0, 0, 250, 0};        // mean 0.05, wide spread, Monday 10:00 Paris
        long[] steady = {40, 41, 39, 40, 40};        // mean 0.04, Tuesday 10:00 Paris
        for (int w = 0; w < 5; w++) {
            posts.add(outcome(monday(w, "09:00:00"), scattered[w], 1_000));
            posts.add(outcome(Instant.parse(monday(w, "09:00:00")).plus(1, ChronoUnit.DAYS).toString(), steady[w], 1_000));
        }
        Heatmap map = bestTime.heatmap(Platform.INSTAGRAM, posts);
        assertThat(map.cell(DayOfWeek.MONDAY, 10).meanEngagementRate().asDouble().getAsDouble())
                .isGreaterThan(map.cell(DayOfWeek.TUESDAY, 10).meanEngagementRate().asDouble().getAsDouble());
        assertThat(map.ranked().get(0).day()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    @DisplayName("the slot plan takes the best cells and completes with the calendar's spread, saying so")
    void slotPlan() {
        List<PostOutcome> posts = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            posts.add(outcome(monday(w, "17:00:00"), 60, 1_000));  // Monday 18:00, best
            posts.add(outcome(monday(w, "18:00:00"), 50, 1_000));  // Monday 19:00: too close to 18:00
            posts.add(outcome(Instant.parse(monday(w, "11:00:00")).plus(3, ChronoUnit.DAYS).toString(), 40, 1_000)); // Thursday 12:00
        }
        Heatmap map = bestTime.heatmap(Platform.INSTAGRAM, posts);
        SlotPlan plan = bestTime.slotPlan(map, 3);
        assertThat(plan.platform()).isEqualTo(Platform.INSTAGRAM);
        assertThat(plan.zone()).isEqualTo(PARIS);
        assertThat(plan.weekly()).contains(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(18, 0)),
                new WeeklySlot(DayOfWeek.THURSDAY, LocalTime.of(12, 0)));
        assertThat(plan.weekly()).doesNotContain(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(19, 0)));
        assertThat(plan.weekly()).hasSize(3);
        assertThat(plan.note()).startsWith("2 of 3 slots from the engagement heatmap");
        assertThat(plan.slotsBetween(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z")))
                .hasSize(3);
        assertThatThrownBy(() -> bestTime.slotPlan(map, 0)).isInstanceOf(AnalyticsException.class)
                .hasMessage("postsPerWeek must be between 1 and 140 (got 0)");
    }

    @Test
    @DisplayName("cadence: the most frequent rhythm within 20 % of the best per-post rate")
    void cadenceFromHistory() {
        List<PostOutcome> posts = new ArrayList<>();
        int week = 0;
        int[][] rhythms = {{3, 50}, {5, 45}, {7, 30}};  // posts a week, engagements per 1000
        for (int[] rhythm : rhythms) {
            for (int repeat = 0; repeat < 3; repeat++, week++) {
                for (int p = 0; p < rhythm[0]; p++) {
                    posts.add(outcome(Instant.parse(monday(week, "10:00:00")).plus(p % 7, ChronoUnit.DAYS).toString(),
                            rhythm[1], 1_000));
                }
            }
        }
        CadenceRecommendation c = bestTime.cadence(Platform.INSTAGRAM, posts);
        assertThat(c.basis()).isEqualTo(CadenceRecommendation.Basis.HISTORY);
        assertThat(c.postsPerWeek()).isEqualTo(5);  // 4.5 % >= 0.8 × 5 %; 3 % is not
        assertThat(c.explanation()).contains("(4.50%)", "best (5.00%)", "over 9 weeks");
    }

    @Test
    @DisplayName("cadence without enough history falls back to the platform default")
    void cadenceDefault() {
        CadenceRecommendation c = bestTime.cadence(Platform.X, List.of());
        assertThat(c.basis()).isEqualTo(CadenceRecommendation.Basis.DEFAULT);
        assertThat(c.postsPerWeek()).isEqualTo(14);
        assertThat(c.explanation()).isEqualTo(
                "14 posts a week, the X default: 0 weeks of history, fewer than two posting rhythms with 3 weeks each to compare");
    }

    @Test
    @DisplayName("bad outcomes are refused with the post and field")
    void badOutcome() {
        assertThatThrownBy(() -> new PostOutcome(Platform.X, "p7", Instant.EPOCH, 3, 0))
                .isInstanceOf(AnalyticsException.class)
                .hasMessage("PostOutcome[p7].audience must be above zero (got 0)");
    }
}
