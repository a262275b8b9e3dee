package io.cmkit.analytics.kpi;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Response rate and response times of the brand, from the inbox's interactions and the brand's
 * replies ({@link Kpi#RESPONSE_RATE}, {@link Kpi#RESPONSE_TIME_MEDIAN}, {@link Kpi#RESPONSE_TIME_P90}).
 *
 * <p>Every interaction counts as received except those written by the brand's own account (same
 * handle as the interaction's account). An interaction is answered by the earliest brand reply
 * to it from an account on the same platform; replies to interactions not in the list are
 * ignored (they answer something outside the window). A reply dated before the interaction it
 * answers is bad input.
 *
 * @param received interactions the brand could answer
 * @param answered those it answered
 * @param responseRate answered / received; not available when nothing was received
 * @param medianMinutes the median response time; not available when nothing was answered
 * @param p90Minutes the 90th percentile (nearest rank); not available when nothing was answered
 */
public record ResponseStats(long received, long answered, KpiValue responseRate, KpiValue medianMinutes,
                            KpiValue p90Minutes) {

    public ResponseStats {
        Objects.requireNonNull(responseRate, "responseRate");
        Objects.requireNonNull(medianMinutes, "medianMinutes");
        Objects.requireNonNull(p90Minutes, "p90Minutes");
    }

    /**
     * The statistics of these interactions and replies.
     *
     * @throws AnalyticsException when a reply predates the interaction it answers ({@code replies[i]})
     *         or two interactions share a key ({@code inbox[i]})
     */
    public static ResponseStats of(List<Interaction> inbox, List<BrandReply> replies) {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(replies, "replies");
        Map<String, Interaction> received = new HashMap<>();
        for (int i = 0; i < inbox.size(); i++) {
            Interaction interaction = Objects.requireNonNull(inbox.get(i), "inbox[" + i + "]");
            if (interaction.author().handle().equalsIgnoreCase(interaction.account().handle())) {
                continue; // the brand's own words are not something to answer
            }
            if (received.put(interaction.key(), interaction) != null) {
                throw new AnalyticsException("inbox[" + i + "]", "repeats interaction " + interaction.key());
            }
        }
        Map<String, Instant> firstReply = new HashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            BrandReply reply = Objects.requireNonNull(replies.get(i), "replies[" + i + "]");
            String key = reply.account().platform().id() + ":" + reply.interactionId();
            Interaction answered = received.get(key);
            if (answered == null) {
                continue;
            }
            if (reply.repliedAt().isBefore(answered.createdAt())) {
                throw new AnalyticsException("replies[" + i + "].repliedAt", "is " + reply.repliedAt()
                        + ", before interaction " + key + " it answers (" + answered.createdAt() + ")");
            }
            firstReply.merge(key, reply.repliedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        double[] minutes = new double[firstReply.size()];
        int n = 0;
        for (Map.Entry<String, Instant> e : firstReply.entrySet()) {
            minutes[n++] = Duration.between(received.get(e.getKey()).createdAt(), e.getValue()).toMillis() / 60_000.0;
        }
        Arrays.sort(minutes);
        KpiValue rate = received.isEmpty() ? KpiValue.notAvailable(new Unavailability.NoInteractionReceived())
                : KpiValue.of((double) n / received.size());
        KpiValue median = n == 0 ? KpiValue.notAvailable(new Unavailability.NoInteractionAnswered()) : KpiValue.of(median(minutes));
        KpiValue p90 = n == 0 ? KpiValue.notAvailable(new Unavailability.NoInteractionAnswered())
                : KpiValue.of(nearestRank(minutes, 0.9));
        return new ResponseStats(received.size(), n, rate, median, p90);
    }

    /** The KPI of this record for {@code kpi}, which must be an inbox KPI. */
    public KpiValue value(Kpi kpi) {
        return switch (kpi) {
            case RESPONSE_RATE -> responseRate;
            case RESPONSE_TIME_MEDIAN -> medianMinutes;
            case RESPONSE_TIME_P90 -> p90Minutes;
            default -> throw new AnalyticsException("kpi", kpi.metric().id() + " is not an inbox KPI");
        };
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The nearest-rank percentile: the ⌈p·n⌉-th smallest value. */
    static double nearestRank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "answered %d of %d, median %s, p90 %s", answered, received, medianMinutes,
                p90Minutes);
    }
}
