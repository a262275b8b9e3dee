package io.cmkit.listening.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.Platform;
import io.cmkit.listening.query.QueryNode;
import io.cmkit.listening.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Property-style: random seeded queries and posts, the monitor against {@link NaiveEvaluator}. */
class MonitorSemanticsTest {

    static final String[] WORDS = {"cafe", "lumiere", "arnaque", "arnaqueur", "promo", "froid", "tiede", "service",
        "client", "livraison", "retard", "brulerie", "cafetiere", "lum", "liv", "top"};
    static final String[] SHOWN = {"Café", "LUMIÈRE", "arnaque", "Arnaqueur", "promo", "froid", "tiède", "Service",
        "client", "livraison", "RETARD", "Brûlerie", "cafetière", "lum", "liv", "top"};
    static final String[] PREFIXES = {"caf", "lum", "arnaq", "liv", "cafet", "pro", "ti"};
    static final String[] SEPARATORS = {" ", " ", " ", ", ", " - ", "! ", "'", " :) ", "\n", " 👍 "};

    static String leaf(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> WORDS[r.nextInt(WORDS.length)];
            case 2 -> "\"" + SHOWN[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + "\"";
            case 3 -> PREFIXES[r.nextInt(PREFIXES.length)] + "*";
            case 4 -> "#" + WORDS[r.nextInt(WORDS.length)];
            default -> r.nextBoolean() ? "@" + WORDS[r.nextInt(WORDS.length)] : "#" + PREFIXES[r.nextInt(PREFIXES.length)] + "*";
        };
    }

    static String span(Random r, int depth) {
        return switch (depth <= 0 ? 0 : r.nextInt(4)) {
            case 0, 1 -> leaf(r);
            case 2 -> "(" + span(r, depth - 1) + " OR " + span(r, depth - 1) + ")";
            default -> "(" + span(r, depth - 1) + " NEAR/" + r.nextInt(4) + " " + span(r, depth - 1) + ")";
        };
    }

    static String query(Random r, int depth) {
        String q = switch (depth <= 0 ? 0 : r.nextInt(6)) {
            case 0 -> leaf(r);
            case 1 -> query(r, depth - 1) + " OR " + query(r, depth - 1);
            case 2 -> "(" + query(r, depth - 1) + ") " + query(r, depth - 1);
            case 3 -> query(r, depth - 1) + " AND " + query(r, depth - 1);
            case 4 -> "(" + query(r, depth - 1) + ") -" + leaf(r);
            default -> span(r, 2);
        };
        if (r.nextInt(8) == 0) {
            q = "(" + q + ") " + switch (r.nextInt(4)) {
                case 0 -> "lang:fr";
                case 1 -> "-platform:x";
                case 2 -> "from:alice";
                default -> "NOT site:lumiere.fr";
            };
        }
        return q;
    }

