package io.cmkit.analytics.boost;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which posts are boost candidates: organic (not sponsored), published at most {@code maxAge}
 * ago, with at least {@code minimumAudience} people reached, and an engagement rate above their
 * account's baseline by more than {@code margin} ({@code rate > baseline × (1 + margin)}). The
 * baseline of an account is Σ engagements / Σ audience over all its posts given, sponsored or not,
 * recent or not. Candidates come best lift first.
 *
 * @param maxAge how recent a candidate must be
 * @param margin how far above the baseline, e.g. 0.2 for 20 %
 * @param minimumAudience the smallest audience whose rate is believed
 */
public record CandidateRules(Duration maxAge, double margin, long minimumAudience) {

    /** Seven days, 20 % above baseline, 100 people reached. */
    public static final CandidateRules DEFAULTS = new CandidateRules(Duration.ofDays(7), 0.2, 100);

    public CandidateRules {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new AnalyticsException("CandidateRules.maxAge", "must be positive (got " + maxAge + ")");
        }
        if (!(margin >= 0 && margin < 100)) {
            throw new AnalyticsException("CandidateRules.margin", "must be in [0, 100) (got " + margin + ")");
        }
        if (minimumAudience < 1) {
            throw new AnalyticsException("CandidateRules.minimumAudience", "must be at least 1 (got " + minimumAudience + ")");
        }
    }

    /** The candidates among these posts, now. */
    public List<BoostCandidate> select(List<PostPerformance> posts, Clock clock) {
        Objects.requireNonNull(posts, "posts");
        Instant now = clock.instant();
        Map<String, long[]> totals = new HashMap<>();
        for (PostPerformance p : posts) {
            long[] t = totals.computeIfAbsent(key(p.account()), k -> new long[2]);
            t[0] += p.engagements();
            t[1] += p.audience();
        }
        List<BoostCandidate> out = new ArrayList<>();
        for (PostPerformance p : posts) {
            if (p.sponsored() || p.audience() < minimumAudience || p.publishedAt().isAfter(now)
                    || Duration.between(p.publishedAt(), now).compareTo(maxAge) > 0) {
                continue;
            }
            long[] t = totals.get(key(p.account()));
            double baseline = (double) t[0] / t[1];
            double rate = p.engagementRate();
            // rate > 0 implies baseline > 0: the post is part of its own baseline.
            if (rate > 0 && rate > baseline * (1 + margin)) {
                out.add(new BoostCandidate(p, baseline, rate / baseline));
            }
        }
        out.sort(Comparator.comparingDouble((BoostCandidate c) -> -c.lift()).thenComparing(c -> c.performance().key()));
        return out;
    }

    private static String key(Account account) {
        return account.key();
    }
}
