package io.cmkit.core.model;

import java.util.Optional;

/**
 * A number an objective is judged by: reach {@code target} for {@code metric} over {@code period}.
 *
 * @param metric what is measured
 * @param target the value to reach; never negative. Rates are fractions ({@code 0.045} for 4.5 %)
 * @param direction whether the actual value must reach at least or stay at most the target
 * @param period the days over which it is measured
 * @param platform the platform it is restricted to; empty for all the brand's platforms
 */
public record KpiTarget(Metric metric, double target, Direction direction, DateRange period,
                        Optional<Platform> platform) {

    /** Which side of the target is success. */
    public enum Direction {
        /** More is better: followers, reach, engagement rate. */
        AT_LEAST,
        /** Less is better: response time, cost per click. */
        AT_MOST
    }

    public KpiTarget {
        Checks.present("KpiTarget", "metric", metric);
        Checks.notNegative("KpiTarget", "target", target);
        Checks.present("KpiTarget", "direction", direction);
        Checks.present("KpiTarget", "period", period);
        Checks.optional("KpiTarget", "platform", platform);
    }

    /** An AT_LEAST target over all platforms. */
    public static KpiTarget atLeast(Metric metric, double target, DateRange period) {
        return new KpiTarget(metric, target, Direction.AT_LEAST, period, Optional.empty());
    }

    /** An AT_MOST target over all platforms. */
    public static KpiTarget atMost(Metric metric, double target, DateRange period) {
        return new KpiTarget(metric, target, Direction.AT_MOST, period, Optional.empty());
    }

    /** Whether an actual value meets the target. */
    public boolean isMetBy(double actual) {
        return direction == Direction.AT_LEAST ? actual >= target : actual <= target;
    }
}
