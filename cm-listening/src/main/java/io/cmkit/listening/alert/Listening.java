package io.cmkit.listening.alert;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.listening.alert.internal.EvidenceCollector;
import io.cmkit.listening.sentiment.Sentiment;
import io.cmkit.listening.sentiment.SentimentAnalyzer;
import io.cmkit.listening.sentiment.SentimentLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The listening entry point: takes each mention with the saved queries it matched (from the
 * monitor), scores its sentiment, counts it into the volume and negative-volume series of each
 * query and brand, and raises alerts to the {@link AlertSink}s; takes competitors' post metric
 * snapshots and watches their engagement.
 *
 * <pre>{@code
 * Listening listening = Listening.builder(clock).sink(alert -> chat.send(alert.summary())).build();
 * listening.accept(mention, List.of(MatchedQuery.own("q-cafe", "cafe-lumiere", List.of("cafe lumiere"))));
 * listening.acceptMetrics(snapshot, "rival-coffee");
 * }</pre>
 *
 * <p>Series, for each mention: {@code query:<id>:volume} for every matched query;
 * {@code brand:<id>:volume} once per own brand matched, {@code competitor:<id>:volume} once per
 * competitor matched; and for the host's own queries and brands {@code query:<id>:negative} and
 * {@code brand:<id>:negative}, which get 1 when the mention's sentiment is negative and 0 otherwise
 * (so their baseline exists before the first complaint). A mention is counted at its creation
 * time, or at the clock's time if it claims to come from the future. Deterministic: the same calls
 * with the same clock give the same alerts. Thread-safe (calls are serialised).
 */
