package io.cmkit.moderation.tools.internal;

import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.lexicon.Lexicon;
import io.cmkit.moderation.lexicon.LexiconHit;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Runs the default moderation (lexicon categories, optionally a classifier) over labelled comments. */
public final class Evaluation {

    /** The systems measured. */
    public static final String LEXICON = "lexicon";
    public static final String CLASSIFIER = "classifier";
    public static final String EITHER = "lexicon OR classifier";

    /** Overall and per-group confusion of each system. */
    public record Report(Map<String, Confusion> overall, Map<String, Map<String, Confusion>> byGroup) {

        public Confusion get(String system) {
            return overall.get(system);
        }

        public void print(PrintStream out, String title) {
            out.println(title);
            for (Map.Entry<String, Confusion> e : overall.entrySet()) {
                out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), e.getValue().summary());
            }
            if (byGroup.isEmpty()) {
                return;
            }
            out.printf(Locale.ROOT, "  per group (flagged = share predicted positive)%n");
            out.printf(Locale.ROOT, "  %-22s %5s %6s", "group", "n", "pos");
            for (String s : overall.keySet()) {
                out.printf(Locale.ROOT, " | %-21s", s.length() > 21 ? s.substring(0, 21) : s);
            }
            out.println();
            for (Map.Entry<String, Map<String, Confusion>> g : byGroup.entrySet()) {
                Confusion any = g.getValue().values().iterator().next();
                out.printf(Locale.ROOT, "  %-22s %5d %6d", g.getKey(), any.total(), any.tp() + any.fn());
                for (String s : overall.keySet()) {
                    Confusion c = g.getValue().get(s);
                    out.printf(Locale.ROOT, " | flagged %5.1f%% F1 %.2f", 100 * c.positiveRate(), c.f1());
                }
                out.println();
            }
        }
    }

    private Evaluation() {
    }

    /**
     * Parses {@code insult,hate,identity+derogatory}: a comment is positive when the lexicon hits
     * any item; an item with {@code +} needs every one of its categories.
     */
    public static List<Set<String>> parseCategories(String spec) {
        List<Set<String>> out = new java.util.ArrayList<>();
        for (String item : spec.split(",")) {
            if (!item.isBlank()) {
                out.add(Set.copyOf(java.util.Arrays.asList(item.strip().split("\\+"))));
            }
        }
        return out;
    }

    /** Whether the categories hit satisfy any item. */
    public static boolean positive(Set<String> hit, List<Set<String>> anyOf) {
        for (Set<String> all : anyOf) {
            if (hit.containsAll(all)) {
                return true;
            }
        }
        return false;
    }

    public static Report run(List<Dataset.Example> examples, Lexicon lexicon, List<Set<String>> categories,
            Optional<Classifier> classifier, double threshold) {
        Map<String, Confusion> overall = new LinkedHashMap<>();
        Map<String, Map<String, Confusion>> byGroup = new TreeMap<>();
        Confusion zero = new Confusion(0, 0, 0, 0);
        for (Dataset.Example x : examples) {
            Set<String> hit = new java.util.HashSet<>();
            for (LexiconHit h : lexicon.scan(x.text())) {
                hit.add(h.category());
            }
            boolean lex = positive(hit, categories);
            Map<String, Boolean> predictions = new LinkedHashMap<>();
            predictions.put(LEXICON, lex);
            if (classifier.isPresent()) {
                boolean cls = classifier.get().score(x.text()) >= threshold;
                predictions.put(CLASSIFIER, cls);
                predictions.put(EITHER, lex || cls);
            }
            for (Map.Entry<String, Boolean> p : predictions.entrySet()) {
                overall.merge(p.getKey(), zero.plus(p.getValue(), x.positive()), Evaluation::sum);
                if (!x.group().isEmpty()) {
                    byGroup.computeIfAbsent(x.group(), k -> new LinkedHashMap<>())
                            .merge(p.getKey(), zero.plus(p.getValue(), x.positive()), Evaluation::sum);
                }
            }
        }
        return new Report(overall, byGroup);
    }

    private static Confusion sum(Confusion a, Confusion b) {
        return new Confusion(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
    }
}
