package io.cmkit.connectors.mastodon.internal;

import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.PostRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counters Mastodon exposes: favourites, boosts and replies per status ({@code GET /api/v1/statuses/:id}),
 * followers for the account ({@code verify_credentials}). Mastodon counts no impressions nor reach:
 * they are absent from snapshots, never zero.
 */
final class MastodonMetrics implements Metrics {

    private final MastodonConnector connector;

    MastodonMetrics(MastodonConnector connector) {
        this.connector = connector;
    }

    @Override
    public Set<Metric> postMetrics() {
        return Set.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS);
    }

    @Override
    public Set<Metric> accountMetrics() {
        return Set.of(Metric.FOLLOWERS);
    }

    @Override
    public MetricSnapshot snapshot(PostRef post) throws ConnectorException {
        MastodonJson.Status s = connector.api().send(ApiRequest.get("/api/v1/statuses/" + post.id()),
                MastodonJson.Status.class);
        Map<Metric, Long> values = new LinkedHashMap<>();
        put(values, Metric.LIKES, s.favourites_count());
        put(values, Metric.SHARES, s.reblogs_count());
        put(values, Metric.COMMENTS, s.replies_count());
        return new MetricSnapshot(connector.account(), Optional.of(post.id()), connector.clock().instant(), values);
    }

    @Override
    public MetricSnapshot accountSnapshot() throws ConnectorException {
        MastodonJson.Account a = connector.api().send(ApiRequest.get("/api/v1/accounts/verify_credentials"),
                MastodonJson.Account.class);
        connector.rememberOwnAccountId(a.id());
        Map<Metric, Long> values = new LinkedHashMap<>();
        put(values, Metric.FOLLOWERS, a.followers_count());
        return new MetricSnapshot(connector.account(), Optional.empty(), connector.clock().instant(), values);
    }

    private static void put(Map<Metric, Long> values, Metric metric, Long value) {
        if (value != null && value >= 0) {
            values.put(metric, value);
        }
    }
}
