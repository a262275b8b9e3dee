package io.cmkit.bench.analytics;

import io.cmkit.analytics.aggregate.SeriesKey;
import io.cmkit.analytics.aggregate.SnapshotColumns;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded snapshots of a brand's posts, in the order a collector takes them: every tracked post at
 * one hour, then the next hour.
 *
 * <p>The brand has {@code accounts} accounts over eight platforms (Mastodon and Bluesky expose no
 * impressions and no clicks: those columns are {@link SnapshotColumns#ABSENT}), each publishing
 * {@code postsPerAccount} posts over the first quarter of 2026 in Paris (90 days, 2,160 hours, with
 * the spring DST change). Each post is read hourly, at its own minute of the hour, from its
 * publication until it has {@code readingsPerPost} readings; about 1 % of the hourly readings are
 * missing (never the first), and about 0.1 % of readings see one like withdrawn. Counters are
 * cumulative: impressions, likes, shares, comments, clicks.
 *
 * <p>Total rows: {@code accounts × postsPerAccount × readingsPerPost}; the default 10 × 1,000 ×
 * 1,000 is 10,000,000. (1,000 posts × 10 accounts read hourly over the whole quarter would be
 * 10,000 × 2,160 = 21.6 M; reading each post for its first 1,000 hours gives the 10 M asked for.)
 *
 * @param brand the brand, in Europe/Paris
 * @param quarter the days covered
 * @param accountPlatforms the platform of each account, by account index
 * @param series the series, by index: post {@code p} of account {@code a} is {@code a × postsPerAccount + p}
 * @param accountOfSeries per series, its account index
 * @param metrics the value columns
 * @param seriesIndex per row, its series
 * @param takenAtMillis per row, when it was read
 * @param values per metric, per row
 * @param size rows
 */
public record SnapshotWorkload(Brand brand, DateRange quarter, List<Platform> accountPlatforms, List<SeriesKey> series,
                               int[] accountOfSeries, List<Metric> metrics, int[] seriesIndex, long[] takenAtMillis,
                               long[][] values, int size) {

    /** The columns, in the order of {@link #metrics}. */
    public static final List<Metric> METRICS =
            List.of(Metric.IMPRESSIONS, Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.CLICKS);

    private static final List<Platform> PLATFORMS = List.of(Platform.X, Platform.INSTAGRAM, Platform.FACEBOOK,
            Platform.LINKEDIN, Platform.MASTODON, Platform.BLUESKY, Platform.THREADS, Platform.TIKTOK);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateRange Q1 = DateRange.parse("2026-Q1");

    /** Whether the platform exposes impressions and clicks in this workload. */
    static boolean exposesImpressions(Platform platform) {
        return !platform.equals(Platform.MASTODON) && !platform.equals(Platform.BLUESKY);
    }

    /** Generates the workload. */
    public static SnapshotWorkload generate(long seed, int accounts, int postsPerAccount, int readingsPerPost) {
        Instant start = Q1.start().atStartOfDay(PARIS).toInstant();
        int hours = (int) (java.time.Duration.between(start, Q1.end().plusDays(1).atStartOfDay(PARIS).toInstant()).toHours());
        int slack = readingsPerPost / 10 + 10; // room for the ~1 % missing hours
        if (readingsPerPost + slack >= hours) {
            throw new IllegalArgumentException("readingsPerPost " + readingsPerPost + " does not fit in " + hours + " hours");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Account> accountList = new ArrayList<>();
        List<Platform> platforms = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            Platform platform = PLATFORMS.get(a % PLATFORMS.size());
            platforms.add(platform);
            accountList.add(new Account(platform, "cafe" + a));
        }
        Brand brand = new Brand("cafe-lumiere", "Café Lumière", PARIS, Locale.FRENCH, accountList);
        int posts = accounts * postsPerAccount;
        List<SeriesKey> series = new ArrayList<>(posts);
        int[] accountOf = new int[posts];
        int[] publishedHour = new int[posts];
        int[] minute = new int[posts];
        double[] reach = new double[posts];
        double[] likeRate = new double[posts];
        boolean[] hidden = new boolean[posts];
        for (int s = 0; s < posts; s++) {
            int a = s / postsPerAccount;
            accountOf[s] = a;
            series.add(SeriesKey.post(accountList.get(a), "p" + s));
            publishedHour[s] = random.nextInt(hours - readingsPerPost - slack);
            minute[s] = random.nextInt(60);
            reach[s] = 50 + random.nextDouble() * 450;
            likeRate[s] = 0.01 + random.nextDouble() * 0.08;
            hidden[s] = !exposesImpressions(platforms.get(a));
        }
        int size = posts * readingsPerPost;
        int[] seriesIndex = new int[size];
        long[] takenAt = new long[size];
        long[][] values = new long[METRICS.size()][size];
        long[][] state = new long[METRICS.size()][posts];
        int[] taken = new int[posts];
        int row = 0;
        long startMillis = start.toEpochMilli();
        for (int h = 0; h < hours && row < size; h++) {
            for (int s = 0; s < posts; s++) {
                int age = h - publishedHour[s];
                if (age < 0 || taken[s] == readingsPerPost) {
                    continue;
                }
                // Counters move every hour, read or not.
                double decay = 1.0 / (1 + age / 24.0);
                long impressions = (long) (reach[s] * decay * random.nextDouble() * 2);
                long likes = Math.round(impressions * likeRate[s] * random.nextDouble() * 2);
                state[0][s] += impressions;
                state[1][s] += likes;
                state[2][s] += random.nextInt(100) < 30 ? Math.round(likes * 0.2) : 0;
                state[3][s] += random.nextInt(100) < 40 ? Math.round(likes * 0.1) : 0;
                state[4][s] += Math.round(impressions * 0.01 * random.nextDouble());
                if (state[1][s] > 0 && random.nextInt(1000) == 0) {
                    state[1][s]--; // a withdrawn like
                }
                if (age > 0 && random.nextInt(100) == 0) {
                    continue; // a missed reading
                }
                seriesIndex[row] = s;
                takenAt[row] = startMillis + h * 3_600_000L + minute[s] * 60_000L;
                for (int m = 0; m < METRICS.size(); m++) {
                    boolean absent = hidden[s] && (m == 0 || m == 4);
                    values[m][row] = absent ? SnapshotColumns.ABSENT : state[m][s];
                }
                taken[s]++;
                row++;
            }
        }
        if (row != size) {
            throw new IllegalStateException("generated " + row + " rows, expected " + size);
        }
        return new SnapshotWorkload(brand, Q1, List.copyOf(platforms), List.copyOf(series), accountOf, METRICS,
                seriesIndex, takenAt, values, size);
    }

    /** The same rows in a seeded random order (every series out of time order): the engine's sort path. */
    public SnapshotWorkload shuffled(long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] series = new int[size];
        long[] times = new long[size];
        long[][] cols = new long[values.length][size];
        for (int i = 0; i < size; i++) {
            int from = order[i];
            series[i] = seriesIndex[from];
            times[i] = takenAtMillis[from];
            for (int m = 0; m < values.length; m++) {
                cols[m][i] = values[m][from];
            }
        }
        return new SnapshotWorkload(brand, quarter, accountPlatforms, this.series, accountOfSeries, metrics, series, times,
                cols, size);
    }

    /** Heap taken by the arrays of rows, in bytes. */
    public long arrayBytes() {
        return (long) size * (4 + 8 + 8L * metrics.size());
    }
}
