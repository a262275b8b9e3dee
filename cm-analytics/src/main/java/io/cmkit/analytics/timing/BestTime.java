package io.cmkit.analytics.timing;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.calendar.SlotPlan;
import io.cmkit.core.calendar.WeeklySlot;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostingCadence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Best time to post and cadence, from how past posts did, in the brand's time zone.
 *
 * <p><b>Heatmap.</b> Each post's engagement rate ({@code engagements / audience}) goes to the
 * cell of its local weekday and hour. A cell with fewer than {@code minimumPosts} posts is not
 * read (the minimum-sample rule). A readable cell has the mean rate, its index against the
 * platform's overall mean, a confidence {@code 1 − SE / mean} (SE: the standard error of the mean,
 * sample standard deviation over √n) and a score, the one-sided 95 % lower bound
 * {@code mean − 1.645 × SE}, so a cell with a high but uncertain mean does not outrank a
 * slightly lower, well-measured one.
 *
 * <p><b>Cadence.</b> Weeks (ISO, brand zone) are grouped by how many posts they had on the
 * platform; for each count with at least {@code minimumWeeks} weeks, the mean per-post engagement
 * rate. The recommendation is the largest count whose rate is within {@code 20 %} of the best
 * count's: more posts while they do not wear the audience out. With fewer than two counts to
 * compare, the platform default applies ({@link #defaultPostsPerWeek}).
 *
 * <p><b>Slots.</b> {@link #slotPlan} takes the best cells, at most ⌈n / 7⌉ a day and three hours
 * apart on the same day; if too few cells are readable, the rest are spread by the calendar's
 * own rule for a cadence without times, and the plan's note says how many came from data.
 */
public final class BestTime {

    /** The default minimum sample: 5 posts in a cell. */
    public static final int DEFAULT_MINIMUM_POSTS = 5;

    /** The default number of weeks a posting count needs to be compared: 3. */
    public static final int DEFAULT_MINIMUM_WEEKS = 3;

    /** How close to the best per-post rate a higher cadence must stay: within 20 %. */
    public static final double CADENCE_TOLERANCE = 0.20;

    private static final double Z_95_ONE_SIDED = 1.645;
    private static final int MIN_HOURS_APART = 3;

    private final ZoneId zone;
    private final int minimumPosts;
    private final int minimumWeeks;

    /**
     * @param zone the brand's time zone
     * @param minimumPosts the minimum sample per cell, at least 2 (a standard error needs two)
     * @param minimumWeeks the weeks a posting count needs to be compared, at least 1
     */
    public BestTime(ZoneId zone, int minimumPosts, int minimumWeeks) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (minimumPosts < 2) {
            throw new AnalyticsException("minimumPosts", "must be at least 2 (got " + minimumPosts + ")");
        }
        if (minimumWeeks < 1) {
            throw new AnalyticsException("minimumWeeks", "must be at least 1 (got " + minimumWeeks + ")");
        }
        this.minimumPosts = minimumPosts;
        this.minimumWeeks = minimumWeeks;
    }

    /** With the default minimums. */
    public BestTime(ZoneId zone) {
        this(zone, DEFAULT_MINIMUM_POSTS, DEFAULT_MINIMUM_WEEKS);
    }

    /**
     * Posts per week when the brand's history cannot say: X 14, Threads, Mastodon and Bluesky 7,
     * Instagram, Facebook and TikTok 5, LinkedIn 3, YouTube 2, any other platform 3 (the middle
     * of the ranges in Hootsuite's and Sprout Social's posting-frequency guides).
     */
    public static int defaultPostsPerWeek(Platform platform) {
        return switch (platform.id()) {
            case "x" -> 14;
            case "threads", "mastodon", "bluesky" -> 7;
            case "instagram", "facebook", "tiktok" -> 5;
            case "linkedin" -> 3;
            case "youtube" -> 2;
            default -> 3;
        };
    }

    /** The heatmap of one platform's posts; other platforms' outcomes are ignored. */
    public Heatmap heatmap(Platform platform, List<PostOutcome> outcomes) {
        Objects.requireNonNull(platform, "platform");
        int[] n = new int[168];
        double[] sum = new double[168];
        double[] sumSq = new double[168];
        double total = 0;
        int count = 0;
        for (PostOutcome o : Objects.requireNonNull(outcomes, "outcomes")) {
            if (!o.platform().equals(platform)) {
                continue;
            }
            ZonedDateTime local = o.publishedAt().atZone(zone);
            int cell = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
            double rate = o.engagementRate();
            n[cell]++;
            sum[cell] += rate;
            sumSq[cell] += rate * rate;
            total += rate;
            count++;
        }
        KpiValue overall = count == 0 ? KpiValue.notAvailable(new Unavailability.NoPostOn(platform))
                : KpiValue.of(total / count);
        List<HeatmapCell> cells = new ArrayList<>(168);
        for (int c = 0; c < 168; c++) {
            DayOfWeek day = DayOfWeek.of(c / 24 + 1);
            int hour = c % 24;
            if (n[c] < minimumPosts) {
                KpiValue none = KpiValue.notAvailable(new Unavailability.TooFewPosts(n[c], minimumPosts));
                cells.add(new HeatmapCell(day, hour, n[c], none, none, 0, none));
                continue;
            }
            double mean = sum[c] / n[c];
            double variance = Math.max(0, (sumSq[c] - n[c] * mean * mean) / (n[c] - 1));
            double se = Math.sqrt(variance / n[c]);
            double confidence = mean > 0 ? Math.max(0, Math.min(1, 1 - se / mean)) : 0;
            KpiValue index = KpiValue.ratio(KpiValue.of(mean), overall, new Unavailability.Zero(Metric.ENGAGEMENT_RATE));
            cells.add(new HeatmapCell(day, hour, n[c], KpiValue.of(mean), index, confidence,
                    KpiValue.of(mean - Z_95_ONE_SIDED * se)));
        }
        return new Heatmap(platform, zone, minimumPosts, overall, cells);
    }

    /** The cadence for one platform from its posts' history. */
    public CadenceRecommendation cadence(Platform platform, List<PostOutcome> outcomes) {
        Objects.requireNonNull(platform, "platform");
        Map<String, double[]> weeks = new TreeMap<>(); // week -> {posts, sum of rates}
        for (PostOutcome o : Objects.requireNonNull(outcomes, "outcomes")) {
            if (!o.platform().equals(platform)) {
                continue;
            }
            LocalDate day = o.publishedAt().atZone(zone).toLocalDate();
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            double[] w = weeks.computeIfAbsent(week, k -> new double[2]);
            w[0]++;
            w[1] += o.engagementRate();
        }
        Map<Integer, double[]> byCount = new TreeMap<>(); // posts a week -> {weeks, sum of weekly mean rates}
        for (double[] w : weeks.values()) {
            double[] c = byCount.computeIfAbsent((int) w[0], k -> new double[2]);
            c[0]++;
            c[1] += w[1] / w[0];
        }
        byCount.values().removeIf(c -> c[0] < minimumWeeks);
        if (byCount.size() < 2) {
            int posts = defaultPostsPerWeek(platform);
            return new CadenceRecommendation(platform, posts, CadenceRecommendation.Basis.DEFAULT, String.format(
                    Locale.ROOT, "%d posts a week, the %s default: %d weeks of history, fewer than two posting rhythms"
                            + " with %d weeks each to compare", posts, platform.displayName(), weeks.size(), minimumWeeks));
        }
        double best = byCount.values().stream().mapToDouble(c -> c[1] / c[0]).max().orElseThrow();
        int bestCount = 0;
        for (Map.Entry<Integer, double[]> e : byCount.entrySet()) {
            if (e.getValue()[1] / e.getValue()[0] >= best * (1 - CADENCE_TOLERANCE)) {
                bestCount = e.getKey();
            }
        }
        double rate = byCount.get(bestCount)[1] / byCount.get(bestCount)[0];
        return new CadenceRecommendation(platform, bestCount, CadenceRecommendation.Basis.HISTORY, String.format(Locale.ROOT,
                "%d posts a week: the most frequent rhythm whose per-post engagement rate (%.2f%%) stays within %.0f%% of"
                        + " the best (%.2f%%), over %d weeks", bestCount, rate * 100, CADENCE_TOLERANCE * 100, best * 100,
                weeks.size()));
    }

    /**
     * The calendar's slots for a platform: the best cells of the heatmap, completed by the
     * calendar's default spread when too few cells are readable.
     *
     * @param postsPerWeek how many slots, 1 to 140
     */
    public SlotPlan slotPlan(Heatmap heatmap, int postsPerWeek) {
        Objects.requireNonNull(heatmap, "heatmap");
        if (postsPerWeek < 1 || postsPerWeek > 140) {
            throw new AnalyticsException("postsPerWeek", "must be between 1 and 140 (got " + postsPerWeek + ")");
        }
        int perDay = (postsPerWeek + 6) / 7;
        List<WeeklySlot> slots = new ArrayList<>();
        for (HeatmapCell cell : heatmap.ranked()) {
            if (slots.size() == postsPerWeek) {
                break;
            }
            if (fits(slots, new WeeklySlot(cell.day(), LocalTime.of(cell.hour(), 0)), perDay)) {
                slots.add(new WeeklySlot(cell.day(), LocalTime.of(cell.hour(), 0)));
            }
        }
        int fromData = slots.size();
        if (slots.size() < postsPerWeek) {
            PostingCadence spread = new PostingCadence(heatmap.platform(), 7 * perDay, EnumSet.allOf(DayOfWeek.class),
                    List.of());
            for (WeeklySlot s : SlotPlan.fromCadence(spread, zone).weekly()) {
                if (slots.size() == postsPerWeek) {
                    break;
                }
                if (fits(slots, s, perDay)) {
                    slots.add(s);
                }
            }
        }
        String note = fromData == postsPerWeek
                ? postsPerWeek + " slots a week, the best of the engagement heatmap (" + heatmap.readableCells()
                + " readable cells of at least " + heatmap.minimumPosts() + " posts)"
                : fromData + " of " + slots.size() + " slots from the engagement heatmap (" + heatmap.readableCells()
                + " readable cells of at least " + heatmap.minimumPosts() + " posts), the rest spread by the calendar's default";
        return new SlotPlan(heatmap.platform(), zone, slots, SlotPlan.Derivation.CUSTOM, note);
    }

    private static boolean fits(List<WeeklySlot> slots, WeeklySlot candidate, int perDay) {
        int sameDay = 0;
        for (WeeklySlot s : slots) {
            if (s.day() == candidate.day()) {
                sameDay++;
                int minutesApart = Math.abs(s.time().toSecondOfDay() - candidate.time().toSecondOfDay()) / 60;
                if (minutesApart < MIN_HOURS_APART * 60) {
                    return false;
                }
            }
        }
        return sameDay < perDay;
    }
}
