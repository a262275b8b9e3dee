package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.TextCounting;
import java.time.DayOfWeek;
import java.util.Set;

/**
 * How the simulated audience of one platform behaves and what the platform exposes: reach and
 * engagement rates, the shape of the reaction curve, which counters its API gives, whether it
 * schedules natively and how long profile fields may be. Figures are plausible orders of
 * magnitude for a small or mid-sized brand, not measurements.
 *
 * @param platform the platform
 * @param defaultFollowers the audience size of an account when the world does not set one
 * @param reachFraction share of followers an ordinary post reaches
 * @param likeRate likes per person reached
 * @param shareRatio shares (reposts, boosts, retweets) per like
 * @param commentRatio comments per like
 * @param quoteRatio quotes per share; 0 where the platform has no quote posts
 * @param saveRatio saves (bookmarks) per like
 * @param fastHours time constant of the first burst of reactions, in hours
 * @param slowHours time constant of the long tail, in hours
 * @param fastWeight weight of the first burst (the tail has the rest)
 * @param weekend multiplier of activity on Saturdays and Sundays
 * @param postMetrics counters the platform's API exposes for a post
 * @param accountMetrics counters the platform's API exposes for the account
 * @param idempotency how the platform keeps a retried publication from appearing twice
 * @param nativeScheduling whether the platform's API can publish a post later by itself
 * @param displayNameMax longest display name
 * @param bioMax longest profile description
 * @param profileCounting how profile fields are counted
 * @param cpm cost of a thousand paid impressions, in units of the budget's currency
 */
