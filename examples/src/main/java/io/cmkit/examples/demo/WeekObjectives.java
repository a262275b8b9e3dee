package io.cmkit.examples.demo;

import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.SnapshotColumns;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiSource;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.MetricNames;
import io.cmkit.analytics.kpi.ResponseStats;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.analytics.objective.ActualSource;
import io.cmkit.analytics.objective.CounterActuals;
import io.cmkit.analytics.objective.KpiKind;
import io.cmkit.analytics.objective.ObjectiveProgress;
import io.cmkit.analytics.objective.ObjectiveTracker;
import io.cmkit.analytics.objective.TargetProgress;
import io.cmkit.analytics.report.Pacing;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Strategy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The strategy's objectives at the end of the demo's week, through cm-analytics' public
 * {@link ObjectiveTracker}: counter KPIs (followers, reach, clicks, CTR) from the week's and past
 * weeks' snapshots ({@link CounterActuals}), response rate and times from the inbox's
 * interactions and the brand's replies ({@link ResponseStats}). A KPI the sandbox platform does
 * not expose stays "not available" with its reason.
 */
final class WeekObjectives {

    private WeekObjectives() {
    }

    /** Each objective's progress, as of the end of the simulated week. */
    static List<ObjectiveProgress> track(Strategy strategy, CommunityWeek.Outcome week) {
        if (strategy.objectives().isEmpty()) {
            return List.of();
        }
        ZoneId zone = strategy.brand().timeZone();
        LocalDate today = week.weekEnd().atZone(zone).toLocalDate();
        LocalDate earliest = strategy.objectives().stream().flatMap(o -> o.targets().stream())
                .map(t -> t.period().start()).min(Comparator.naturalOrder()).orElseThrow();
        // The aggregated days cover every target's first day up to the day the tracker looks from.
        DateRange days = new DateRange(earliest.isBefore(today) ? earliest : today, today);
        Aggregator aggregator = new Aggregator(strategy.brand());
        Map<String, CounterActuals> bySnapshots = new HashMap<>();
        Function<KpiTarget, CounterActuals> counters = target -> {
            List<MetricSnapshot> chosen = snapshotsFor(week.snapshots(), target);
            String key = KpiKind.of(target.metric()) == KpiKind.LEVEL ? "accounts" : "posts:" + chosen.stream()
                    .map(snapshot -> snapshot.account().platform().id()).distinct().sorted().toList();
            return bySnapshots.computeIfAbsent(key, k -> new CounterActuals(aggregator, SnapshotColumns.of(chosen), days,
                    KpiCatalogue.euros()));
        };
        // The sandbox's history starts with the past weeks: their first day's readings stand for the level at a
        // period's start (a level at the start of a day is the last reading before it).
        LocalDate firstReading = week.firstDay().minusWeeks(CommunityWeek.HISTORY_WEEKS).plusDays(1);
        ActualSource source = new ActualSource() {
            @Override
            public KpiValue actual(KpiTarget target, LocalDate from, LocalDate to) {
                Optional<Kpi> kpi = Kpi.forMetric(target.metric());
                KpiSource origin = kpi.map(Kpi::source).orElse(KpiSource.COUNTERS);
                return switch (origin) {
                    case COUNTERS -> counters.apply(target).actual(target, from, to);
                    case INBOX -> responses(week, zone, target, from, to).value(kpi.get());
                    case LISTENING -> KpiValue.notAvailable(new NotTrackedByTheDemo(target.metric()));
                };
            }

            @Override
            public KpiValue levelAtStart(KpiTarget target, LocalDate from) {
                return counters.apply(target).levelAtStart(target, from.isBefore(firstReading) ? firstReading : from);
            }
        };
        return new ObjectiveTracker(zone, Clock.fixed(week.weekEnd(), zone)).track(strategy, source);
    }

    /**
     * The snapshots a counter target reads: a level (followers) from the accounts' snapshots; a
     * post counter from the posts of the platforms that expose it (brand-wide reach sums the
     * platforms that report reach; Mastodon and Bluesky report none); otherwise every post's, so a
     * platform that lacks a counter says so.
     */
    static List<MetricSnapshot> snapshotsFor(List<MetricSnapshot> snapshots, KpiTarget target) {
        if (KpiKind.of(target.metric()) == KpiKind.LEVEL) {
            return snapshots.stream().filter(s -> s.postId().isEmpty()).toList();
        }
        List<MetricSnapshot> posts = snapshots.stream().filter(s -> s.postId().isPresent()).toList();
        List<MetricSnapshot> exposing = posts.stream().filter(s -> s.value(target.metric()).isPresent()).toList();
        return exposing.isEmpty() ? posts : exposing;
    }

    /** The response stats of the interactions received in the target's days (on its platform, if any). */
    private static ResponseStats responses(CommunityWeek.Outcome week, ZoneId zone, KpiTarget target, LocalDate from,
                                           LocalDate to) {
        List<Interaction> received = week.interactions().stream()
                .filter(i -> target.platform().map(p -> p.equals(i.account().platform())).orElse(true))
                .filter(i -> {
                    LocalDate day = i.createdAt().atZone(zone).toLocalDate();
                    return !day.isBefore(from) && !day.isAfter(to);
                })
                .toList();
        return ResponseStats.of(received, week.replies());
    }

    /** The report's pacing for the tracker's: a period over reads as ahead (met) or behind (missed). */
    static Pacing reportPacing(TargetProgress progress) {
        if (!progress.actual().isAvailable()) {
            return Pacing.NOT_AVAILABLE;
        }
        return switch (progress.pacing()) {
            case AHEAD, MET -> Pacing.AHEAD;
            case ON_TRACK -> Pacing.ON_TRACK;
            case BEHIND, MISSED -> Pacing.BEHIND;
            case NOT_STARTED, UNKNOWN -> Pacing.NOT_AVAILABLE;
        };
    }

    /** A listening KPI set as an objective: the demo does not measure it against a target (a host's own reason kind). */
    record NotTrackedByTheDemo(Metric metric) implements Unavailability {
        @Override
        public String describe(Locale locale) {
            String name = MetricNames.of(metric, locale);
            return locale.getLanguage().equals("fr") ? "la démo ne suit pas « " + name + " » face aux objectifs"
                    : "the demo does not track " + name + " against objectives";
        }
    }
}
