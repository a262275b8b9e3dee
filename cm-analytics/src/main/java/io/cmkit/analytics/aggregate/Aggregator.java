package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.aggregate.internal.AggregationKernel;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Aggregates a brand's metric snapshots into per-period changes and levels, grouped by the
 * chosen {@link Dimension}s, in days, weeks or months of the brand's time zone.
 *
 * <p>Snapshots are cumulative counters. Per series, the engine sorts readings by time (only when
 * they are not already in order), and attributes {@code value − previous value} to the period of
 * the later reading:
 * <ul>
 *   <li><b>missing snapshots</b> move an increment to the next period with a reading; totals over
 *       the whole range stay exact;</li>
 *   <li><b>duplicates</b> (same series, same time) count once, each counter keeping the larger value;</li>
 *   <li><b>out of order</b> rows are sorted per series first; the result is the same as in order;</li>
 *   <li><b>decreases</b> (unlikes, unfollows) are net changes and make a change negative; a
 *       platform that resets a counter to zero is not told apart from withdrawals: give the new
 *       counter a new series (post id) if a platform does that;</li>
 *   <li>a post's first reading counts from zero; an account's first reading (followers) is the
 *       baseline, not growth.</li>
 * </ul>
 * The periods cover {@code range} from the start of the period containing its first day to the
 * end of the period containing its last; readings before feed the levels only, readings after are
 * ignored. This class is immutable and thread-safe.
 */
public final class Aggregator {

    /** The most periods one aggregation may have (about 270 years of days). */
    public static final int MAX_PERIODS = 100_000;

    private final Brand brand;
    private final PostDirectory directory;

    /**
     * @param brand whose snapshots these are: its accounts and time zone
     * @param directory which cmkit post each platform post is, for pillars, campaigns and posts
     */
    public Aggregator(Brand brand, PostDirectory directory) {
        this.brand = Objects.requireNonNull(brand, "brand");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** An aggregator that knows no post's pillar or campaign. */
    public Aggregator(Brand brand) {
        this(brand, PostDirectory.EMPTY);
    }

    /** Aggregates snapshot records; see {@link #aggregate(SnapshotColumns, Set, PeriodUnit, DateRange)}. */
    public AggregateTable aggregate(List<MetricSnapshot> snapshots, Set<Dimension> by, PeriodUnit unit, DateRange range) {
        return aggregate(SnapshotColumns.of(snapshots), by, unit, range);
    }

    /**
     * Aggregates columns of snapshots.
     *
     * @param by the grouping dimensions; empty for the whole brand
     * @param unit the period length
     * @param range the days to cover, in the brand's time zone
     * @throws AnalyticsException when a series belongs to an account (or platform) the brand does
     *         not have, or the range has too many periods; nothing is aggregated then
     */
    public AggregateTable aggregate(SnapshotColumns columns, Set<Dimension> by, PeriodUnit unit, DateRange range) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(range, "range");
        Set<Dimension> dims = by.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(by);
        List<LocalDate> periods = periods(unit, range);
        long[] boundaries = new long[periods.size() + 1];
        for (int p = 0; p < periods.size(); p++) {
            boundaries[p] = periods.get(p).atStartOfDay(brand.timeZone()).toInstant().toEpochMilli();
        }
        boundaries[periods.size()] = unit.next(periods.get(periods.size() - 1))
                .atStartOfDay(brand.timeZone()).toInstant().toEpochMilli();

        List<SeriesKey> series = columns.series();
        Set<String> accountKeys = new HashSet<>();
        brand.accounts().forEach(a -> accountKeys.add(a.key()));
        boolean postLevel = dims.stream().anyMatch(Dimension::isPostLevel);
        Map<GroupKey, Integer> groupIds = new LinkedHashMap<>();
        int[] groupOf = new int[series.size()];
        boolean[] isPost = new boolean[series.size()];
        for (int s = 0; s < series.size(); s++) {
            SeriesKey key = series.get(s);
            Account account = key.account();
            if (!accountKeys.contains(account.key())) {
                throw new AnalyticsException("series[" + s + "].account", account.key() + " is not an account of brand '"
                        + brand.id() + "' (" + (brand.accountOn(account.platform()).isEmpty()
                        ? "it has no account on " + account.platform().id() : "its accounts: " + accountKeys) + ")");
            }
            isPost[s] = key.isPost();
            if (postLevel && !key.isPost()) {
                groupOf[s] = -1; // account counters have no pillar, campaign or post
                continue;
            }
            groupOf[s] = groupIds.computeIfAbsent(groupKey(key, dims), k -> groupIds.size());
        }
        int metricCount = columns.metrics().size();
        AggregationKernel kernel = new AggregationKernel(groupIds.size(), groupOf, isPost, boundaries, metricCount);
        int unordered = kernel.run(columns.seriesIndexArray(), columns.takenAtArray(), columns.valueArrays(),
                columns.size());
        if (unordered >= 0) {
            // Some series goes back in time: run again over a copy sorted by series and time.
            AggregationKernel.Sorted sorted = AggregationKernel.sortedCopy(columns.seriesIndexArray(),
                    columns.takenAtArray(), columns.valueArrays(), columns.size(), series.size());
            kernel.run(sorted.seriesIndex(), sorted.takenAt(), sorted.values(), columns.size());
        }
        int groups = groupIds.size();
        int[] seriesCount = new int[groups];
        int[] exposedCount = new int[groups * metricCount];
        List<Set<Platform>> notExposedOn = new ArrayList<>();
        for (int i = 0; i < groups * metricCount; i++) {
            notExposedOn.add(new TreeSet<>());
        }
        long[] masks = kernel.exposedMask();
        for (int s = 0; s < series.size(); s++) {
            int g = groupOf[s];
            if (g < 0 || !kernel.seen(s)) {
                continue;
            }
            seriesCount[g]++;
            for (int m = 0; m < metricCount; m++) {
                if ((masks[s] & (1L << m)) != 0) {
                    exposedCount[g * metricCount + m]++;
                } else {
                    notExposedOn.get(g * metricCount + m).add(series.get(s).account().platform());
                }
            }
        }
        return new AggregateTable(brand.timeZone(), unit, dims, periods, columns.metrics(),
                new ArrayList<>(groupIds.keySet()), kernel.delta(), kernel.baseline(), kernel.snapshots(),
                kernel.newPosts(), seriesCount, exposedCount, notExposedOn, kernel.duplicates());
    }

    private static List<LocalDate> periods(PeriodUnit unit, DateRange range) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate p = unit.startOf(range.start()); !p.isAfter(range.end()); p = unit.next(p)) {
            if (out.size() == MAX_PERIODS) {
                throw new AnalyticsException("range", range + " has more than " + MAX_PERIODS + " " + unit + " periods");
            }
            out.add(p);
        }
        return out;
    }

    private GroupKey groupKey(SeriesKey key, Set<Dimension> dims) {
        Account account = key.account();
        Optional<Post> post = key.postId().flatMap(id -> directory.find(account.platform(), id));
        Optional<String> postId = key.postId().map(id -> post.map(Post::id).orElse(account.platform().id() + ":" + id));
        GroupKey full = new GroupKey(Optional.of(account.platform()), Optional.of(account),
                Optional.of(post.flatMap(Post::pillar).orElse("")), Optional.of(post.flatMap(Post::campaign).orElse("")),
                postId);
        return full.keep(dims);
    }

    /** The brand aggregated for. */
    public Brand brand() {
        return brand;
    }

}
