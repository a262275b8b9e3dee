package io.cmkit.analytics.kpi;

import io.cmkit.core.model.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The KPI catalogue: each KPI with its identifier, formula and the source it follows. The
 * formulas are computed by {@link KpiCatalogue} (counters), {@link ResponseStats} (inbox) and
 * {@link ListeningKpis} (listening); docs/analytics.md lists them with their sources.
 *
 * <p>In the formulas, Δx is the net change of counter x over the period, followers(end) the
 * summed follower count at the period's end, and engagements = Δlikes + Δshares + Δcomments +
 * Δquotes + Δsaves (the components a platform exposes).
 */
public enum Kpi {
    IMPRESSIONS("impressions", KpiSource.COUNTERS, KpiUnit.COUNT, "Δimpressions",
            "platform counter: times the content was displayed"),
    REACH("reach", KpiSource.COUNTERS, KpiUnit.COUNT, "Δreach (summed over posts, not de-duplicated people)",
            "platform counter: accounts that saw the content"),
    ENGAGEMENTS("engagements", KpiSource.COUNTERS, KpiUnit.COUNT,
            "Δlikes + Δshares + Δcomments + Δquotes + Δsaves (those exposed)",
            "Hootsuite, 'Engagement rate calculator' (engagements = reactions, comments, shares, saves)"),
    ENGAGEMENT_RATE_BY_REACH("engagement_rate", KpiSource.COUNTERS, KpiUnit.RATIO, "engagements / Δreach",
            "Hootsuite, 'How to calculate engagement rate': ERR = engagements / reach"),
    ENGAGEMENT_RATE_BY_IMPRESSIONS("engagement_rate_impressions", KpiSource.COUNTERS, KpiUnit.RATIO,
            "engagements / Δimpressions", "Hootsuite, 'How to calculate engagement rate': ER impressions"),
    ENGAGEMENT_RATE_BY_FOLLOWERS("engagement_rate_followers", KpiSource.COUNTERS, KpiUnit.RATIO,
            "engagements / followers(end)", "Rival IQ, 'Social Media Industry Benchmark Report': engagement per follower"),
    AMPLIFICATION_RATE("amplification_rate", KpiSource.COUNTERS, KpiUnit.RATIO,
            "(Δshares + Δquotes) / new posts / followers(end)",
            "Avinash Kaushik, 'Best Social Media Metrics: Conversation, Amplification, Applause, Economic Value' (2011)"),
    APPLAUSE_RATE("applause_rate", KpiSource.COUNTERS, KpiUnit.RATIO, "(Δlikes + Δsaves) / new posts / followers(end)",
            "Avinash Kaushik, 'Best Social Media Metrics: Conversation, Amplification, Applause, Economic Value' (2011)"),
    CONVERSATION_RATE("conversation_rate", KpiSource.COUNTERS, KpiUnit.RATIO, "Δcomments / new posts / followers(end)",
            "Avinash Kaushik, 'Best Social Media Metrics: Conversation, Amplification, Applause, Economic Value' (2011)"),
    FOLLOWERS("followers", KpiSource.COUNTERS, KpiUnit.COUNT, "followers(end)", "platform counter"),
    FOLLOWER_GROWTH_RATE("follower_growth_rate", KpiSource.COUNTERS, KpiUnit.RATIO,
            "(followers(end) − followers(start)) / followers(start)",
            "Sprout Social, 'Audience growth rate' = net new followers / followers at the start"),
    CLICK_THROUGH_RATE("click_through_rate", KpiSource.COUNTERS, KpiUnit.RATIO, "Δclicks / Δimpressions",
            "IAB / Google Ads glossary: CTR = clicks / impressions"),
    VIDEO_VIEW_RATE("video_view_rate", KpiSource.COUNTERS, KpiUnit.RATIO, "Δvideo_views / Δimpressions",
            "Google Ads glossary: view rate = views / impressions"),
    CPM("cpm", KpiSource.COUNTERS, KpiUnit.MONEY, "spend / Δimpressions × 1000",
            "IAB glossary / Meta Ads Manager: cost per mille (thousand impressions)"),
    CPC("cpc", KpiSource.COUNTERS, KpiUnit.MONEY, "spend / Δclicks", "IAB glossary / Meta Ads Manager: cost per click"),
    CPE("cpe", KpiSource.COUNTERS, KpiUnit.MONEY, "spend / engagements",
            "Meta Ads Manager / Twitter Ads: cost per engagement"),
    SHARE_OF_VOICE("share_of_voice", KpiSource.LISTENING, KpiUnit.RATIO,
            "brand mentions / (brand mentions + competitors' mentions)",
            "Brandwatch, 'Share of voice': the brand's part of the conversation against its competitors"),
    NET_SENTIMENT("net_sentiment", KpiSource.LISTENING, KpiUnit.RATIO, "(positive − negative) / (positive + negative)",
            "Talkwalker / Brandwatch 'net sentiment', from −1 (all negative) to +1 (all positive); neutral left out"),
    RESPONSE_RATE("response_rate", KpiSource.INBOX, KpiUnit.RATIO,
            "interactions the brand answered / interactions received (the brand's own excluded)",
            "Sprout Social Index: response rate"),
    RESPONSE_TIME_MEDIAN("response_time_median_minutes", KpiSource.INBOX, KpiUnit.MINUTES,
            "median over answered interactions of (first brand reply − interaction), mean of the middle two when even",
            "Sprout Social Index: response time"),
    RESPONSE_TIME_P90("response_time_p90_minutes", KpiSource.INBOX, KpiUnit.MINUTES,
            "90th percentile, nearest rank (the ⌈0.9·n⌉-th smallest), of the same response times",
            "Sprout Social Index: response time; nearest-rank percentile (NIST handbook)");

    private final Metric metric;
    private final KpiSource source;
    private final KpiUnit unit;
    private final String formula;
    private final String reference;

    Kpi(String id, KpiSource source, KpiUnit unit, String formula, String reference) {
        this.metric = new Metric(id);
        this.source = source;
        this.unit = unit;
        this.formula = formula;
        this.reference = reference;
    }

    /** The KPI's identifier as a metric, the one objectives name in their targets. */
    public Metric metric() {
        return metric;
    }

    /** What it is computed from. */
    public KpiSource source() {
        return source;
    }

    /** How its number reads. */
    public KpiUnit unit() {
        return unit;
    }

    /** The formula, in words and symbols. */
    public String formula() {
        return formula;
    }

    /** Where the definition comes from. */
    public String reference() {
        return reference;
    }

    /**
     * The KPI an objective's metric names; {@code engagement_rate} is engagement rate by reach,
     * {@code response_time_median_minutes} the median response time.
     */
    public static Optional<Kpi> forMetric(Metric metric) {
        return Arrays.stream(values()).filter(k -> k.metric.equals(metric)).findFirst();
    }

    /** The KPIs computed from counters, in catalogue order. */
    public static List<Kpi> fromCounters() {
        return Arrays.stream(values()).filter(k -> k.source == KpiSource.COUNTERS).toList();
    }
}
