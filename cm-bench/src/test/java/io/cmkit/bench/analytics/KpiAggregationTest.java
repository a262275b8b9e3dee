package io.cmkit.bench.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The KPI aggregation benchmark compares like with like")
class KpiAggregationTest {

    @Test
    @DisplayName("cmkit and DuckDB give the same daily counters per account and platform on a small seeded workload")
    void identicalOnASmallWorkload() throws Exception {
        SnapshotWorkload w = SnapshotWorkload.generate(3, 10, 20, 200);
        assertThat(w.size()).isEqualTo(10 * 20 * 200);
        DailyCounters cmkit = CmkitDailyKpis.run(w).result();
        try (DuckDbDailyKpis duck = new DuckDbDailyKpis(1)) {
            DailyCounters anchor = duck.run(w).result();
            DailyCounters.requireIdentical(cmkit, anchor);
            assertThat(anchor.byAccount()).isEqualTo(cmkit.byAccount());
        }
        assertThat(cmkit.totalByAccount(0)).isEqualTo(w.size());
        // Mastodon and Bluesky have no impressions: not available (null), never 0.
        assertThat(cmkit.byPlatform()).anySatisfy((key, cells) -> {
            assertThat(key).startsWith("mastodon/");
            assertThat(cells.get(1)).isNull();
        });
        assertThat(cmkit.byPlatform()).anySatisfy((key, cells) -> {
            assertThat(key).startsWith("x/");
            assertThat(cells.get(1)).isPositive();
        });
        // The day's KPIs: engagement rate and CTR on X, not available on Mastodon.
        assertThat(cmkit.kpisByPlatform()).anySatisfy((key, kpis) -> {
            assertThat(key).startsWith("x/");
            assertThat(kpis.get(1)).isBetween(0.0, 1.0);
            assertThat(kpis.get(2)).isBetween(0.0, 1.0);
        });
        assertThat(cmkit.kpisByPlatform()).anySatisfy((key, kpis) -> {
            assertThat(key).startsWith("mastodon/");
            assertThat(kpis.get(0)).isPositive();
            assertThat(kpis.get(1)).isNull();
        });
    }

    @Test
    @DisplayName("the workload is the same for the same seed, with missing readings and withdrawn likes")
    void reproducible() {
        SnapshotWorkload a = SnapshotWorkload.generate(9, 4, 5, 300);
        SnapshotWorkload b = SnapshotWorkload.generate(9, 4, 5, 300);
        assertThat(a.takenAtMillis()).isEqualTo(b.takenAtMillis());
        assertThat(a.values()).isDeepEqualTo(b.values());
        assertThat(SnapshotWorkload.generate(10, 4, 5, 300).takenAtMillis()).isNotEqualTo(a.takenAtMillis());
        // Some series skip an hour: consecutive readings of a post more than an hour apart.
        List<Long> gaps = new ArrayList<>();
        long[] last = new long[a.series().size()];
        for (int i = 0; i < a.size(); i++) {
            int s = a.seriesIndex()[i];
            if (last[s] != 0) {
                gaps.add(a.takenAtMillis()[i] - last[s]);
            }
            last[s] = a.takenAtMillis()[i];
        }
        assertThat(gaps).contains(3_600_000L, 7_200_000L);
    }

    @Test
    @DisplayName("a difference is reported with its row")
    void differenceIsNamed() {
        DailyCounters one = DailyCounters.ofCounters(java.util.Map.of("0/1", DailyCounters.cells(3, 1L)), java.util.Map.of());
        DailyCounters other = DailyCounters.ofCounters(java.util.Map.of("0/1", DailyCounters.cells(3, 2L)), java.util.Map.of());
        assertThatThrownBy(() -> DailyCounters.requireIdentical(one, other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("per account 0/1: cmkit [3, 1], DuckDB [3, 2]");
    }
}
