package io.cmkit.examples.report;

import io.cmkit.analytics.aggregate.AggregateTable;
import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.Dimension;
import io.cmkit.analytics.aggregate.GroupKey;
import io.cmkit.analytics.aggregate.PeriodUnit;
import io.cmkit.analytics.kpi.Counters;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.analytics.report.KpiTile;
import io.cmkit.analytics.report.Unit;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The report's key figures from metric snapshots: engagements (from the posts' counters, per platform),
 * followers and follower growth (from the accounts' counters), each against the period before.
 * Posts' and accounts' counters are aggregated apart: accounts expose no likes and posts no
 * followers, and a group mixing them would (rightly) call every sum not available.
 */
public final class KeyFigures {

    private KeyFigures() {
    }

    /**
     * The tiles of {@code period}, each with its change against {@code previous} (not available
     * when the previous value is missing or 0).
     */
    public static List<KpiTile> tiles(Aggregator aggregator, List<MetricSnapshot> snapshots, DateRange period,
                                      DateRange previous, Locale locale) {
        KpiCatalogue catalogue = KpiCatalogue.euros();
        List<MetricSnapshot> posts = snapshots.stream().filter(s -> s.postId().isPresent()).toList();
        List<MetricSnapshot> accounts = snapshots.stream().filter(s -> s.postId().isEmpty()).toList();
        List<KpiTile> tiles = new ArrayList<>();
        tiles.add(tile(Kpi.ENGAGEMENTS, engagements(aggregator, catalogue, posts, period),
                engagements(aggregator, catalogue, posts, previous), locale));
        Counters accountsNow = total(aggregator, accounts, period);
        Counters accountsBefore = total(aggregator, accounts, previous);
        for (Kpi kpi : List.of(Kpi.FOLLOWERS, Kpi.FOLLOWER_GROWTH_RATE)) {
            tiles.add(tile(kpi, catalogue.compute(kpi, accountsNow), catalogue.compute(kpi, accountsBefore), locale));
        }
        return tiles;
    }

    /**
     * The engagements of every platform, added up. Each platform counts the components it exposes
     * (Instagram's saves, say); at the brand's level a component exposed by only some platforms is
     * not available, so a brand-level sum would leave the saves out.
     */
    private static KpiValue engagements(Aggregator aggregator, KpiCatalogue catalogue, List<MetricSnapshot> posts,
                                        DateRange days) {
        AggregateTable table = aggregator.aggregate(posts, Set.of(Dimension.PLATFORM), PeriodUnit.DAY, days);
        double sum = 0;
        boolean any = false;
        for (GroupKey platform : table.groups()) {
            OptionalDouble value = catalogue.compute(Kpi.ENGAGEMENTS, table.total(platform, days.start(), days.end())).asDouble();
            if (value.isPresent()) {
                sum += value.getAsDouble();
                any = true;
            }
        }
        return any ? KpiValue.of(sum) : KpiValue.notAvailable(new Unavailability.NoSnapshotInPeriod());
    }

    /** The brand's counters over a period, from daily periods of that range alone. */
    private static Counters total(Aggregator aggregator, List<MetricSnapshot> snapshots, DateRange days) {
        return aggregator.aggregate(snapshots, Set.of(), PeriodUnit.DAY, days).total(GroupKey.BRAND, days.start(), days.end());
    }

    private static KpiTile tile(Kpi kpi, KpiValue current, KpiValue previous, Locale locale) {
        boolean french = locale.getLanguage().equals("fr");
        String label = switch (kpi) {
            case FOLLOWERS -> french ? "Abonnés" : "Followers";
            case FOLLOWER_GROWTH_RATE -> french ? "Croissance des abonnés" : "Follower growth";
            default -> "Engagements";
        };
        Unit unit = kpi == Kpi.FOLLOWER_GROWTH_RATE ? Unit.RATE : Unit.COUNT;
        if (current.asDouble().isEmpty()) {
            return KpiTile.notAvailable(label, kpi.metric(), unit);
        }
        double now = current.asDouble().getAsDouble();
        OptionalDouble before = previous.asDouble();
        OptionalDouble change = before.isPresent() && before.getAsDouble() != 0
                ? OptionalDouble.of((now - before.getAsDouble()) / Math.abs(before.getAsDouble())) : OptionalDouble.empty();
        return new KpiTile(label, kpi.metric(), unit, OptionalDouble.of(now), change, KpiTarget.Direction.AT_LEAST);
    }
}
