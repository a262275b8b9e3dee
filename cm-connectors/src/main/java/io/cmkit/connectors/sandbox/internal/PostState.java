package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the brand's posts and the audience's response to it. Its lifetime totals are drawn once
 * from a random stream named by the world's seed and the post's id; counters at time t are those
 * totals times the reaction curve's share at t, plus what boosts bought by t. Guarded by the
 * world's lock.
 */
final class PostState {

    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");

    final AccountState account;
    final String id;
    final PostRef ref;
    final String idempotencyKey;
    final PostVariant variant;
    final long publishedMs;
    /** The thread's first post id (its own for a top-level post). */
    final String rootId;
    /** Its depth in the thread: 0 for a top-level post. */
    final int depth;
    final Locale language;
    final String hashtag;
    final boolean asksQuestion;
    final long audience;
    final ReactionCurve curve;
    final Feed comments;
    final List<BoostState> boosts = new ArrayList<>();
    /** Comments its own stream produced, candidates for people to answer. */
    final List<InteractionRecord> answerable = new ArrayList<>();
    int quotes;
    long deletedMs = Long.MAX_VALUE;
    PostProcess process;
    /** Kept by the account's {@link FollowersWon}: this post's count in its sum, and when that count next changes. */
    long wonCounted;
    long wonChangesAtMs;

    // Lifetime totals of an ordinary day (the curve's activity scales them).
    final double reach;
    final double impressions;
    final double likes;
    final double shares;
    final double saves;
    final double clicks;
    final double followerGain;
    /** Expected comments and quotes over the post's life. */
    final double events;
    /** The share of those events that are quotes. */
    final double quoteShare;

    PostState(AccountState account, String id, PostRef ref, String idempotencyKey, PostVariant variant, long publishedMs,
              String rootId, int depth, double scale, long audience, ZoneId zone, SplittableRandom rng,
              double engagement, double eventScale) {
        this.account = account;
        this.id = id;
        this.ref = ref;
        this.idempotencyKey = idempotencyKey;
        this.variant = variant;
        this.publishedMs = publishedMs;
        this.rootId = rootId;
        this.depth = depth;
        this.language = Languages.detect(variant.text(), account.languages.get(0));
        Matcher tag = HASHTAG.matcher(variant.text());
        this.hashtag = tag.find() ? tag.group() : "";
        this.asksQuestion = variant.text().contains("?");
        this.audience = audience;
        this.curve = account.curveFrom(publishedMs, zone);
        this.comments = new Feed("c", account.account.key() + "/" + id);

        PlatformTraits traits = account.traits;
        String text = variant.text();
        boolean hasLink = text.contains("http://") || text.contains("https://");
        boolean hasVideo = variant.media().stream().anyMatch(m -> m.kind() == MediaAsset.Kind.VIDEO);
        double media = hasVideo ? 1.6 : variant.media().isEmpty() ? 1.0 : 1.35;
        long tags = HASHTAG.matcher(text).results().count();
        double hashtags = tags == 0 ? 1.0 : tags <= 3 ? 1.1 : tags <= 5 ? 1.0 : 0.85;
        double virality = Seeds.logNormal(rng, 1.0, 0.55);

        this.reach = audience * traits.reachFraction() * virality * Math.sqrt(media) * hashtags * scale;
        this.impressions = reach * Seeds.between(rng, 1.15, 1.5);
        this.likes = reach * traits.likeRate() * media * (hasLink ? 0.85 : 1.0) * engagement;
        this.shares = likes * traits.shareRatio() * Seeds.between(rng, 0.6, 1.4);
        this.saves = likes * traits.saveRatio() * Seeds.between(rng, 0.6, 1.4);
        this.clicks = reach * (hasLink ? 0.02 : 0.003) * Seeds.between(rng, 0.6, 1.4);
        this.followerGain = reach * 0.002 * Seeds.between(rng, 0.5, 1.5);
        double expectedComments = likes * traits.commentRatio() * (asksQuestion ? 1.6 : 1.0) * Seeds.between(rng, 0.6, 1.4);
        double expectedQuotes = shares * traits.quoteRatio();
        this.events = (expectedComments + expectedQuotes) * eventScale;
        this.quoteShare = events > 0 ? expectedQuotes / events : 0;
    }

