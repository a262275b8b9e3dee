package io.cmkit.analytics.kpi;

import io.cmkit.analytics.AnalyticsException;
import java.util.Map;
import java.util.Objects;

/**
 * The KPIs listening feeds: share of voice and net sentiment ({@link Kpi#SHARE_OF_VOICE},
 * {@link Kpi#NET_SENTIMENT}). They take counts, so any listening source (cm-listening's monitor,
 * a vendor export) can feed them.
 */
public final class ListeningKpis {

    private ListeningKpis() {
    }

    /**
     * The brand's mentions over everyone's: not available when nobody was mentioned.
     *
     * @param brandMentions mentions of the brand over the period
     * @param competitorMentions mentions of each competitor over the same period
     * @throws AnalyticsException on a negative count, naming the competitor
     */
    public static KpiValue shareOfVoice(long brandMentions, Map<String, Long> competitorMentions) {
        Objects.requireNonNull(competitorMentions, "competitorMentions");
        requireCount("brandMentions", brandMentions);
        long total = brandMentions;
        for (Map.Entry<String, Long> e : competitorMentions.entrySet()) {
            long count = Objects.requireNonNull(e.getValue(), "competitorMentions." + e.getKey());
            requireCount("competitorMentions." + e.getKey(), count);
            total += count;
        }
        return total == 0 ? KpiValue.notAvailable(new Unavailability.NoMention())
                : KpiValue.of((double) brandMentions / total);
    }

    /**
     * (positive − negative) / (positive + negative): from −1 to +1, neutral mentions left out;
     * not available when no mention carried a sentiment.
     */
    public static KpiValue netSentiment(long positive, long neutral, long negative) {
        requireCount("positive", positive);
        requireCount("neutral", neutral);
        requireCount("negative", negative);
        long polar = positive + negative;
        return polar == 0 ? KpiValue.notAvailable(new Unavailability.NoPolarMention())
                : KpiValue.of((double) (positive - negative) / polar);
    }

    private static void requireCount(String field, long value) {
        if (value < 0) {
            throw new AnalyticsException(field, "must not be negative (got " + value + ")");
        }
    }
}