public final class Listening {

    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);
    private static final List<Metric> ENGAGEMENT = List.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES);

    /** What one mention gave: its sentiment and the alerts it raised (already delivered to the sinks). */
    public record Update(Sentiment sentiment, List<Alert> alerts) {
        public Update {
            Objects.requireNonNull(sentiment, "Update.sentiment");
            alerts = List.copyOf(alerts);
        }
    }

    private final Clock clock;
    private final SentimentAnalyzer sentiment;
    private final SpikeDetector detector;
    private final List<AlertSink> sinks;
    private final Map<Integer, EvidenceCollector> evidence = new HashMap<>();
    private final Map<String, Long> lastEngagement = new HashMap<>();

    private Listening(Builder builder) {
        this.clock = builder.clock;
        this.sentiment = builder.sentiment;
        this.detector = new SpikeDetector(builder.spikes);
        this.sinks = List.copyOf(builder.sinks);
    }

    /** A builder; the clock decides alert times and caps mention times. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /**
     * Takes one mention and the queries it matched.
     *
     * @param mention the interaction
     * @param matches the saved queries it matched, with their terms; a mention matching none is only scored
     */
    public synchronized Update accept(Interaction mention, List<MatchedQuery> matches) {
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(matches, "matches");
        Sentiment score = sentiment.analyze(mention.text(), mention.language());
        boolean negative = score.label() == SentimentLabel.NEGATIVE;
        Instant now = clock.instant();
        Instant at = mention.createdAt().isAfter(now) ? now : mention.createdAt();
        Evidence.MentionSummary summary = new Evidence.MentionSummary(mention.key(), mention.author().handle(),
                mention.author().followers().isPresent() ? Optional.of(mention.author().followers().getAsLong()) : Optional.empty(),
                mention.text(), mention.createdAt(), mention.url().map(Object::toString), score.score());

        // Every series a mention belongs to, with the terms its evidence collects; the negative
        // series of own queries and brands get 0 for a mention that is not negative, so that their
        // history (and baseline) builds up before the first complaint.
        Map<SeriesKey, Set<String>> series = new LinkedHashMap<>();
        Map<SeriesKey, Long> amounts = new HashMap<>();
        Set<SeriesKey> competitorQueries = new LinkedHashSet<>();
        for (MatchedQuery match : matches) {
            SeriesKey query = new SeriesKey(SeriesKey.Scope.QUERY, match.queryId(), SeriesKey.Measure.VOLUME);
            series.computeIfAbsent(query, k -> new LinkedHashSet<>()).addAll(match.terms());
            if (match.competitor()) {
                competitorQueries.add(query);
            }
            SeriesKey brand = new SeriesKey(match.competitor() ? SeriesKey.Scope.COMPETITOR : SeriesKey.Scope.BRAND,
                    match.brandId(), SeriesKey.Measure.VOLUME);
            series.computeIfAbsent(brand, k -> new LinkedHashSet<>()).addAll(match.terms());
            if (!match.competitor()) {
                for (SeriesKey negativeKey : List.of(
                        new SeriesKey(SeriesKey.Scope.QUERY, match.queryId(), SeriesKey.Measure.NEGATIVE),
                        new SeriesKey(SeriesKey.Scope.BRAND, match.brandId(), SeriesKey.Measure.NEGATIVE))) {
                    Set<String> terms = series.computeIfAbsent(negativeKey, k -> new LinkedHashSet<>());
                    if (negative) {
                        terms.addAll(match.terms());
                        terms.addAll(score.terms());
                    } else {
                        amounts.put(negativeKey, 0L);
                    }
                }
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<SeriesKey, Set<String>> entry : series.entrySet()) {
            int id = detector.series(entry.getKey());
            long amount = amounts.getOrDefault(entry.getKey(), 1L);
            EvidenceCollector collector = evidence.computeIfAbsent(id, k -> new EvidenceCollector());
            if (collector.moveTo(detector.bucketOf(at)) && amount > 0) {
                collector.mention(summary);
                entry.getValue().forEach(collector::term);
            }
            detector.add(id, at.toEpochMilli(), amount).ifPresent(spike -> alerts.add(new Alert(
                    kindOf(spike.series(), competitorQueries.contains(spike.series())), spike,
                    detector.config().bucket(), now, collector.evidence())));
        }
        deliver(alerts);
        return new Update(score, alerts);
    }

    /**
     * Takes a metric snapshot of a competitor's post and adds the engagement it gained since the
     * previous snapshot of the same post (likes, shares, comments and quotes the platform reports;
     * a drop counts as nothing) to {@code competitor:<brandId>:engagement}. The first snapshot of a
     * post only sets the reference, so a restart does not count a post's whole history at once.
     * Account-level snapshots and snapshots with none of those counters change nothing.
     *
     * @return the alerts raised (already delivered)
     */
    public synchronized List<Alert> acceptMetrics(MetricSnapshot snapshot, String competitorBrandId) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (competitorBrandId == null || competitorBrandId.isBlank()) {
            throw new IllegalArgumentException("competitorBrandId must not be blank");
        }
        if (snapshot.postId().isEmpty() || ENGAGEMENT.stream().noneMatch(m -> snapshot.value(m).isPresent())) {
            return List.of();
        }
        long total = ENGAGEMENT.stream().mapToLong(m -> snapshot.value(m).orElse(0L)).sum();
        String post = snapshot.account().platform().id() + ":" + snapshot.postId().get();
        Long previous = lastEngagement.put(post, total);
        long gained = previous == null ? 0 : Math.max(0, total - previous);
        Instant now = clock.instant();
        Instant at = snapshot.takenAt().isAfter(now) ? now : snapshot.takenAt();
        SeriesKey key = new SeriesKey(SeriesKey.Scope.COMPETITOR, competitorBrandId, SeriesKey.Measure.ENGAGEMENT);
        int id = detector.series(key);
        EvidenceCollector collector = evidence.computeIfAbsent(id, k -> new EvidenceCollector());
        if (collector.moveTo(detector.bucketOf(at)) && gained > 0) {
            collector.post(post, gained);
        }
        List<Alert> alerts = new ArrayList<>();
        detector.add(id, at.toEpochMilli(), gained).ifPresent(spike -> alerts.add(new Alert(
                AlertKind.COMPETITOR_ENGAGEMENT, spike, detector.config().bucket(), now, collector.evidence())));
        deliver(alerts);
        return alerts;
    }

    /** Closes every series' buckets that ended by the clock's time, so quiet hours count as zero. */
    public synchronized void advance() {
        detector.advanceTo(clock.instant());
    }

    /** The open bucket's count of a series, or empty when it has none yet. */
    public synchronized Optional<Long> openCount(SeriesKey key) {
        return detector.openCount(detector.series(key));
    }

    private static AlertKind kindOf(SeriesKey key, boolean competitorQuery) {
        if (key.measure() == SeriesKey.Measure.NEGATIVE) {
            return AlertKind.BAD_BUZZ;
        }
        if (key.measure() == SeriesKey.Measure.ENGAGEMENT) {
            return AlertKind.COMPETITOR_ENGAGEMENT;
        }
        return key.scope() == SeriesKey.Scope.COMPETITOR || competitorQuery ? AlertKind.COMPETITOR_VOLUME : AlertKind.VOLUME_SPIKE;
    }

    private void deliver(List<Alert> alerts) {
        for (Alert alert : alerts) {
            for (AlertSink sink : sinks) {
                try {
                    sink.deliver(alert);
                } catch (Exception e) {
                    LOG.warn("alert sink {} failed to deliver {}: {}", sink.getClass().getName(), alert.summary(), e.toString());
                }
            }
        }
    }

    /** Builds a {@link Listening}. */
    public static final class Builder {
        private final Clock clock;
        private SpikeConfig spikes = SpikeConfig.defaults();
        private SentimentAnalyzer sentiment;
        private final List<AlertSink> sinks = new ArrayList<>();

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The buckets and spike rule (default {@link SpikeConfig#defaults()}). */
        public Builder spikes(SpikeConfig config) {
            this.spikes = Objects.requireNonNull(config, "spikes");
            return this;
        }

        /** The sentiment analyser (default {@link SentimentAnalyzer#defaults()}). */
        public Builder sentiment(SentimentAnalyzer analyzer) {
            this.sentiment = Objects.requireNonNull(analyzer, "sentiment");
            return this;
        }

        /** Adds a sink; alerts go to every sink in the order they were added. */
        public Builder sink(AlertSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        public Listening build() {
            if (sentiment == null) {
                sentiment = SentimentAnalyzer.defaults();
            }
            return new Listening(this);
        }
    }
}
