package io.cmkit.analytics.boost;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Splits a budget across candidates by Thompson sampling on a Beta posterior of each post's
 * engagement rate.
 *
 * <p><b>Method.</b> Post {@code i} with {@code e} engagements out of an audience of {@code a}
 * has the posterior {@code Beta(1 + e, 1 + a − e)} (a uniform prior). Each of {@code draws}
 * rounds samples one rate per post and counts a win for the highest; post {@code i}'s share is its
 * wins over the draws, the probability that it is the best post (probability matching, as
 * Thompson sampling does). The envelope is split in proportion to the shares, then:
 * <ol>
 *   <li><b>cap</b>: a post above the cap gets the cap, and the excess goes to the others in
 *       proportion to their shares, until none is above (water-filling);</li>
 *   <li><b>floor</b>: a post given less than the floor (a boost too small to run) gets nothing
 *       and the smallest such post is dropped first, then the split is redone;</li>
 *   <li>amounts are rounded down to the currency's minor unit and the cents left go one by one
 *       to the largest remainders (never above the cap).</li>
 * </ol>
 * The sum never exceeds the envelope; it falls short only when every funded post is at its cap,
 * and the rest is {@link Allocation#unallocated()}. Beta draws come from two Gamma draws
 * (Marsaglia and Tsang, 2000) over a {@link SplittableRandom} seeded with {@code seed}, and the
 * candidates are ordered by post key first, so the same seed and candidates give the same
 * allocation in any input order.
 */
public final class ThompsonAllocator {

    /** The default number of draws: 20,000. */
    public static final int DEFAULT_DRAWS = 20_000;

    private final long seed;
    private final int draws;

    /**
     * @param seed seeds the draws
     * @param draws how many rounds, 100 to 10,000,000
     */
    public ThompsonAllocator(long seed, int draws) {
        if (draws < 100 || draws > 10_000_000) {
            throw new AnalyticsException("draws", "must be between 100 and 10,000,000 (got " + draws + ")");
        }
        this.seed = seed;
        this.draws = draws;
    }

    /** With {@link #DEFAULT_DRAWS}. */
    public ThompsonAllocator(long seed) {
        this(seed, DEFAULT_DRAWS);
    }

    /**
     * Splits {@code envelope} across {@code candidates}.
     *
     * @param capPerPost the most one post may get
     * @param floor the least a funded post gets; zero for no floor
     * @throws AnalyticsException when the currencies differ, the floor is above the cap, or a post is listed twice
     */
    public Allocation allocate(List<BoostCandidate> candidates, Money envelope, Money capPerPost, Money floor) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(capPerPost, "capPerPost");
        Objects.requireNonNull(floor, "floor");
        if (!capPerPost.currency().equals(envelope.currency()) || !floor.currency().equals(envelope.currency())) {
            throw new AnalyticsException("capPerPost", "cap " + capPerPost + " and floor " + floor
                    + " must be in the envelope's currency " + envelope.currency());
        }
        if (floor.compareTo(capPerPost) > 0) {
            throw new AnalyticsException("floor", "is " + floor + ", above the cap per post " + capPerPost);
        }
        List<BoostCandidate> ordered = new ArrayList<>(candidates);
        ordered.sort((a, b) -> a.performance().key().compareTo(b.performance().key()));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).performance().key().equals(ordered.get(i - 1).performance().key())) {
                throw new AnalyticsException("candidates", "list post " + ordered.get(i).performance().key() + " twice");
            }
        }
        int n = ordered.size();
        double[] share = winShares(ordered);
        int digits = Math.max(0, envelope.currency().getDefaultFractionDigits());
        long total = envelope.amount().movePointRight(digits).longValueExact();
        long cap = capPerPost.amount().movePointRight(digits).longValueExact();
        long min = floor.amount().movePointRight(digits).longValueExact();
        long[] cents = split(share, total, cap, min);
        long given = Arrays.stream(cents).sum();
        List<AllocationLine> lines = new ArrayList<>();
        for (BoostCandidate c : candidates) {
            int i = ordered.indexOf(c);
            lines.add(new AllocationLine(c, share[i], money(cents[i], digits, envelope)));
        }
        return new Allocation(envelope, lines, money(total - given, digits, envelope), seed, n == 0 ? 0 : draws);
    }

    private static Money money(long minorUnits, int digits, Money like) {
        return new Money(BigDecimal.valueOf(minorUnits, digits), like.currency());
    }

    private double[] winShares(List<BoostCandidate> ordered) {
        int n = ordered.size();
        double[] share = new double[n];
        if (n == 0) {
            return share;
        }
        double[] alpha = new double[n];
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            PostPerformance p = ordered.get(i).performance();
            alpha[i] = 1 + p.engagements();
            beta[i] = 1 + p.audience() - p.engagements();
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] wins = new long[n];
        for (int d = 0; d < draws; d++) {
            int best = 0;
            double bestRate = -1;
            for (int i = 0; i < n; i++) {
                double x = gamma(random, alpha[i]);
                double rate = x / (x + gamma(random, beta[i]));
                if (rate > bestRate) {
                    bestRate = rate;
                    best = i;
                }
            }
            wins[best]++;
        }
        for (int i = 0; i < n; i++) {
            share[i] = (double) wins[i] / draws;
        }
        return share;
    }

    /** A Gamma(shape, 1) draw, Marsaglia and Tsang's method; shape ≥ 1 here (1 + counts). */
    static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        // Marsaglia's polar method; one of the pair is enough here.
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /** Water-fills {@code total} by shares under the cap, drops posts under the floor, rounds to units. */
    static long[] split(double[] share, long total, long cap, long floor) {
        int n = share.length;
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            active[i] = share[i] > 0;
        }
        double[] amount = new double[n];
        while (true) {
            waterFill(share, active, total, cap, amount);
            int smallest = -1;
            for (int i = 0; i < n; i++) {
                if (active[i] && amount[i] < floor && (smallest < 0 || amount[i] < amount[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            active[smallest] = false;
            amount[smallest] = 0;
        }
        long[] cents = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            cents[i] = (long) Math.floor(amount[i] + 1e-9);
            given += cents[i];
        }
        long left = Math.min(total - given, Math.round(Arrays.stream(amount).sum()) - given);
        Integer[] byRemainder = new Integer[n];
        for (int i = 0; i < n; i++) {
            byRemainder[i] = i;
        }
        Arrays.sort(byRemainder, (a, b) -> {
            int r = Double.compare(amount[b] - cents[b], amount[a] - cents[a]);
            return r != 0 ? r : Integer.compare(a, b);
        });
        for (int k = 0; left > 0 && k < n; k++) {
            int i = byRemainder[k];
            if (active[i] && cents[i] < cap) {
                cents[i]++;
                left--;
            }
        }
        return cents;
    }

    private static void waterFill(double[] share, boolean[] active, long total, long cap, double[] amount) {
        int n = share.length;
        boolean[] capped = new boolean[n];
        double remaining = total;
        while (true) {
            double shareSum = 0;
            for (int i = 0; i < n; i++) {
                if (active[i] && !capped[i]) {
                    shareSum += share[i];
                }
            }
            if (shareSum == 0) {
                break;
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (active[i] && !capped[i]) {
                    amount[i] = remaining * share[i] / shareSum;
                }
            }
            for (int i = 0; i < n; i++) {
                if (active[i] && !capped[i] && amount[i] > cap) {
                    capped[i] = true;
                    amount[i] = cap;
                    remaining -= cap;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!active[i]) {
                amount[i] = 0;
            }
        }
    }
}
