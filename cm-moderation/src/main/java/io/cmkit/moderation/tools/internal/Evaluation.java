package io.cmkit.moderation.tools.internal;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Condition;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.Rule;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.lexicon.Lexicon;
import io.cmkit.moderation.lexicon.LexiconHit;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the default moderation over labelled comments: the whole rules engine (the default rules,
 * the default lexicons and, when given, a classifier through a rule), and beside it the lexicon
 * categories alone, the classifier alone and "lexicon OR classifier".
 */
public final class Evaluation {

    /** The systems measured. */
    public static final String LEXICON = "lexicon";
    /** The default rules engine: positive when a rule acts (anything but APPROVE). */
    public static final String RULES = "rules";
    /** The name of the classifier in the engine, and of the rule that asks it. */
    public static final String MODEL = "model";
    public static final String CLASSIFIER = "classifier";
    public static final String EITHER = "lexicon OR classifier";

    /** How many decisions of the rules engine removed the comment: hidden, or deleted (or its author blocked). */
    public record Removals(int hidden, int deleted) {

        Removals plus(Decision d) {
            boolean deletes = d.has(Action.DELETE) || d.has(Action.BLOCK_AUTHOR);
            return new Removals(hidden + (d.has(Action.HIDE) && !deletes ? 1 : 0), deleted + (deletes ? 1 : 0));
        }
    }

    /** Overall and per-group confusion of each system, and the removals the rules engine decided. */
    public record Report(Map<String, Confusion> overall, Map<String, Map<String, Confusion>> byGroup,
                         Removals removals, Map<String, Removals> removalsByGroup) {

        public Confusion get(String system) {
            return overall.get(system);
        }

        public void print(PrintStream out, String title) {
            out.println(title);
            for (Map.Entry<String, Confusion> e : overall.entrySet()) {
                out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), e.getValue().summary());
            }
            out.printf(Locale.ROOT, "  rules removed %d (hidden %d, deleted or blocked %d); the other positives are flagged"
                    + " for review%n", removals.hidden() + removals.deleted(), removals.hidden(), removals.deleted());
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
                Removals r = removalsByGroup.getOrDefault(g.getKey(), new Removals(0, 0));
                out.printf(Locale.ROOT, " | rules hid %d, deleted %d", r.hidden(), r.deleted());
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

    /**
     * The default moderation engine: {@link RuleSet#defaults()} over {@code lexicon}, plus, with a
     * classifier, a rule {@code classifier} (priority 50, between insults and flooding) that FLAGs
     * a comment scoring at least {@code threshold}.
     */
    public static ModerationEngine defaultEngine(Lexicon lexicon, Optional<Classifier> classifier, double threshold,
            Clock clock) {
        RuleSet defaults = RuleSet.defaults();
        RuleSet rules = defaults;
        ModerationEngine.Builder b = ModerationEngine.builder().lexicon(lexicon).clock(clock);
        if (classifier.isPresent()) {
            RuleSet.Builder rb = RuleSet.builder();
            defaults.templates().values().forEach(rb::template);
            defaults.rules().forEach(rb::rule);
            rb.rule(Rule.builder("classifier").category("classifier").priority(50)
                    .description("The trained classifier's score is at or above its threshold.")
                    .when(new Condition.ClassifierScore(MODEL, threshold)).then(Action.FLAG).build());
            rules = rb.build();
            b.classifier(MODEL, classifier.get());
        }
        return b.rules(rules).build();
    }

    /**
     * Each row as a comment answering the brand's post, by an author of its own, an hour after the
     * previous row: rows are independent samples, so no flooding or duplicate window links them.
     */
    static Interaction interaction(int row, String text, RowClock clock) {
        clock.now = START.plus(Duration.ofHours(row));
        Author author = new Author("row" + row, "row" + row, Optional.empty(), Optional.empty(), OptionalLong.empty(), false);
        ThreadPosition thread = new ThreadPosition(Optional.of("post"), Optional.of("post"), 1, true);
        return new Interaction("row" + row, ACCOUNT, Interaction.Kind.COMMENT, author, text, clock.now, thread,
                Optional.empty(), Optional.empty());
    }

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Account ACCOUNT = new Account(Platform.MASTODON, "brand");

    /** The evaluation's clock, set to each row's time. */
    static final class RowClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static Report run(List<Dataset.Example> examples, Lexicon lexicon, List<Set<String>> categories,
            Optional<Classifier> classifier, double threshold) {
        Map<String, Confusion> overall = new LinkedHashMap<>();
        Map<String, Map<String, Confusion>> byGroup = new TreeMap<>();
        Removals removals = new Removals(0, 0);
        Map<String, Removals> removalsByGroup = new TreeMap<>();
        Confusion zero = new Confusion(0, 0, 0, 0);
        RowClock clock = new RowClock();
        ModerationEngine engine = defaultEngine(lexicon, classifier, threshold, clock);
        int row = 0;
        for (Dataset.Example x : examples) {
            Set<String> hit = new java.util.HashSet<>();
            for (LexiconHit h : lexicon.scan(x.text())) {
                hit.add(h.category());
            }
            boolean lex = positive(hit, categories);
            Map<String, Boolean> predictions = new LinkedHashMap<>();
            predictions.put(LEXICON, lex);
            Decision d = engine.decide(interaction(row++, x.text(), clock));
            predictions.put(RULES, d.actions().stream().anyMatch(a -> a != Action.APPROVE));
            removals = removals.plus(d);
            if (!x.group().isEmpty()) {
                removalsByGroup.merge(x.group(), new Removals(0, 0).plus(d),
                        (a, b) -> new Removals(a.hidden() + b.hidden(), a.deleted() + b.deleted()));
            }
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
        return new Report(overall, byGroup, removals, removalsByGroup);
    }

    private static Confusion sum(Confusion a, Confusion b) {
        return new Confusion(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
    }
}
