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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
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
 *
 * <p><b>One bad buzz, one alert.</b> A burst about a brand usually makes several of its series
 * spike within the same bucket: the query's and the brand's volume, their negative volume. By
 * default ({@link Builder#groupAlerts(boolean)}) the sinks hear the first of them, and then only an
 * alert that says more: a bad buzz after a volume spike, a competitor's engagement after its
 * volume. The others of the same owner (the brand or competitor, whichever of its queries or its
 * whole series spiked) and the same bucket are returned in {@link Update#grouped()} and not
 * delivered. Within one mention, brand-wide series come before a query's and bad buzz before
 * volume, so the alert delivered names the brand and the worst news.
 */
public final class Listening {

    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);
    private static final List<Metric> ENGAGEMENT = List.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES);

    /**
     * What one mention gave: its sentiment, the alerts it raised and delivered to the sinks, and
     * those it raised but did not deliver because an alert already delivered for the same owner
     * and bucket says as much (empty when grouping is off).
     */
    public record Update(Sentiment sentiment, List<Alert> alerts, List<Alert> grouped) {
        public Update {
            Objects.requireNonNull(sentiment, "Update.sentiment");
            alerts = List.copyOf(alerts);
            grouped = List.copyOf(grouped);
        }
    }

    /** The kinds already delivered for one owner's bucket. */
    private record Incident(Instant bucketStart, EnumSet<AlertKind> delivered) {
    }

    private final Clock clock;
    private final SentimentAnalyzer sentiment;
    private final SpikeDetector detector;
    private final List<AlertSink> sinks;
    private final Map<Integer, EvidenceCollector> evidence = new HashMap<>();
    private final Map<String, Long> lastEngagement = new HashMap<>();
    private final boolean groupAlerts;
    /** Whose each series is ("own:cafe", "competitor:rival"), learnt from the matches. */
    private final Map<SeriesKey, String> ownerOf = new HashMap<>();
    private final Map<String, Incident> incidents = new HashMap<>();

    private Listening(Builder builder) {
        this.clock = builder.clock;
        this.sentiment = builder.sentiment;
        this.detector = new SpikeDetector(builder.spikes);
        this.sinks = List.copyOf(builder.sinks);
        this.groupAlerts = builder.groupAlerts;
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
            String owner = (match.competitor() ? "competitor:" : "own:") + match.brandId();
            ownerOf.putIfAbsent(query, owner);
            ownerOf.putIfAbsent(brand, owner);
            if (!match.competitor()) {
                for (SeriesKey negativeKey : List.of(
                        new SeriesKey(SeriesKey.Scope.QUERY, match.queryId(), SeriesKey.Measure.NEGATIVE),
                        new SeriesKey(SeriesKey.Scope.BRAND, match.brandId(), SeriesKey.Measure.NEGATIVE))) {
                    ownerOf.putIfAbsent(negativeKey, owner);
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
        alerts.sort(WORST_NEWS_FIRST);
        List<Alert> grouped = new ArrayList<>();
        deliver(alerts, grouped);
        return new Update(score, alerts, grouped);
    }

    /** Bad buzz before volume; a brand's or competitor's whole series before one query's. */
    private static final Comparator<Alert> WORST_NEWS_FIRST = Comparator
            .comparingInt((Alert a) -> a.kind() == AlertKind.BAD_BUZZ ? 0 : 1)
            .thenComparingInt(a -> a.series().scope() == SeriesKey.Scope.QUERY ? 1 : 0);

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
        ownerOf.putIfAbsent(key, "competitor:" + competitorBrandId);
        List<Alert> alerts = new ArrayList<>();
        detector.add(id, at.toEpochMilli(), gained).ifPresent(spike -> alerts.add(new Alert(
                AlertKind.COMPETITOR_ENGAGEMENT, spike, detector.config().bucket(), now, collector.evidence())));
        deliver(alerts, new ArrayList<>());
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

    /**
     * Delivers the alerts to the sinks, but moves to {@code grouped} (and out of {@code alerts})
     * those an alert already delivered for the same owner and bucket covers.
     */
    private void deliver(List<Alert> alerts, List<Alert> grouped) {
        if (groupAlerts) {
            for (Iterator<Alert> it = alerts.iterator(); it.hasNext(); ) {
                Alert alert = it.next();
                String owner = ownerOf.getOrDefault(alert.series(), alert.series().toString());
                Incident incident = incidents.get(owner);
                if (incident == null || !incident.bucketStart().equals(alert.spike().bucketStart())) {
                    incident = new Incident(alert.spike().bucketStart(), EnumSet.noneOf(AlertKind.class));
                    incidents.put(owner, incident);
                }
                if (covered(incident.delivered(), alert.kind())) {
                    it.remove();
                    grouped.add(alert);
                } else {
                    incident.delivered().add(alert.kind());
                }
            }
        }
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

    /** Whether an alert of {@code kind} says nothing the kinds already delivered did not. */
    private static boolean covered(Set<AlertKind> delivered, AlertKind kind) {
        return delivered.contains(kind) || (kind == AlertKind.VOLUME_SPIKE && delivered.contains(AlertKind.BAD_BUZZ));
    }

    /** Builds a {@link Listening}. */
    public static final class Builder {
        private final Clock clock;
        private SpikeConfig spikes = SpikeConfig.defaults();
        private SentimentAnalyzer sentiment;
        private final List<AlertSink> sinks = new ArrayList<>();
        private boolean groupAlerts = true;

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

        /**
         * Whether the sinks hear one alert per owner and bucket, plus any that says more (the
         * default), or one alert per series that spiked ({@code false}). See the class comment.
         */
        public Builder groupAlerts(boolean group) {
            this.groupAlerts = group;
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
