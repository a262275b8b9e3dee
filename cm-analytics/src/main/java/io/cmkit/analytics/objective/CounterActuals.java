package io.cmkit.analytics.objective;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.aggregate.AggregateTable;
import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.Dimension;
import io.cmkit.analytics.aggregate.GroupKey;
import io.cmkit.analytics.aggregate.PeriodUnit;
import io.cmkit.analytics.aggregate.SnapshotColumns;
import io.cmkit.analytics.kpi.Counters;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiSource;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Actual values of counter KPIs and raw counters, from snapshots aggregated by day and platform
 * once over {@code days}. A target without a platform is read over the whole brand, where a
 * counter only some platforms expose is not available (see {@code AggregateTable}).
 */
public final class CounterActuals implements ActualSource {

    private final AggregateTable byPlatform;
    private final AggregateTable brand;
    private final KpiCatalogue catalogue;

    /**
     * @param aggregator the brand's aggregator
     * @param snapshots the brand's snapshots
     * @param days the days targets may be read over (their periods, and the day before for levels)
     * @param catalogue computes the KPIs
     */
    public CounterActuals(Aggregator aggregator, SnapshotColumns snapshots, DateRange days, KpiCatalogue catalogue) {
        this.byPlatform = aggregator.aggregate(snapshots, Set.of(Dimension.PLATFORM), PeriodUnit.DAY, days);
        this.brand = byPlatform.rollUp(Set.of());
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    @Override
    public KpiValue levelAtStart(KpiTarget target, LocalDate from) {
        Optional<GroupKey> key = key(target);
        AggregateTable table = target.platform().isPresent() ? byPlatform : brand;
        if (key.isEmpty() || !table.periods().contains(from)) {
            return KpiValue.notAvailable(new Unavailability.NoReadingBefore(from));
        }
        return table.total(key.get(), from, from).levelAtStart(target.metric());
    }

    private Optional<GroupKey> key(KpiTarget target) {
        AggregateTable table = target.platform().isPresent() ? byPlatform : brand;
        GroupKey key = target.platform().map(p -> new GroupKey(Optional.of(p), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())).orElse(GroupKey.BRAND);
        return table.groups().contains(key) ? Optional.of(key) : Optional.empty();
    }

    @Override
    public KpiValue actual(KpiTarget target, LocalDate from, LocalDate to) {
        Optional<Kpi> kpi = Kpi.forMetric(target.metric());
        if (kpi.isPresent() && kpi.get().source() != KpiSource.COUNTERS) {
            throw new AnalyticsException("target.metric", target.metric().id() + " comes from " + kpi.get().source()
                    + ", not from counters: give it its own ActualSource");
        }
        AggregateTable table = target.platform().isPresent() ? byPlatform : brand;
        Optional<GroupKey> found = key(target);
        if (found.isEmpty()) {
            return KpiValue.notAvailable(new Unavailability.NoSnapshot(target.platform()));
        }
        GroupKey key = found.get();
        if (!table.periods().contains(from) || !table.periods().contains(to)) {
            throw new AnalyticsException("days", from + ".." + to + " is outside the aggregated days "
                    + table.periods().get(0) + ".." + table.periods().get(table.periods().size() - 1));
        }
        Counters counters = table.total(key, from, to);
        if (kpi.isPresent()) {
            return catalogue.compute(kpi.get(), counters);
        }
        return counters.change(target.metric());
    }
}