    static Mention post(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int w = r.nextInt(WORDS.length);
            String word = r.nextBoolean() ? WORDS[w] : SHOWN[w];
            switch (r.nextInt(10)) {
                case 0 -> b.append('#').append(word).append(r.nextInt(3) == 0 ? "_" + WORDS[r.nextInt(WORDS.length)] : "");
                case 1 -> b.append('@').append(word).append(r.nextInt(3) == 0 ? ".bsky.social" : "");
                case 2 -> b.append(word.replace('a', '\u0430')); // a Cyrillic look-alike
                case 3 -> b.append("https://www.lumiere.fr/").append(word);
                default -> b.append(word);
            }
            b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
        }
        return new Mention(b.toString(), Optional.of(r.nextBoolean() ? Platform.X : Platform.MASTODON),
                Optional.of(r.nextBoolean() ? "alice" : "bob"), Optional.of(r.nextBoolean() ? "fr" : "en"), Optional.empty());
    }

    static List<SavedQuery> queries(Random r, int count) {
        Map<String, SavedQuery> out = new LinkedHashMap<>();
        while (out.size() < count) {
            String text = query(r, 3);
            try {
                out.put("q" + out.size(), SavedQuery.of("q" + out.size(), "brand", Watch.BRAND, text));
            } catch (QuerySyntaxException e) {
                // a generated query the language refuses (e.g. NOT where it cannot go): try another
            }
        }
        return new ArrayList<>(out.values());
    }

    static Set<String> expected(List<SavedQuery> queries, Mention m) {
        Set<String> ids = new TreeSet<>();
        for (SavedQuery q : queries) {
            if (NaiveEvaluator.matches(q.query().root(), m)) {
                ids.add(q.id());
            }
        }
        return ids;
    }

    static Set<String> actual(Monitor monitor, Mention m) {
        Set<String> ids = new TreeSet<>();
        monitor.match(m).forEach(x -> ids.add(x.queryId()));
        return ids;
    }

    @Test
    @DisplayName("on random queries and posts the monitor matches exactly what the naive evaluator does")
    void sameAsNaive() {
        Random r = new Random(20261126);
        List<SavedQuery> queries = queries(r, 400);
        int matched = 0;
        try (Monitor monitor = Monitor.create()) {
            monitor.addAll(queries);
            for (int i = 0; i < 1000; i++) {
                Mention m = post(r);
                Set<String> want = expected(queries, m);
                assertThat(actual(monitor, m)).as("post %d: %s", i, m.text()).isEqualTo(want);
                matched += want.size();
            }
        }
        assertThat(matched).as("the random corpus must exercise matches").isGreaterThan(2000);
    }

    @Test
    @DisplayName("every reported term occurs in the post where it says")
    void termsPointIntoThePost() {
        Random r = new Random(7);
        List<SavedQuery> queries = queries(r, 200);
        try (Monitor monitor = Monitor.create()) {
            monitor.addAll(queries);
            for (int i = 0; i < 500; i++) {
                Mention m = post(r);
                for (QueryMatch match : monitor.match(m)) {
                    assertThat(match.terms()).as(match.query().query().text()).isNotEmpty();
                    for (MatchedTerm t : match.terms()) {
                        assertThat(m.text().substring(t.span().start(), t.span().end())).isEqualTo(t.text());
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a monitor built by single adds, replacements and removals through the delta and merges "
            + "answers like one built in bulk")
    void layersAgree() throws Exception {
        Random r = new Random(99);
        List<SavedQuery> queries = queries(r, 300);
        try (Monitor incremental = Monitor.builder().mergeThreshold(16).build(); Monitor bulk = Monitor.create()) {
            for (SavedQuery q : queries) {
                incremental.add(new SavedQuery(q.id(), q.owner(), q.watch(), queries.get(r.nextInt(queries.size())).query()));
                incremental.add(q);
                if (r.nextInt(5) == 0) {
                    incremental.remove(queries.get(r.nextInt(queries.size())).id());
                }
            }
            List<SavedQuery> kept = incremental.queries();
            assertThat(kept.size()).isLessThan(queries.size());
            bulk.addAll(kept);
            for (int i = 0; i < 400; i++) {
                Mention m = post(r);
                assertThat(actual(incremental, m)).isEqualTo(actual(bulk, m)).isEqualTo(expected(kept, m));
            }
            assertThat(incremental.mergeCount()).isPositive();
        }
    }

    @Test
    @DisplayName("the delta's token look-ups and the base's automaton agree, also on letters repeated three times or more")
    void deltaAndBaseAgree() {
        Random r = new Random(5);
        List<SavedQuery> queries = queries(r, 300);
        try (Monitor base = Monitor.create(); Monitor delta = Monitor.builder().mergeThreshold(Integer.MAX_VALUE).build()) {
            base.addAll(queries);
            queries.forEach(delta::add);
            assertThat(delta.mergeCount()).isZero();
            int matched = 0;
            for (int i = 0; i < 400; i++) {
                Mention m = post(r);
                StringBuilder stretched = new StringBuilder();
                for (char c : m.text().toCharArray()) {
                    stretched.append(c);
                    if (Character.isLetter(c) && r.nextInt(12) == 0) {
                        stretched.append(String.valueOf(c).repeat(2 + r.nextInt(3)));
                    }
                }
                Mention s = new Mention(stretched.toString(), m.platform(), m.authorHandle(), m.language(), m.url());
                List<QueryMatch> fromBase = base.match(s);
                assertThat(delta.match(s)).as(s.text()).isEqualTo(fromBase);
                matched += fromBase.size();
            }
            assertThat(matched).isGreaterThan(500);
            Mention loooove = Mention.text("Le sérviiiiice cliiient, TOOOOP");
            assertThat(delta.match(loooove)).isEqualTo(base.match(loooove));
        }
    }

    @Test
    @DisplayName("the naive evaluator's tokens agree with TextAnalysis")
    void sameTokens() {
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            String text = post(r).text();
            assertThat(NaiveEvaluator.tokens(text)).isEqualTo(io.cmkit.listening.query.TextAnalysis.tokens(text));
        }
        assertThat(new QueryNode.Term("x").kind()).isEqualTo(QueryNode.TermKind.WORD);
    }
}
