package io.cmkit.listening.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.text.Span;
import io.cmkit.listening.alert.MatchedQuery;
import io.cmkit.listening.query.ListeningQuery;
import io.cmkit.listening.query.QueryNode;
import io.cmkit.listening.monitor.event.MonitorEvent;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MonitorTest {

    private final Monitor monitor = Monitor.create();

    @AfterEach
    void close() {
        monitor.close();
    }

    private void save(String id, String query) {
        monitor.add(SavedQuery.of(id, "cafe-lumiere", Watch.BRAND, query));
    }

    private List<String> ids(String text) {
        return monitor.match(Mention.text(text)).stream().map(QueryMatch::queryId).toList();
    }

    @Test
    @DisplayName("a mention is routed to every query it matches, with the terms found and where")
    void routesWithTerms() {
        save("brand", "\"café lumière\" OR #cafelumiere");
        save("scam", "lumiere NEAR/3 arnaq*");
        save("other", "brulerie");
        String text = "Le Café-Lumière c'est une ARNAQUE totale #CafeLumiere";
        List<QueryMatch> matches = monitor.match(Mention.text(text));

        assertThat(matches).extracting(QueryMatch::queryId).containsExactly("brand", "scam");
        assertThat(matches.get(0).terms()).containsExactly(
                new MatchedTerm("\"cafe lumiere\"", new Span(3, 15), "Café-Lumière"),
                new MatchedTerm("#cafelumiere", new Span(41, 53), "#CafeLumiere"));
        assertThat(matches.get(0).query().owner()).isEqualTo("cafe-lumiere");
        assertThat(matches.get(1).terms()).containsExactly(
                new MatchedTerm("lumiere NEAR/3 arnaq*", new Span(8, 33), "Lumière c'est une ARNAQUE"));
    }

    @Test
    @DisplayName("matching reads normalised text: case, accents, look-alike letters, repeated letters")
    void normalised() {
        save("q", "lumiere");
        assertThat(ids("LUMIÈRE")).containsExactly("q");
        assertThat(ids("lum\u0456\u0435re")).containsExactly("q"); // Cyrillic і and е
        assertThat(ids("lumiiiiere")).containsExactly("q");
        assertThat(ids("lumieres")).isEmpty();
        assertThat(ids("illumiere")).isEmpty();
    }

    @Test
    @DisplayName("a word matches the hashtag made of it, not a longer hashtag nor a mention")
    void hashtagBodies() {
        save("word", "lumiere");
        save("tag", "#lumiere");
        save("prefix", "lumi*");
        assertThat(ids("vive #Lumiere")).containsExactly("prefix", "tag", "word");
        assertThat(ids("vive #lumiere_paris")).containsExactly("prefix");
        assertThat(ids("merci @lumiere")).isEmpty();
        assertThat(ids("lumiere")).containsExactly("prefix", "word");
    }

    @Test
    @DisplayName("mentions match exactly, with dots and instances")
    void mentions() {
        save("m", "@cafe_lumiere OR @alice.bsky.social");
        assertThat(ids("merci @Cafe_Lumiere !")).containsExactly("m");
        assertThat(ids("cc @alice.bsky.social")).containsExactly("m");
        assertThat(ids("cc @alice.bsky")).isEmpty();
        assertThat(ids("cafe_lumiere")).isEmpty();
        assertThat(ids("mail contact@cafe_lumiere.fr")).isEmpty();
    }

    @Test
    @DisplayName("phrases ignore punctuation between their words; NEAR counts words between, either order")
    void positions() {
        save("phrase", "\"service client\"");
        save("near", "livraison NEAR/2 retard");
        assertThat(ids("Service, client : nul")).containsExactly("phrase");
        assertThat(ids("client service")).isEmpty();
        assertThat(ids("retard de la livraison")).containsExactly("near");
        assertThat(ids("livraison encore en retard")).containsExactly("near");
        assertThat(ids("livraison arrivee bien trop en retard")).isEmpty();
    }

    @Test
    @DisplayName("NOT and -term exclude")
    void exclusions() {
        save("q", "lumiere -promo NOT \"code promo\"");
        assertThat(ids("lumiere super")).containsExactly("q");
        assertThat(ids("lumiere promo")).isEmpty();
        assertThat(ids("lumiere code promo")).isEmpty();
    }

    @Test
    @DisplayName("lang:, from:, platform: and site: look at the mention's facts")
    void filters() {
        save("lang", "lumiere lang:fr");
        save("from", "lumiere from:alice");
        save("platform", "lumiere platform:mastodon");
        save("site", "lumiere site:lumiere.fr");
        Interaction i = new Interaction("1", new Account(Platform.MASTODON, "cafe"), Interaction.Kind.MENTION,
                Author.of("a1", "@Alice"), "Lumière: https://www.lumiere.fr/menu", Instant.parse("2026-11-26T08:00:00Z"),
                ThreadPosition.standalone(), Optional.of(Locale.FRENCH), Optional.empty());
        assertThat(monitor.match(i)).extracting(QueryMatch::queryId).containsExactly("from", "lang", "platform", "site");

        Mention bare = new Mention("lumiere", Optional.of(Platform.X), Optional.of("bob"), Optional.of("en"),
                Optional.of(URI.create("https://blog.lumiere.fr/p/1")));
        assertThat(monitor.match(bare)).extracting(QueryMatch::queryId).containsExactly("site");
        assertThat(ids("lumiere sur notlumiere.fr")).isEmpty();
    }

    @Test
    @DisplayName("adding under an existing id replaces the query; removing stops it at once")
    void replaceAndRemove() {
        save("q", "lumiere");
        assertThat(ids("lumiere")).containsExactly("q");
        save("q", "brulerie");
        assertThat(ids("lumiere")).isEmpty();
        assertThat(ids("brulerie")).containsExactly("q");
        monitor.compact();
        assertThat(ids("brulerie")).containsExactly("q");
        assertThat(monitor.remove("q")).isTrue();
        assertThat(monitor.remove("q")).isFalse();
        assertThat(ids("brulerie")).isEmpty();
        assertThat(monitor.size()).isZero();
    }

    @Test
    @DisplayName("a match reads as the alerts' MatchedQuery: id, owner, own or competitor, distinct terms in text order")
    void asMatchedQuery() {
        monitor.add(SavedQuery.of("rival", "brulerie", Watch.COMPETITOR, "brulerie OR torref*"));
        monitor.add(SavedQuery.of("brand", "cafe-lumiere", Watch.BRAND, "lumiere"));
        List<QueryMatch> matches = monitor.match(Mention.text("Torrefaction: la brulerie, pas Lumière ni la brulerie"));

        assertThat(matches).extracting(QueryMatch::asMatchedQuery).containsExactly(
                MatchedQuery.own("brand", "cafe-lumiere", List.of("lumiere")),
                MatchedQuery.competitor("rival", "brulerie", List.of("torref*", "brulerie")));
    }

    @Test
    @DisplayName("a bulk add and one-by-one adds give the same monitor")
    void bulk() {
        List<SavedQuery> queries = List.of(
                SavedQuery.of("a", "x", Watch.BRAND, "lumiere"),
                SavedQuery.of("b", "y", Watch.COMPETITOR, "brulerie OR torref*"));
        try (Monitor bulk = Monitor.builder().mergeThreshold(1).build()) {
            bulk.addAll(queries);
            monitor.addAll(queries);
            for (String text : List.of("lumiere", "la brulerie", "torrefaction", "rien")) {
                assertThat(bulk.match(Mention.text(text))).isEqualTo(monitor.match(Mention.text(text)));
            }
            assertThat(bulk.queries()).isEqualTo(queries);
        }
    }

    @Test
    @DisplayName("base rebuilds are published as events, stamped by the monitor's clock")
    void events() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
        List<MonitorEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch rebuilt = new CountDownLatch(2);
        try (Monitor m = Monitor.builder().mergeThreshold(3).clock(clock).build()) {
            m.getEventPublisher().onEvent(seen::add).onBaseRebuilt(e -> rebuilt.countDown());
            m.addAll(List.of(SavedQuery.of("a", "x", Watch.BRAND, "lumiere")));
            m.compact();
            for (String id : List.of("b", "c", "d")) {
                m.add(SavedQuery.of(id, "x", Watch.BRAND, "brulerie " + id));
            }
            assertThat(rebuilt.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).hasSize(2).allSatisfy(e -> assertThat(e.at()).isEqualTo(clock.instant()));
            MonitorEvent.BaseRebuilt background = (MonitorEvent.BaseRebuilt) seen.get(1);
            assertThat(background.queries() + background.changesCarriedOver()).isGreaterThanOrEqualTo(4);
            assertThat(((MonitorEvent.BaseRebuilt) seen.get(0)).queries()).isEqualTo(1);
            assertThat(m.mergeCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a query built by hand with nothing every match must contain is refused, and nothing changes")
    void unanchored() {
        ListeningQuery notOnly = new ListeningQuery("NOT promo", new QueryNode.Not(new QueryNode.Term("promo")));
        assertThatThrownBy(() -> monitor.add(new SavedQuery("bad", "x", Watch.BRAND, notOnly)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query bad has no word, phrase, #hashtag or @mention that every match must contain: 'NOT promo'");
        assertThat(monitor.size()).isZero();
        assertThat(monitor.get("bad")).isEmpty();
    }
}