    boolean deleted() {
        return deletedMs != Long.MAX_VALUE;
    }

    boolean publishedBy(long tMs) {
        return publishedMs <= tMs && tMs < deletedMs;
    }

    PublishedPost published() {
        return new PublishedPost(ref, Instant.ofEpochMilli(publishedMs), idempotencyKey);
    }

    /** The attention share of the curve by t, frozen at deletion. */
    double attention(long tMs) {
        return curve.cumulative(Math.min(tMs, deletedMs));
    }

    /** Comments and quotes per second at time t. */
    double eventRate(long tMs) {
        if (tMs >= deletedMs || tMs < publishedMs) {
            return 0;
        }
        double rate = events * curve.density(tMs);
        for (BoostState boost : boosts) {
            rate += boost.eventRate(tMs);
        }
        return rate;
    }

    /** A bound of {@link #eventRate} valid from {@code fromMs} on. */
    double eventRateBound(long fromMs) {
        if (fromMs >= deletedMs) {
            return 0;
        }
        double bound = events * curve.densityBound(Math.max(fromMs, publishedMs));
        for (BoostState boost : boosts) {
            bound += boost.eventRateBound(fromMs);
        }
        return bound;
    }

    /** Followers this post has won by t. */
    long followersWon(long tMs) {
        double paid = 0;
        for (BoostState boost : boosts) {
            paid += boost.impressions * boost.spentFraction(tMs) / 1.6 * 0.001;
        }
        return (long) Math.floor(followerGain * attention(tMs) + paid);
    }

    /** From this time on, {@link #followersWon} no longer changes (unless the post is deleted or boosted). */
    long followersSettledMs() {
        long settled = Math.min(curve.endMs(), deletedMs);
        for (BoostState boost : boosts) {
            settled = Math.max(settled, Math.min(boost.stoppedMs, boost.endMs));
        }
        return settled;
    }

    /** The counters the platform exposes, at time t. */
    Map<Metric, Long> counters(long tMs) {
        double a = attention(tMs);
        double paidImpressions = 0;
        for (BoostState boost : boosts) {
            paidImpressions += boost.impressions * boost.spentFraction(tMs);
        }
        double paidReach = paidImpressions / 1.6;
        double paidLikes = paidReach * account.traits.likeRate() * 0.4;
        Map<Metric, Long> out = new LinkedHashMap<>();
        for (Metric metric : account.traits.postMetrics()) {
            double value;
            if (metric.equals(Metric.IMPRESSIONS)) {
                value = impressions * a + paidImpressions;
            } else if (metric.equals(Metric.REACH)) {
                value = reach * a + paidReach;
            } else if (metric.equals(Metric.VIDEO_VIEWS)) {
                value = (impressions * a + paidImpressions) * 0.55;
            } else if (metric.equals(Metric.LIKES)) {
                value = likes * a + paidLikes;
            } else if (metric.equals(Metric.SHARES)) {
                value = shares * a + paidLikes * account.traits.shareRatio() * 0.5;
            } else if (metric.equals(Metric.SAVES)) {
                value = saves * a + paidLikes * account.traits.saveRatio();
            } else if (metric.equals(Metric.CLICKS)) {
                value = clicks * a + paidImpressions * 0.008;
            } else if (metric.equals(Metric.COMMENTS)) {
                value = visibleComments(tMs);
            } else if (metric.equals(Metric.QUOTES)) {
                value = quotes;
            } else {
                continue;
            }
            out.put(metric, Math.max(0L, (long) Math.floor(value)));
        }
        return out;
    }

    private long visibleComments(long tMs) {
        long n = 0;
        for (InteractionRecord record : comments.items) {
            if (!record.deleted() && !record.interaction.createdAt().isAfter(Instant.ofEpochMilli(tMs))) {
                n++;
            }
        }
        return n;
    }
}
