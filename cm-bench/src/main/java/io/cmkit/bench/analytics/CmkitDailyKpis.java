package io.cmkit.bench.analytics;

import io.cmkit.analytics.aggregate.AggregateRow;
import io.cmkit.analytics.aggregate.AggregateTable;
import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.Dimension;
import io.cmkit.analytics.aggregate.PeriodUnit;
import io.cmkit.analytics.aggregate.SnapshotColumns;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Metric;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cmkit side: columnar ingestion, aggregation per account and day, roll-up to platforms. */
final class CmkitDailyKpis {

    /** Times of one run, in nanoseconds, and its result. */
    record Run(long ingestNanos, long aggregateNanos, long aggregateCpuNanos, long rollUpAndReadNanos, long processCpuNanos,
               DailyCounters result) {
        long totalNanos() {
            return ingestNanos + aggregateNanos + rollUpAndReadNanos;
        }
    }

    private CmkitDailyKpis() {
    }

    static Run run(SnapshotWorkload w) {
        Aggregator aggregator = new Aggregator(w.brand());
        long cpu0 = ProcessCpu.nanos();
        long t0 = System.nanoTime();
        SnapshotColumns columns = SnapshotColumns.wrap(w.series(), w.metrics(), w.seriesIndex(), w.takenAtMillis(),
                w.values(), w.size());
        long t1 = System.nanoTime();
        long threadCpu1 = ProcessCpu.THREADS.getCurrentThreadCpuTime();
        AggregateTable byAccount = aggregator.aggregate(columns, Set.of(Dimension.ACCOUNT), PeriodUnit.DAY, w.quarter());
        long threadCpu2 = ProcessCpu.THREADS.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        AggregateTable byPlatform = byAccount.rollUp(Set.of(Dimension.PLATFORM));
        Map<String, Integer> accountIndex = new HashMap<>();
        for (int a = 0; a < w.brand().accounts().size(); a++) {
            accountIndex.put(w.brand().accounts().get(a).key(), a);
        }
        LocalDate first = w.quarter().start();
        Map<String, List<Long>> accounts = new HashMap<>();
        Map<String, List<Double>> accountKpis = new HashMap<>();
        for (AggregateRow row : byAccount.rows()) {
            if (!row.isEmpty()) {
                Account account = row.key().account().orElseThrow();
                String key = accountIndex.get(account.key()) + "/" + ChronoUnit.DAYS.between(first, row.periodStart());
                accounts.put(key, cells(row, w.metrics()));
                accountKpis.put(key, kpis(row));
            }
        }
        Map<String, List<Long>> platforms = new HashMap<>();
        Map<String, List<Double>> platformKpis = new HashMap<>();
        for (AggregateRow row : byPlatform.rows()) {
            if (!row.isEmpty()) {
                String key = row.key().platform().orElseThrow().id() + "/" + ChronoUnit.DAYS.between(first, row.periodStart());
                platforms.put(key, cells(row, w.metrics()));
                platformKpis.put(key, kpis(row));
            }
        }
        long t3 = System.nanoTime();
        long cpu3 = ProcessCpu.nanos();
        return new Run(t1 - t0, t2 - t1, threadCpu2 - threadCpu1, t3 - t2, cpu3 - cpu0,
                new DailyCounters(accounts, platforms, accountKpis, platformKpis));
    }

    /** The KPIs both sides compute, in order: engagements, engagement rate by impressions, CTR. */
    static final List<Kpi> KPIS = List.of(Kpi.ENGAGEMENTS, Kpi.ENGAGEMENT_RATE_BY_IMPRESSIONS, Kpi.CLICK_THROUGH_RATE);

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.euros();

    private static List<Double> kpis(AggregateRow row) {
        List<Double> out = new ArrayList<>(KPIS.size());
        for (Kpi kpi : KPIS) {
            KpiValue v = CATALOGUE.compute(kpi, row.counters());
            out.add(v.isAvailable() ? v.asDouble().getAsDouble() : null);
        }
        return out;
    }

    private static List<Long> cells(AggregateRow row, List<Metric> metrics) {
        Long[] changes = new Long[metrics.size()];
        for (int m = 0; m < changes.length; m++) {
            changes[m] = row.counters().changes().get(metrics.get(m));
        }
        return DailyCounters.cells(row.counters().snapshots(), changes);
    }
}
