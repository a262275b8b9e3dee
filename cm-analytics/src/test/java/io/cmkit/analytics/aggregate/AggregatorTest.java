package io.cmkit.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.kpi.Counters;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AggregatorTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Account X = new Account(Platform.X, "cafe");
    static final Account MASTODON = new Account(Platform.MASTODON, "cafe@mastodon.social");
    static final Brand BRAND = new Brand("cafe", "Café Lumière", PARIS, Locale.FRENCH, List.of(X, MASTODON));
    static final DateRange MARCH_2_TO_4 = DateRange.parse("2026-03-02..2026-03-04");

    static MetricSnapshot post(Account account, String postId, String at, long likes, Long impressions) {
        Map<Metric, Long> values = new LinkedHashMap<>();
        values.put(Metric.LIKES, likes);
        if (impressions != null) {
            values.put(Metric.IMPRESSIONS, impressions);
        }
        return new MetricSnapshot(account, Optional.of(postId), Instant.parse(at), values);
    }

    static MetricSnapshot followers(Account account, String at, long followers) {
        return new MetricSnapshot(account, Optional.empty(), Instant.parse(at), Map.of(Metric.FOLLOWERS, followers));
    }

    /** One X post read four times over three Paris days (UTC+1 in March before the 29th). */
    static List<MetricSnapshot> xPost() {
        return List.of(
                post(X, "p1", "2026-03-02T09:00:00Z", 10, 100L),
                post(X, "p1", "2026-03-02T19:00:00Z", 15, 300L),
                post(X, "p1", "2026-03-03T08:00:00Z", 18, 400L),
                post(X, "p1", "2026-03-04T11:00:00Z", 20, 450L));
    }

    static long change(AggregateTable table, GroupKey key, String day, Metric metric) {
        KpiValue v = table.row(key, LocalDate.parse(day)).orElseThrow().counters().change(metric);
        assertThat(v.isAvailable()).as(day + " " + metric + " " + v).isTrue();
        return (long) v.asDouble().getAsDouble();
    }

    private final Aggregator aggregator = new Aggregator(BRAND);

    @Nested
    @DisplayName("deltas of cumulative counters")
    class Deltas {

        @Test
        @DisplayName("each day gets the increase since the previous reading; a post starts from zero")
        void inOrder() {
            AggregateTable t = aggregator.aggregate(xPost(), Set.of(), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(t.periods()).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                    LocalDate.of(2026, 3, 4));
            assertThat(change(t, GroupKey.BRAND, "2026-03-02", Metric.LIKES)).isEqualTo(15);
            assertThat(change(t, GroupKey.BRAND, "2026-03-02", Metric.IMPRESSIONS)).isEqualTo(300);
            assertThat(change(t, GroupKey.BRAND, "2026-03-03", Metric.LIKES)).isEqualTo(3);
            assertThat(change(t, GroupKey.BRAND, "2026-03-03", Metric.IMPRESSIONS)).isEqualTo(100);
            assertThat(change(t, GroupKey.BRAND, "2026-03-04", Metric.LIKES)).isEqualTo(2);
            Counters day2 = t.row(GroupKey.BRAND, LocalDate.parse("2026-03-02")).orElseThrow().counters();
            assertThat(day2.newPosts()).isEqualTo(1);
            assertThat(day2.snapshots()).isEqualTo(2);
        }

        @Test
        @DisplayName("a missing snapshot moves the increase to the next day with data; the total is unchanged")
        void missing() {
            List<MetricSnapshot> gap = new ArrayList<>(xPost());
            gap.remove(2); // no reading on the 3rd
            AggregateTable t = aggregator.aggregate(gap, Set.of(), PeriodUnit.DAY, MARCH_2_TO_4);
            AggregateRow third = t.row(GroupKey.BRAND, LocalDate.parse("2026-03-03")).orElseThrow();
            assertThat(third.isEmpty()).isTrue();
            assertThat(third.counters().change(Metric.LIKES))
                    .isEqualTo(KpiValue.notAvailable(new Unavailability.NoSnapshotInPeriod()));
            assertThat(third.counters().levelAtEnd(Metric.LIKES)).isEqualTo(KpiValue.of(15));
            assertThat(change(t, GroupKey.BRAND, "2026-03-04", Metric.LIKES)).isEqualTo(5);
            assertThat(change(t, GroupKey.BRAND, "2026-03-04", Metric.IMPRESSIONS)).isEqualTo(150);
        }

        @Test
        @DisplayName("shuffled and duplicated snapshots give the same table as ordered ones")
        void shuffledAndDuplicated() {
            List<MetricSnapshot> ordered = new ArrayList<>(xPost());
            ordered.add(post(X, "p2", "2026-03-02T12:00:00Z", 4, 40L));
            ordered.add(post(X, "p2", "2026-03-03T12:00:00Z", 9, 90L));
            ordered.add(followers(X, "2026-03-02T00:00:00Z", 1000));
            ordered.add(followers(X, "2026-03-03T12:00:00Z", 1010));
            List<MetricSnapshot> messy = new ArrayList<>(ordered);
            messy.addAll(ordered.subList(0, 3)); // the same readings twice
            Collections.shuffle(messy, new Random(7));
            AggregateTable a = aggregator.aggregate(ordered, Set.of(Dimension.ACCOUNT), PeriodUnit.DAY, MARCH_2_TO_4);
            AggregateTable b = aggregator.aggregate(messy, Set.of(Dimension.ACCOUNT), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(b.rows()).isEqualTo(a.rows());
            assertThat(b.duplicates()).isEqualTo(3);
            assertThat(a.duplicates()).isZero();
        }

        @Test
        @DisplayName("two different readings at the same time: each counter keeps the larger")
        void conflictingDuplicate() {
            List<MetricSnapshot> s = List.of(
                    post(X, "p1", "2026-03-02T09:00:00Z", 10, 100L),
                    post(X, "p1", "2026-03-02T09:00:00Z", 12, 90L),
                    post(X, "p1", "2026-03-03T09:00:00Z", 13, 150L));
            AggregateTable t = aggregator.aggregate(s, Set.of(), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(change(t, GroupKey.BRAND, "2026-03-02", Metric.LIKES)).isEqualTo(12);
            assertThat(change(t, GroupKey.BRAND, "2026-03-02", Metric.IMPRESSIONS)).isEqualTo(100);
            assertThat(change(t, GroupKey.BRAND, "2026-03-03", Metric.LIKES)).isEqualTo(1);
            assertThat(change(t, GroupKey.BRAND, "2026-03-03", Metric.IMPRESSIONS)).isEqualTo(50);
        }

        @Test
        @DisplayName("a withdrawn like is a negative change, not an error")
        void decrease() {
            List<MetricSnapshot> s = List.of(
                    post(X, "p1", "2026-03-02T09:00:00Z", 10, 100L),
                    post(X, "p1", "2026-03-03T09:00:00Z", 8, 120L));
            AggregateTable t = aggregator.aggregate(s, Set.of(), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(change(t, GroupKey.BRAND, "2026-03-03", Metric.LIKES)).isEqualTo(-2);
        }

        @Test
        @DisplayName("followers: the first reading is a baseline; levels and growth rate per week")
        void followerLevels() {
            List<MetricSnapshot> s = List.of(
                    followers(X, "2026-02-27T10:00:00Z", 2_000),   // the week before: baseline only
                    followers(X, "2026-03-04T10:00:00Z", 2_100),
                    followers(X, "2026-03-11T10:00:00Z", 2_205));
            AggregateTable t = aggregator.aggregate(s, Set.of(), PeriodUnit.WEEK, DateRange.parse("2026-03-02..2026-03-15"));
            assertThat(t.periods()).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
            KpiCatalogue catalogue = KpiCatalogue.euros();
            Counters week1 = t.row(GroupKey.BRAND, LocalDate.parse("2026-03-02")).orElseThrow().counters();
            assertThat(week1.change(Metric.FOLLOWERS)).isEqualTo(KpiValue.of(100));
            assertThat(catalogue.compute(Kpi.FOLLOWERS, week1)).isEqualTo(KpiValue.of(2_100));
            assertThat(catalogue.compute(Kpi.FOLLOWER_GROWTH_RATE, week1)).isEqualTo(KpiValue.of(0.05));
            Counters week2 = t.row(GroupKey.BRAND, LocalDate.parse("2026-03-09")).orElseThrow().counters();
            assertThat(catalogue.compute(Kpi.FOLLOWER_GROWTH_RATE, week2)).isEqualTo(KpiValue.of(105.0 / 2_100));
        }
    }

    @Nested
    @DisplayName("periods in the brand's time zone")
    class Periods {

        @Test
        @DisplayName("the spring-forward day in Paris is 23 hours long; a reading at 00:30 local belongs to it")
        void springForward() {
            // 2026-03-29: Paris goes from UTC+1 to UTC+2 at 02:00; the day runs 2026-03-28T23:00Z..2026-03-29T22:00Z.
            List<MetricSnapshot> s = List.of(
                    post(X, "p1", "2026-03-28T22:59:00Z", 1, 10L),   // 23:59 on the 28th
                    post(X, "p1", "2026-03-28T23:30:00Z", 3, 30L),   // 00:30 on the 29th
                    post(X, "p1", "2026-03-29T21:59:00Z", 6, 60L),   // 23:59 CEST on the 29th
                    post(X, "p1", "2026-03-29T22:00:00Z", 10, 100L)); // 00:00 on the 30th
            AggregateTable t = aggregator.aggregate(s, Set.of(), PeriodUnit.DAY, DateRange.parse("2026-03-28..2026-03-30"));
            assertThat(change(t, GroupKey.BRAND, "2026-03-28", Metric.LIKES)).isEqualTo(1);
            assertThat(change(t, GroupKey.BRAND, "2026-03-29", Metric.LIKES)).isEqualTo(5);
            assertThat(change(t, GroupKey.BRAND, "2026-03-30", Metric.LIKES)).isEqualTo(4);
        }

        @Test
        @DisplayName("the fall-back day in Paris is 25 hours long; 23:30 local winter time still belongs to it")
        void fallBack() {
            // 2026-10-25: the day runs 2026-10-24T22:00Z..2026-10-25T23:00Z.
            List<MetricSnapshot> s = List.of(
                    post(X, "p1", "2026-10-24T21:30:00Z", 1, 10L),   // 23:30 CEST on the 24th
                    post(X, "p1", "2026-10-24T22:00:00Z", 2, 20L),   // 00:00 on the 25th
                    post(X, "p1", "2026-10-25T22:30:00Z", 7, 70L),   // 23:30 CET on the 25th
                    post(X, "p1", "2026-10-25T23:00:00Z", 9, 90L));  // 00:00 on the 26th
            AggregateTable t = aggregator.aggregate(s, Set.of(), PeriodUnit.DAY, DateRange.parse("2026-10-24..2026-10-26"));
            assertThat(change(t, GroupKey.BRAND, "2026-10-24", Metric.LIKES)).isEqualTo(1);
            assertThat(change(t, GroupKey.BRAND, "2026-10-25", Metric.LIKES)).isEqualTo(6);
            assertThat(change(t, GroupKey.BRAND, "2026-10-26", Metric.LIKES)).isEqualTo(2);
        }

        @Test
        @DisplayName("months and ISO weeks start in the brand's zone, not in UTC")
        void monthsAndWeeks() {
            List<MetricSnapshot> s = List.of(
                    post(X, "p1", "2026-02-28T22:30:00Z", 4, 40L),   // 23:30 on Feb 28 in Paris
                    post(X, "p1", "2026-02-28T23:30:00Z", 9, 90L));  // 00:30 on March 1 in Paris
            AggregateTable months = aggregator.aggregate(s, Set.of(), PeriodUnit.MONTH, DateRange.parse("2026-02-01..2026-03-31"));
            assertThat(change(months, GroupKey.BRAND, "2026-02-01", Metric.LIKES)).isEqualTo(4);
            assertThat(change(months, GroupKey.BRAND, "2026-03-01", Metric.LIKES)).isEqualTo(5);
            AggregateTable weeks = aggregator.aggregate(s, Set.of(), PeriodUnit.WEEK, DateRange.parse("2026-02-25..2026-03-03"));
            // Feb 28 is a Saturday (week of Monday the 23rd), March 1 a Sunday: same ISO week.
            assertThat(weeks.periods()).containsExactly(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2));
            assertThat(change(weeks, GroupKey.BRAND, "2026-02-23", Metric.LIKES)).isEqualTo(9);
        }
    }

    @Nested
    @DisplayName("grouping")
    class Grouping {

        @Test
        @DisplayName("by platform: Mastodon has no impressions, which is not available rather than 0")
        void byPlatform() {
            List<MetricSnapshot> s = new ArrayList<>(xPost());
            s.add(post(MASTODON, "m1", "2026-03-02T10:00:00Z", 7, null));
            s.add(post(MASTODON, "m1", "2026-03-03T10:00:00Z", 9, null));
            AggregateTable t = aggregator.aggregate(s, Set.of(Dimension.PLATFORM), PeriodUnit.DAY, MARCH_2_TO_4);
            GroupKey mastodon = new GroupKey(Optional.of(Platform.MASTODON), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            assertThat(change(t, mastodon, "2026-03-03", Metric.LIKES)).isEqualTo(2);
            assertThat(t.row(mastodon, LocalDate.parse("2026-03-03")).orElseThrow().counters().change(Metric.IMPRESSIONS))
                    .isEqualTo(KpiValue.notAvailable(new Unavailability.NotExposed(Metric.IMPRESSIONS, List.of(Platform.MASTODON))));
            AggregateTable brand = t.rollUp(Set.of());
            assertThat(brand.row(GroupKey.BRAND, LocalDate.parse("2026-03-03")).orElseThrow().counters()
                    .change(Metric.IMPRESSIONS)).isEqualTo(
                    KpiValue.notAvailable(new Unavailability.PartlyExposed(Metric.IMPRESSIONS, 1, 2, List.of(Platform.MASTODON))));
            assertThat(change(brand, GroupKey.BRAND, "2026-03-03", Metric.LIKES)).isEqualTo(5);
        }

        @Test
        @DisplayName("rolling accounts up to platforms gives the same rows as grouping by platform")
        void rollUp() {
            List<MetricSnapshot> s = new ArrayList<>(xPost());
            s.add(post(MASTODON, "m1", "2026-03-02T10:00:00Z", 7, null));
            s.add(followers(X, "2026-03-02T10:00:00Z", 500));
            AggregateTable byAccount = aggregator.aggregate(s, Set.of(Dimension.ACCOUNT), PeriodUnit.DAY, MARCH_2_TO_4);
            AggregateTable byPlatform = aggregator.aggregate(s, Set.of(Dimension.PLATFORM), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(byAccount.rollUp(Set.of(Dimension.PLATFORM)).rows()).isEqualTo(byPlatform.rows());
            assertThatThrownBy(() -> byPlatform.rollUp(Set.of(Dimension.PILLAR)))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessage("rollUp.PILLAR cannot be rolled up to: the table is grouped by [PLATFORM]");
        }

        @Test
        @DisplayName("by pillar and campaign through the post directory; unknown posts share the empty pillar")
        void byPillar() {
            Post launch = new Post("launch", "cafe", Optional.of("products"), Optional.of("spring"),
                    List.of(PostVariant.text(Platform.X, "Nouveau café")));
            PostDirectory directory = PostDirectory.builder().add(launch, Platform.X, "p1").build();
            List<MetricSnapshot> s = new ArrayList<>(xPost());
            s.add(post(X, "p9", "2026-03-02T10:00:00Z", 7, 70L));
            s.add(followers(X, "2026-03-02T10:00:00Z", 500)); // account counters: left out of post groupings
            AggregateTable t = new Aggregator(BRAND, directory)
                    .aggregate(s, Set.of(Dimension.PILLAR, Dimension.CAMPAIGN), PeriodUnit.DAY, MARCH_2_TO_4);
            GroupKey products = new GroupKey(Optional.empty(), Optional.empty(), Optional.of("products"),
                    Optional.of("spring"), Optional.empty());
            GroupKey none = new GroupKey(Optional.empty(), Optional.empty(), Optional.of(""), Optional.of(""), Optional.empty());
            assertThat(t.groups()).containsExactlyInAnyOrder(products, none);
            assertThat(change(t, products, "2026-03-02", Metric.LIKES)).isEqualTo(15);
            assertThat(change(t, none, "2026-03-02", Metric.LIKES)).isEqualTo(7);
            AggregateTable byPost = new Aggregator(BRAND, directory)
                    .aggregate(s, Set.of(Dimension.POST), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(byPost.groups()).extracting(g -> g.post().orElseThrow()).containsExactlyInAnyOrder("launch", "x:p9");
        }

        @Test
        @DisplayName("the records path and the columnar path give the same table")
        void columnarEqualsRecords() {
            List<MetricSnapshot> s = new ArrayList<>(xPost());
            s.add(post(MASTODON, "m1", "2026-03-02T10:00:00Z", 7, null));
            SnapshotColumns.Builder b = SnapshotColumns.builder(List.of(Metric.LIKES, Metric.IMPRESSIONS));
            for (MetricSnapshot m : s) {
                b.add(b.series(SeriesKey.of(m)), m.takenAt().toEpochMilli(), m.values().get(Metric.LIKES),
                        m.values().getOrDefault(Metric.IMPRESSIONS, SnapshotColumns.ABSENT));
            }
            Set<Dimension> by = Set.of(Dimension.ACCOUNT);
            assertThat(aggregator.aggregate(b.build(), by, PeriodUnit.DAY, MARCH_2_TO_4).rows())
                    .isEqualTo(aggregator.aggregate(s, by, PeriodUnit.DAY, MARCH_2_TO_4).rows());
        }
    }

    @Nested
    @DisplayName("comparison and KPI tables")
    class Comparison {

        @Test
        @DisplayName("each KPI against the previous period: absolute and relative change")
        void previousPeriod() {
            AggregateTable t = aggregator.aggregate(xPost(), Set.of(), PeriodUnit.DAY, MARCH_2_TO_4);
            List<PeriodComparison> c = t.compare(LocalDate.parse("2026-03-03"), KpiCatalogue.euros(),
                    List.of(Kpi.IMPRESSIONS, Kpi.ENGAGEMENT_RATE_BY_IMPRESSIONS));
            assertThat(c).hasSize(2);
            PeriodComparison impressions = c.get(0);
            assertThat(impressions.current()).isEqualTo(KpiValue.of(100));
            assertThat(impressions.previous()).isEqualTo(KpiValue.of(300));
            assertThat(impressions.change()).isEqualTo(KpiValue.of(-200));
            assertThat(impressions.relativeChange().asDouble().getAsDouble()).isCloseTo(-2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(c.get(1).current()).isEqualTo(KpiValue.of(0.03));   // 3 likes / 100 impressions
            assertThat(c.get(1).previous()).isEqualTo(KpiValue.of(0.05));  // 15 / 300
            assertThatThrownBy(() -> t.compare(LocalDate.parse("2026-03-02"), KpiCatalogue.euros(), List.of(Kpi.REACH)))
                    .isInstanceOf(AnalyticsException.class).hasMessageStartingWith("period 2026-03-02 is the table's first period");
        }

        @Test
        @DisplayName("a KPI table has every KPI of every row, available or with a reason")
        void kpiTable() {
            KpiTable table = aggregator.aggregate(xPost(), Set.of(Dimension.PLATFORM), PeriodUnit.DAY, MARCH_2_TO_4)
                    .kpis(KpiCatalogue.euros(), Kpi.fromCounters());
            assertThat(table.rows()).hasSize(3);
            KpiRow first = table.rows().get(0);
            assertThat(first.values()).containsOnlyKeys(Kpi.fromCounters());
            assertThat(first.value(Kpi.ENGAGEMENTS)).isEqualTo(KpiValue.of(15));
            assertThat(first.value(Kpi.REACH)).isEqualTo(KpiValue.notAvailable(new Unavailability.NotReported(Metric.REACH)));
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {

        @Test
        @DisplayName("a snapshot of an account on a platform the brand is not on is refused, naming the series")
        void unknownPlatform() {
            Account tiktok = new Account(Platform.TIKTOK, "cafe");
            List<MetricSnapshot> s = List.of(xPost().get(0), post(tiktok, "t1", "2026-03-02T10:00:00Z", 1, 1L));
            assertThatThrownBy(() -> aggregator.aggregate(s, Set.of(), PeriodUnit.DAY, MARCH_2_TO_4))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessage("series[1].account tiktok:cafe is not an account of brand 'cafe' (it has no account on tiktok)")
                    .extracting(e -> ((AnalyticsException) e).field()).isEqualTo("series[1].account");
        }

        @Test
        @DisplayName("a negative counter in columns is refused with its row and metric, and the row is not added")
        void negativeCount() {
            SnapshotColumns.Builder b = SnapshotColumns.builder(List.of(Metric.LIKES, Metric.SHARES));
            int p1 = b.series(SeriesKey.post(X, "p1"));
            b.add(p1, 0L, 1, 2);
            assertThatThrownBy(() -> b.add(p1, 1L, 3, -4))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessage("rows[1].values.shares must not be negative (got -4)");
            assertThat(b.build().size()).isEqualTo(1);
            assertThatThrownBy(() -> SnapshotColumns.wrap(List.of(SeriesKey.post(X, "p1")), List.of(Metric.LIKES),
                    new int[] {0, 0}, new long[] {0, 1}, new long[][] {{5, -7}}, 2))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessage("rows[1].values.likes must not be negative (got -7)");
        }

        @Test
        @DisplayName("no data at all is a clearly empty table, every change not available, no NaN")
        void noData() {
            AggregateTable t = aggregator.aggregate(List.of(), Set.of(), PeriodUnit.DAY, MARCH_2_TO_4);
            assertThat(t.isEmpty()).isTrue();
            assertThat(t.rows()).isEmpty();
            AggregateTable outside = aggregator.aggregate(xPost(), Set.of(), PeriodUnit.DAY, DateRange.parse("2026-01-05..2026-01-06"));
            assertThat(outside.isEmpty()).isTrue();
            assertThat(outside.rows()).allSatisfy(r -> assertThat(r.counters().change(Metric.LIKES).isAvailable()).isFalse());
        }
    }
}
