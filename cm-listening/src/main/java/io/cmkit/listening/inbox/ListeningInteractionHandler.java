package io.cmkit.listening.inbox;

import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.model.Interaction;
import io.cmkit.listening.alert.AlertSink;
import io.cmkit.listening.alert.Listening;
import io.cmkit.listening.alert.MatchedQuery;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.inbox.internal.RecentKeys;
import io.cmkit.listening.monitor.Monitor;
import io.cmkit.listening.monitor.QueryMatch;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.monitor.Watch;
import io.cmkit.listening.query.QuerySyntaxException;
import io.cmkit.listening.sentiment.SentimentAnalyzer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listening as one of the inbox's handlers: each mention (and quote; comments and replies when
 * asked) goes through the {@link Monitor}'s saved queries, is scored and counted by
 * {@link Listening} into the volume and negative series of the queries and brands it matched,
 * and alerts go to the {@link AlertSink}s. Listeners hear what was tagged.
 *
 * <pre>{@code
 * ListeningInteractionHandler listening = ListeningInteractionHandler.builder(clock)
 *         .brandQuery("q-cafe", "cafe-lumiere", "\"cafe lumiere\" OR @cafe_lumiere OR #cafelumiere")
 *         .competitorQuery("q-rival", "brulerie", "brulerie OR #brulerie")
 *         .sink(alert -> chat.post(alert.summary()))
 *         .onTagged(tagged -> log.info(tagged.summary()))
 *         .build();
 * Inbox inbox = Inbox.builder().account(mastodon).handler(listening).clock(clock).build();
 * }</pre>
 *
 * <p><b>Counted once.</b> The inbox delivers at least once: a page whose commit failed is read and
 * handed over again, a restarted inbox may hand over the last page again. This handler remembers
 * the {@linkplain Interaction#key() platform key} of the last {@link Builder#rememberLast(int)}
 * interactions it counted (default {@value #DEFAULT_REMEMBERED}) and skips them when they come
 * back ({@link #duplicatesSkipped()}). The key is the platform's, not the account's: a post that
 * names two of the brand's accounts on one platform reaches the inbox once per account, and is
 * one mention for listening. An interaction is remembered only once it has been counted, so a
 * delivery that threw is counted when the inbox retries it. Like the series themselves, the keys
 * live in memory: a new handler (after a restart) starts with empty series and remembers nothing.
 *
 * <p>Listeners run on the polling thread after counting; one that throws is logged and does not
 * make the inbox deliver again. Thread-safe: deliveries are handled one at a time.
 */
public final class ListeningInteractionHandler implements InteractionHandler, AutoCloseable {

    /** The kinds listened to unless told otherwise: posts elsewhere that name or quote the brand. */
    public static final Set<Interaction.Kind> DEFAULT_KINDS = Set.of(Interaction.Kind.MENTION, Interaction.Kind.QUOTE);

    /** How many interaction keys are remembered against redelivery by default. */
    public static final int DEFAULT_REMEMBERED = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(ListeningInteractionHandler.class);

    private final String name;
    private final Monitor monitor;
    private final boolean ownsMonitor;
    private final Listening listening;
    private final Set<Interaction.Kind> kinds;
    private final List<Consumer<TaggedInteraction>> listeners;
    private final RecentKeys counted;
    private long duplicates;

    private ListeningInteractionHandler(Builder b, Monitor monitor, boolean ownsMonitor, Listening listening) {
        this.name = b.name;
        this.monitor = monitor;
        this.ownsMonitor = ownsMonitor;
        this.listening = listening;
        this.kinds = Set.copyOf(b.kinds);
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.counted = new RecentKeys(b.remembered);
    }

    /** A builder; the clock decides alert times (see {@link Listening#builder(Clock)}). */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Tags and counts one interaction of the configured kinds (others pass through untouched); an
     * interaction already counted is skipped.
     */
    @Override
    public void handle(Interaction interaction, Delivery delivery) {
        accept(interaction);
    }

    /**
     * What {@link #handle} does, without the inbox: for a host feeding interactions from elsewhere.
     *
     * @return what was tagged; empty for a kind not listened to or an interaction already counted
     */
    public Optional<TaggedInteraction> accept(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        if (!kinds.contains(interaction.kind())) {
            return Optional.empty();
        }
        TaggedInteraction tagged;
        synchronized (counted) {
            String key = interaction.key();
            if (counted.contains(key)) {
                duplicates++;
                return Optional.empty();
            }
            List<QueryMatch> matches = monitor.match(interaction);
            List<MatchedQuery> queries = new ArrayList<>(matches.size());
            matches.forEach(m -> queries.add(m.asMatchedQuery()));
            Listening.Update update = listening.accept(interaction, queries);
            counted.add(key);
            tagged = new TaggedInteraction(interaction, matches, update.sentiment(), update.alerts());
        }
        for (Consumer<TaggedInteraction> listener : listeners) {
            try {
                listener.accept(tagged);
            } catch (RuntimeException e) {
                LOG.warn("listening listener {} failed on {}: {}", listener.getClass().getName(), interaction.key(), e.toString());
            }
        }
        return Optional.of(tagged);
    }

    /** Calls {@code listener} with what each counted interaction was tagged with. */
    public ListeningInteractionHandler onTagged(Consumer<TaggedInteraction> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The monitor: add and remove saved queries while the inbox runs. */
    public Monitor monitor() {
        return monitor;
    }

    /**
     * The series and alerts: {@link Listening#advance()} after each poll so quiet hours count as
     * zero, {@link Listening#acceptMetrics} for competitors' posts.
     */
    public Listening listening() {
        return listening;
    }

    /** The kinds this handler listens to. */
    public Set<Interaction.Kind> kinds() {
        return kinds;
    }

    /** How many deliveries were skipped because their interaction had been counted already. */
    public long duplicatesSkipped() {
        synchronized (counted) {
            return duplicates;
        }
    }

    /** Stops the monitor's merge thread if this handler's builder created the monitor. */
    @Override
    public void close() {
        if (ownsMonitor) {
            monitor.close();
        }
    }

    @Override
    public String toString() {
        return "ListeningInteractionHandler[" + name + ", " + kinds + ", " + monitor.size() + " queries]";
    }

    /**
     * Builds the handler: its saved queries (or a monitor), and either the parts of a new
     * {@link Listening} (sentiment, spike rule, sinks) or an existing one.
     */
    public static final class Builder {
        private final Clock clock;
        private String name = "listening";
        private Monitor monitor;
        private final List<SavedQuery> queries = new ArrayList<>();
        private Listening listening;
        private SentimentAnalyzer sentiment;
        private SpikeConfig spikes;
        private final List<AlertSink> sinks = new ArrayList<>();
        private Set<Interaction.Kind> kinds = DEFAULT_KINDS;
        private int remembered = DEFAULT_REMEMBERED;
        private final List<Consumer<TaggedInteraction>> listeners = new ArrayList<>();

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The handler's name in the inbox (default {@code listening}); stable across restarts. */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("handler name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Saves a query for one of the host's brands.
         *
         * @throws QuerySyntaxException naming the query id, with the column, when the query cannot be read
         */
        public Builder brandQuery(String queryId, String brandId, String query) {
            return query(parse(queryId, brandId, Watch.BRAND, query));
        }

        /**
         * Saves a query watching a competitor.
         *
         * @throws QuerySyntaxException naming the query id, with the column, when the query cannot be read
         */
        public Builder competitorQuery(String queryId, String competitorId, String query) {
            return query(parse(queryId, competitorId, Watch.COMPETITOR, query));
        }

        /** Saves a parsed query (one with the same id replaces it). */
        public Builder query(SavedQuery query) {
            queries.add(Objects.requireNonNull(query, "query"));
            return this;
        }

        /** Saves parsed queries. */
        public Builder queries(Collection<SavedQuery> saved) {
            saved.forEach(this::query);
            return this;
        }

        /**
         * Routes through this monitor (the saved queries of the builder are added to it); the host
         * keeps it and closes it. Default: a new {@link Monitor#create()} closed with the handler.
         */
        public Builder monitor(Monitor existing) {
            this.monitor = Objects.requireNonNull(existing, "monitor");
            return this;
        }

        /** Counts into this {@link Listening}, built by the host with its own sinks, sentiment and spike rule. */
        public Builder listening(Listening existing) {
            this.listening = Objects.requireNonNull(existing, "listening");
            return this;
        }

        /** The sentiment analyser of a new {@link Listening} (default {@link SentimentAnalyzer#defaults()}). */
        public Builder sentiment(SentimentAnalyzer analyzer) {
            this.sentiment = Objects.requireNonNull(analyzer, "sentiment");
            return this;
        }

        /** The buckets and spike rule of a new {@link Listening} (default {@link SpikeConfig#defaults()}). */
        public Builder spikes(SpikeConfig config) {
            this.spikes = Objects.requireNonNull(config, "spikes");
            return this;
        }

        /** Adds an alert sink to a new {@link Listening}. */
        public Builder sink(AlertSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * The kinds to listen to (default {@link ListeningInteractionHandler#DEFAULT_KINDS}: mentions and quotes); add
         * {@link Interaction.Kind#COMMENT} and {@link Interaction.Kind#REPLY} to count what people
         * write under the brand's own posts too.
         */
        public Builder kinds(Set<Interaction.Kind> listenedTo) {
            Objects.requireNonNull(listenedTo, "kinds");
            if (listenedTo.isEmpty()) {
                throw new IllegalArgumentException("kinds must name at least one interaction kind to listen to");
            }
            this.kinds = Set.copyOf(EnumSet.copyOf(listenedTo));
            return this;
        }

        /**
         * How many interaction keys are remembered against redelivery (default
         * {@value ListeningInteractionHandler#DEFAULT_REMEMBERED}, roughly 120 bytes each on the heap): more than the interactions of the
         * few polls over which the inbox may deliver again.
         */
        public Builder rememberLast(int keys) {
            if (keys < 1) {
                throw new IllegalArgumentException("rememberLast must be at least 1, got " + keys);
            }
            this.remembered = keys;
            return this;
        }

        /** Calls {@code listener} with what each counted interaction was tagged with. */
        public Builder onTagged(Consumer<TaggedInteraction> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the handler and adds the saved queries to the monitor.
         *
         * @throws IllegalStateException when an existing {@link Listening} is given together with
         *     sinks, a sentiment analyser or a spike rule (give those to that Listening's builder)
         * @throws IllegalArgumentException when a saved query cannot be indexed; then the monitor is unchanged
         */
        public ListeningInteractionHandler build() {
            Listening counting = listening;
            if (counting != null) {
                List<String> conflicts = new ArrayList<>();
                if (!sinks.isEmpty()) {
                    conflicts.add("sink");
                }
                if (sentiment != null) {
                    conflicts.add("sentiment");
                }
                if (spikes != null) {
                    conflicts.add("spikes");
                }
                if (!conflicts.isEmpty()) {
                    throw new IllegalStateException("listening(...) was given an existing Listening, so " + conflicts
                            + " cannot be set here: set them on that Listening's builder");
                }
            } else {
                Listening.Builder b = Listening.builder(clock);
                if (sentiment != null) {
                    b.sentiment(sentiment);
                }
                if (spikes != null) {
                    b.spikes(spikes);
                }
                sinks.forEach(b::sink);
                counting = b.build();
            }
            boolean owns = monitor == null;
            Monitor routing = owns ? Monitor.create() : monitor;
            try {
                routing.addAll(queries);
            } catch (RuntimeException e) {
                if (owns) {
                    routing.close();
                }
                throw e;
            }
            return new ListeningInteractionHandler(this, routing, owns, counting);
        }

        private static SavedQuery parse(String queryId, String owner, Watch watch, String query) {
            try {
                return SavedQuery.of(queryId, owner, watch, query);
            } catch (QuerySyntaxException e) {
                throw new QuerySyntaxException("saved query '" + queryId + "' (" + watch.name().toLowerCase(Locale.ROOT)
                        + " " + owner + "): " + e.problem(), e.column(), e.token());
            }
        }
    }
}
