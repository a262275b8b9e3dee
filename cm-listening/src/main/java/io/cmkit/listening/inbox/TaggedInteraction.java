package io.cmkit.listening.inbox;

import io.cmkit.core.model.Interaction;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.alert.MatchedQuery;
import io.cmkit.listening.monitor.QueryMatch;
import io.cmkit.listening.sentiment.Sentiment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What listening made of one interaction: the saved queries it matched (with the terms and where
 * they are in the text), its sentiment, and the alerts it raised (already delivered to the sinks).
 *
 * @param interaction the interaction the inbox delivered
 * @param matches the saved queries it matched, ordered by query id; empty when it matched none (it is still scored)
 * @param sentiment its sentiment, in the interaction's language when French or English, else guessed
 * @param alerts the alerts counting it raised, in the order they were raised
 */
public record TaggedInteraction(Interaction interaction, List<QueryMatch> matches, Sentiment sentiment, List<Alert> alerts) {

    public TaggedInteraction {
        Objects.requireNonNull(interaction, "TaggedInteraction.interaction");
        matches = List.copyOf(matches);
        Objects.requireNonNull(sentiment, "TaggedInteraction.sentiment");
        alerts = List.copyOf(alerts);
    }

    /** The matches as the alert series count them: query id, brand, own or competitor, distinct terms. */
    public List<MatchedQuery> matchedQueries() {
        return matches.stream().map(QueryMatch::asMatchedQuery).toList();
    }

    /** The brands and competitors whose queries it matched, in query-id order, each once. */
    public Set<String> owners() {
        Set<String> owners = new LinkedHashSet<>();
        matches.forEach(m -> owners.add(m.query().owner()));
        return owners;
    }

    /** A one-line summary: the key, the sentiment, the queries and their terms, the alerts. */
    public String summary() {
        StringBuilder out = new StringBuilder(interaction.key()).append(' ')
                .append(sentiment.label()).append(String.format(java.util.Locale.ROOT, " %+.2f", sentiment.score()));
        for (MatchedQuery q : matchedQueries()) {
            out.append(' ').append(q.queryId()).append(q.terms());
        }
        alerts.forEach(a -> out.append(" ALERT ").append(a.kind()).append(' ').append(a.series()));
        return out.toString();
    }
}