public record PlatformTraits(Platform platform, long defaultFollowers, double reachFraction, double likeRate,
                             double shareRatio, double commentRatio, double quoteRatio, double saveRatio,
                             double fastHours, double slowHours, double fastWeight, double weekend,
                             Set<Metric> postMetrics, Set<Metric> accountMetrics,
                             Publishing.Idempotency idempotency, boolean nativeScheduling,
                             int displayNameMax, int bioMax, TextCounting profileCounting, double cpm) {

    /*
     * Activity by local hour, 0 h to 23 h: quiet nights, a lunch bump and an evening peak. Divided
     * by its mean below, so that a day averages 1.
     */
    private static final double[] HOURS = {
        0.35, 0.22, 0.15, 0.12, 0.12, 0.20, 0.45, 0.75, 0.95, 0.95, 0.95, 1.05,
        1.30, 1.20, 0.95, 0.95, 1.00, 1.15, 1.40, 1.70, 1.85, 1.75, 1.30, 0.75};
    private static final double[] HOUR_FACTORS = normalised(HOURS);
    private static final double HOUR_MAX = max(HOUR_FACTORS);

    private static final Set<Metric> OPEN_WEB = Set.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS);
    private static final Set<Metric> FOLLOWERS_ONLY = Set.of(Metric.FOLLOWERS);
    private static final Set<Metric> FOLLOWERS_AND_IMPRESSIONS = Set.of(Metric.FOLLOWERS, Metric.IMPRESSIONS);

    /** The traits of a well-known platform; any other gets middle-of-the-road figures. */
    public static PlatformTraits of(Platform platform) {
        Publishing.Idempotency lookup = Publishing.Idempotency.LOOKUP;
        TextCounting cp = TextCounting.codePoints();
        return switch (platform.id()) {
            // Mastodon: favourites, boosts, replies; no impressions or reach in its API. Native
            // Idempotency-Key and scheduled_at.
            case "mastodon" -> new PlatformTraits(platform, 2_500, 0.35, 0.06, 0.35, 0.20, 0.0, 0.08,
                    1.0, 8.0, 0.6, 1.1, OPEN_WEB, FOLLOWERS_ONLY, Publishing.Idempotency.NATIVE, true,
                    30, 500, cp, 6.0);
            // Bluesky: likes, reposts, replies, quotes; no impressions or reach.
            case "bluesky" -> new PlatformTraits(platform, 3_000, 0.30, 0.06, 0.22, 0.18, 0.30, 0.05,
                    0.75, 8.0, 0.6, 1.1, Set.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES),
                    FOLLOWERS_ONLY, lookup, false, 64, 256, TextCounting.graphemes(), 6.0);
            // X API v2: public metrics plus impressions and link clicks for the owner.
            case "x" -> new PlatformTraits(platform, 8_000, 0.18, 0.035, 0.20, 0.22, 0.25, 0.10,
                    0.5, 6.0, 0.65, 1.0, Set.of(Metric.IMPRESSIONS, Metric.LIKES, Metric.SHARES, Metric.COMMENTS,
                            Metric.QUOTES, Metric.SAVES, Metric.CLICKS),
                    FOLLOWERS_ONLY, lookup, false, 50, 160, cp, 6.0);
            case "facebook" -> new PlatformTraits(platform, 15_000, 0.08, 0.06, 0.12, 0.22, 0.0, 0.04,
                    1.5, 18.0, 0.5, 1.1, Set.of(Metric.IMPRESSIONS, Metric.REACH, Metric.LIKES, Metric.SHARES,
                            Metric.COMMENTS, Metric.CLICKS),
                    FOLLOWERS_AND_IMPRESSIONS, lookup, true, 75, 255, cp, 7.0);
            case "instagram" -> new PlatformTraits(platform, 12_000, 0.22, 0.07, 0.05, 0.09, 0.0, 0.10,
                    2.0, 24.0, 0.5, 1.1, Set.of(Metric.IMPRESSIONS, Metric.REACH, Metric.LIKES, Metric.SHARES,
                            Metric.COMMENTS, Metric.SAVES),
                    FOLLOWERS_AND_IMPRESSIONS, lookup, false, 30, 150, cp, 8.0);
            case "linkedin" -> new PlatformTraits(platform, 4_000, 0.15, 0.04, 0.08, 0.12, 0.0, 0.02,
                    4.0, 36.0, 0.4, 0.45, Set.of(Metric.IMPRESSIONS, Metric.REACH, Metric.LIKES, Metric.SHARES,
                            Metric.COMMENTS, Metric.CLICKS),
                    FOLLOWERS_AND_IMPRESSIONS, lookup, false, 100, 2_000, cp, 30.0);
            case "youtube" -> new PlatformTraits(platform, 3_000, 0.15, 0.05, 0.04, 0.10, 0.0, 0.0,
                    12.0, 168.0, 0.4, 1.15, Set.of(Metric.VIDEO_VIEWS, Metric.LIKES, Metric.SHARES, Metric.COMMENTS),
                    FOLLOWERS_ONLY, lookup, true, 100, 1_000, cp, 5.0);
            case "threads" -> new PlatformTraits(platform, 4_000, 0.25, 0.05, 0.10, 0.15, 0.20, 0.0,
                    1.0, 10.0, 0.6, 1.05, Set.of(Metric.IMPRESSIONS, Metric.LIKES, Metric.SHARES, Metric.COMMENTS,
                            Metric.QUOTES),
                    FOLLOWERS_ONLY, lookup, false, 30, 150, cp, 7.0);
            case "tiktok" -> new PlatformTraits(platform, 10_000, 0.60, 0.06, 0.04, 0.05, 0.0, 0.05,
                    3.0, 48.0, 0.5, 1.15, Set.of(Metric.VIDEO_VIEWS, Metric.LIKES, Metric.SHARES, Metric.COMMENTS),
                    FOLLOWERS_ONLY, lookup, false, 30, 80, cp, 5.0);
            default -> new PlatformTraits(platform, 5_000, 0.20, 0.05, 0.15, 0.15, 0.10, 0.05,
                    1.0, 12.0, 0.6, 1.0, Set.of(Metric.IMPRESSIONS, Metric.LIKES, Metric.SHARES, Metric.COMMENTS),
                    FOLLOWERS_ONLY, lookup, false, 50, 500, cp, 6.0);
        };
    }

    /** Activity at this local hour and weekday, averaging about 1 over a week. */
    public double activity(int localHour, DayOfWeek day) {
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return HOUR_FACTORS[localHour] * (weekend ? this.weekend : 1.0) / weekAverage();
    }

    /** The highest {@link #activity} of any hour. */
    public double maxActivity() {
        return HOUR_MAX * Math.max(1.0, weekend) / weekAverage();
    }

    private double weekAverage() {
        return (5.0 + 2.0 * weekend) / 7.0;
    }

    private static double[] normalised(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / mean;
        }
        return out;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
