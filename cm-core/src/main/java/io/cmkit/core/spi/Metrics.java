package io.cmkit.core.spi;

import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import java.util.Set;

/**
 * Counters for the account and its posts. A counter the platform does not expose is absent from
 * snapshots, never reported as zero.
 */
public interface Metrics {

    /** The counters this platform exposes for posts. */
    Set<Metric> postMetrics();

    /** The counters this platform exposes for the account. */
    Set<Metric> accountMetrics();

    /** The post's counters now. */
    MetricSnapshot snapshot(PostRef post) throws ConnectorException;

    /** The account's counters now (followers...). */
    MetricSnapshot accountSnapshot() throws ConnectorException;
}
