package io.cmkit.analytics.objective;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Strategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tracks objectives: for each target, the actual value so far, pacing and a forecast.
 *
 * <p><b>Elapsed time.</b> Up to and at the period's first instant a target is not started. {@code elapsed} is the fraction of the target's period (its days in the
 * brand's time zone, from the start of the first to the end of the last) behind the clock's now.
 *
 * <p><b>Expected by now and forecast</b> depend on the KPI's {@link KpiKind}: a cumulative KPI is
 * expected at {@code target × elapsed} and forecast by its run rate, {@code actual / elapsed}; a
 * level (followers) is expected at {@code start + (target − start) × elapsed} and forecast as
 * {@code start + (actual − start) / elapsed}; a rate is expected at the target itself all along,
 * and forecast to stay where it is. Linear forecasts made early in a period swing widely; a report
 * should show {@code elapsed} beside them.
 *
 * <p><b>Pacing.</b> With tolerance {@code t} (default 10 %), a target to reach at least is
 * {@link Pacing#AHEAD} when the actual is above {@code expected × (1 + t)}, {@link Pacing#BEHIND}
 * below {@code expected × (1 − t)}, and {@link Pacing#ON_TRACK} in between; the other way round
 * for a target to stay at most. Levels compare gains since the start ({@code actual − start}
 * against {@code expected − start}) when the start is known, so 10 % is 10 % of the growth asked
 * for, not of the whole audience. After the period, a target is {@link Pacing#MET} or {@link Pacing#MISSED}.
 */
public final class ObjectiveTracker {

    /** The default tolerance: 10 %. */
    public static final double DEFAULT_TOLERANCE = 0.10;

    private static final List<Pacing> WORST_FIRST = List.of(Pacing.MISSED, Pacing.BEHIND, Pacing.UNKNOWN,
            Pacing.ON_TRACK, Pacing.AHEAD, Pacing.MET, Pacing.NOT_STARTED);

    private final ZoneId zone;
    private final Clock clock;
    private final double tolerance;

    /**
     * @param zone the brand's time zone
     * @param clock tells now
     * @param tolerance the relative band around what is expected that counts as on track, in [0, 1)
     */
    public ObjectiveTracker(ZoneId zone, Clock clock, double tolerance) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new AnalyticsException("tolerance", "must be in [0, 1) (got " + tolerance + ")");
        }
        this.tolerance = tolerance;
    }

    /** A tracker with the default tolerance. */
    public ObjectiveTracker(ZoneId zone, Clock clock) {
        this(zone, clock, DEFAULT_TOLERANCE);
    }

    /** Every objective of the strategy; an empty list when it has none. */
    public List<ObjectiveProgress> track(Strategy strategy, ActualSource source) {
        return strategy.objectives().stream().map(o -> track(o, source)).toList();
    }

    /** One objective. */
    public ObjectiveProgress track(Objective objective, ActualSource source) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(source, "source");
        List<TargetProgress> targets = new ArrayList<>();
        for (KpiTarget target : objective.targets()) {
            targets.add(progress(target, source));
        }
        Pacing worst = targets.stream().map(TargetProgress::pacing)
                .min(Comparator.comparingInt(WORST_FIRST::indexOf)).orElse(Pacing.UNKNOWN);
        return new ObjectiveProgress(objective, targets, worst);
    }

    /** One target. */
    public TargetProgress progress(KpiTarget target, ActualSource source) {
        KpiKind kind = KpiKind.of(target.metric());
        Instant now = clock.instant();
        Instant start = target.period().start().atStartOfDay(zone).toInstant();
        Instant end = target.period().end().plusDays(1).atStartOfDay(zone).toInstant();
        if (!now.isAfter(start)) {
            // At the very start nothing has elapsed: no rate to extrapolate, nothing to pace.
            KpiValue none = KpiValue.notAvailable(new Unavailability.PeriodNotStarted(target.period().start()));
            return new TargetProgress(target, kind, 0, none, none, none, Pacing.NOT_STARTED,
                    "starts on " + target.period().start());
        }
        double elapsed = Math.min(1.0, (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis());
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate last = today.isAfter(target.period().end()) ? target.period().end() : today;
        KpiValue actual = source.actual(target, target.period().start(), last);
        KpiValue startLevel = kind == KpiKind.LEVEL ? source.levelAtStart(target, target.period().start())
                : KpiValue.of(0);
        double goal = target.target();
        KpiValue expected;
        KpiValue forecast;
        if (!now.isBefore(end)) {
            expected = KpiValue.of(goal);
            forecast = actual;
        } else if (kind == KpiKind.CUMULATIVE) {
            expected = KpiValue.of(goal * elapsed);
            forecast = actual.times(1 / elapsed);
        } else if (kind == KpiKind.LEVEL && startLevel.isAvailable()) {
            double s = startLevel.asDouble().getAsDouble();
            expected = KpiValue.of(s + (goal - s) * elapsed);
            forecast = actual.isAvailable() ? KpiValue.of(s + (actual.asDouble().getAsDouble() - s) / elapsed) : actual;
        } else {
            expected = KpiValue.of(goal);
            forecast = actual;
        }
        Pacing pacing;
        String explanation;
        if (!actual.isAvailable()) {
            pacing = Pacing.UNKNOWN;
            explanation = "actual not available: " + ((KpiValue.NotAvailable) actual).reason().describe(Locale.ENGLISH);
        } else if (!now.isBefore(end)) {
            pacing = target.isMetBy(actual.asDouble().getAsDouble()) ? Pacing.MET : Pacing.MISSED;
            explanation = String.format(Locale.ROOT, "period over: %s against a target of %s", fmt(actual), fmt(goal));
        } else {
            double base = kind == KpiKind.LEVEL && startLevel.isAvailable() ? startLevel.asDouble().getAsDouble() : 0;
            pacing = pace(actual.asDouble().getAsDouble() - base, expected.asDouble().getAsDouble() - base,
                    target.direction());
            explanation = String.format(Locale.ROOT, "%s so far against %s expected by now (%.0f%% of the period elapsed)",
                    fmt(actual), fmt(expected), elapsed * 100);
        }
        return new TargetProgress(target, kind, elapsed, actual, expected, forecast, pacing, explanation);
    }

    private Pacing pace(double actual, double expected, KpiTarget.Direction direction) {
        boolean above = actual > expected * (1 + tolerance) || (expected == 0 && actual > 0);
        boolean below = actual < expected * (1 - tolerance);
        if (direction == KpiTarget.Direction.AT_LEAST) {
            return above ? Pacing.AHEAD : below ? Pacing.BEHIND : Pacing.ON_TRACK;
        }
        return below ? Pacing.AHEAD : above ? Pacing.BEHIND : Pacing.ON_TRACK;
    }

    private static String fmt(KpiValue value) {
        return value.asDouble().isPresent() ? fmt(value.asDouble().getAsDouble()) : value.toString();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
