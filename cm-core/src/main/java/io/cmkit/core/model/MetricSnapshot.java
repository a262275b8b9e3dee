package io.cmkit.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Counters read from a platform at one moment: cumulative totals (likes so far, followers now),
 * for an account or for one of its posts. Analytics turns series of these into deltas and KPIs.
 * A metric the platform does not expose is absent from {@code values}, never zero.
 *
 * @param account the brand account the counters belong to
 * @param postId the platform id of the post, or empty for account-level counters
 * @param takenAt when the counters were read
 * @param values the counters, none negative
 */
public record MetricSnapshot(Account account, Optional<String> postId, Instant takenAt, Map<Metric, Long> values) {

    public MetricSnapshot {
        Checks.present("MetricSnapshot", "account", account);
        postId = Checks.optional("MetricSnapshot", "postId", postId);
        Checks.present("MetricSnapshot", "takenAt", takenAt);
        values = Checks.map("MetricSnapshot", "values", values);
        values.forEach((metric, value) -> {
            if (value < 0) {
                throw new InvalidModelException("MetricSnapshot", "values." + metric.id(),
                        "must not be negative (got " + value + ")");
            }
        });
    }

    /** The counter's value, or empty when the platform does not expose it. */
    public Optional<Long> value(Metric metric) {
        return Optional.ofNullable(values.get(metric));
    }
}
