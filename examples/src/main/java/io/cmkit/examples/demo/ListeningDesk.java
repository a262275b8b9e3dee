package io.cmkit.examples.demo;

import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.model.Interaction;
import io.cmkit.listening.alert.Listening;
import io.cmkit.listening.alert.MatchedQuery;
import io.cmkit.listening.monitor.MatchedTerm;
import io.cmkit.listening.monitor.Monitor;
import io.cmkit.listening.monitor.QueryMatch;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.monitor.Watch;
import io.cmkit.listening.sentiment.SentimentLabel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inbox handler that listens: it keeps the mentions of each poll, then, in time order, tags
 * each one with the saved queries it matches (the monitor), scores its sentiment and counts it
 * into the alert series ({@link Listening}). Sorting a poll's mentions first matters: the inbox
 * delivers feed after feed, and the spike detector reads a series forward in time.
 */
final class ListeningDesk implements InteractionHandler {

    private final Monitor monitor;
    private final Listening listening;
    private final ZoneId zone;
    private final List<Interaction> pending = new ArrayList<>();
    private final Map<String, Long> taggedByQuery = new LinkedHashMap<>();
    private final Map<LocalDate, Map<SentimentLabel, Long>> sentimentByDay = new TreeMap<>();
    private long mentionsScored;

    ListeningDesk(List<SavedQuery> queries, Listening listening, ZoneId zone) {
        this.monitor = Monitor.create();
        this.monitor.addAll(queries);
        this.listening = listening;
        this.zone = zone;
        queries.forEach(q -> taggedByQuery.put(q.id(), 0L));
    }

    @Override
    public String name() {
        return "listening";
    }

    @Override
    public synchronized void handle(Interaction interaction, Delivery delivery) {
        if (interaction.kind() == Interaction.Kind.MENTION || interaction.kind() == Interaction.Kind.QUOTE) {
            pending.add(interaction);
        }
    }

    /** Tags, scores and counts what the last poll collected, oldest first; then closes the elapsed buckets. */
    synchronized void flush(boolean counted) {
        pending.sort(Comparator.comparing(Interaction::createdAt).thenComparing(Interaction::key));
        for (Interaction mention : pending) {
            List<MatchedQuery> matched = new ArrayList<>();
            for (QueryMatch match : monitor.match(mention)) {
                SavedQuery query = match.query();
                List<String> terms = match.terms().stream().map(MatchedTerm::term).distinct().toList();
                matched.add(query.watch() == Watch.COMPETITOR
                        ? MatchedQuery.competitor(query.id(), query.owner(), terms)
                        : MatchedQuery.own(query.id(), query.owner(), terms));
                if (counted) {
                    taggedByQuery.merge(query.id(), 1L, Long::sum);
                }
            }
            Listening.Update update = listening.accept(mention, matched);
            if (counted) {
                mentionsScored++;
                sentimentByDay.computeIfAbsent(mention.createdAt().atZone(zone).toLocalDate(),
                        d -> new EnumMap<>(SentimentLabel.class)).merge(update.sentiment().label(), 1L, Long::sum);
            }
        }
        pending.clear();
        listening.advance();
    }

    /** Mentions tagged per saved query since counting began. */
    synchronized Map<String, Long> taggedByQuery() {
        return Map.copyOf(taggedByQuery);
    }

    /** Mentions scored per day and sentiment since counting began. */
    synchronized Map<LocalDate, Map<SentimentLabel, Long>> sentimentByDay() {
        return new TreeMap<>(sentimentByDay);
    }

    synchronized long mentionsScored() {
        return mentionsScored;
    }
}
