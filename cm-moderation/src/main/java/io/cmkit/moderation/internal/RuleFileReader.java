package io.cmkit.moderation.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.text.MatchMode;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Condition;
import io.cmkit.moderation.ReplyTemplate;
import io.cmkit.moderation.Rule;
import io.cmkit.moderation.RuleFileException;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.internal.YamlTree.Entry;
import io.cmkit.moderation.internal.YamlTree.Mapping;
import io.cmkit.moderation.internal.YamlTree.Node;
import io.cmkit.moderation.internal.YamlTree.Scalar;
import io.cmkit.moderation.internal.YamlTree.Sequence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a YAML rule file into a {@link RuleSet}, collecting every problem with its line and
 * column before failing once. The format is described in {@code docs/moderation.md}.
 */
public final class RuleFileReader {

    private static final Set<String> ROOT_KEYS = Set.of("rules", "templates");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "category", "priority", "when", "actions", "reply");
    private static final Set<String> CONDITION_KEYS = new TreeSet<>(List.of("category", "words", "phrases", "prefixes",
            "suffixes", "regex", "regex_original", "links", "account_age_below", "followers_below", "strikes_at_least",
            "verified", "flood", "duplicates", "caps_ratio", "emoji_ratio", "length", "language", "classifier",
            "reply_to_brand", "kind", "quotation", "all", "any", "not"));

    private final List<RuleFileException.Problem> problems = new ArrayList<>();
    private final Set<String> categories;
    private final Set<String> classifiers;

    private RuleFileReader(Set<String> categories, Set<String> classifiers) {
        this.categories = categories;
        this.classifiers = classifiers;
    }

    /**
     * @param classifiers the classifier names rules may use; null to accept any (the engine checks)
     * @throws RuleFileException with every problem
     */
    public static RuleSet read(String source, String yaml, Set<String> categories, Set<String> classifiers) {
        RuleFileReader r = new RuleFileReader(categories, classifiers);
        Optional<RuleSet> set = YamlTree.read(yaml, r.problems).flatMap(r::root);
        if (!r.problems.isEmpty() || set.isEmpty()) {
            List<RuleFileException.Problem> sorted = new ArrayList<>(r.problems);
            sorted.sort(Comparator.comparingInt(RuleFileException.Problem::line).thenComparingInt(RuleFileException.Problem::column));
            throw new RuleFileException(source, sorted);
        }
        return set.get();
    }

    private void problem(int line, int column, String path, String message) {
        problems.add(new RuleFileException.Problem(line, column, path, message));
    }

    private void problem(Node node, String message) {
        problem(node.line(), node.column(), node.path(), message);
    }

    private Optional<RuleSet> root(Node node) {
        if (!(node instanceof Mapping root)) {
            problem(node, "a rule file is a mapping with 'rules:' (and 'templates:')");
            return Optional.empty();
        }
        unknownKeys(root, ROOT_KEYS, "at the top of a rule file");
        Map<String, ReplyTemplate> templates = new LinkedHashMap<>();
        Entry t = root.entries().get("templates");
        if (t != null) {
            templates(t.value(), templates);
        }
        List<Rule> rules = new ArrayList<>();
        Entry r = root.entries().get("rules");
        if (r == null) {
            problem(root, "missing field 'rules'");
        } else if (r.value() instanceof Sequence seq) {
            Map<String, Node> ids = new HashMap<>();
            for (Node item : seq.items()) {
                rule(item, templates, ids).ifPresent(rules::add);
            }
        } else {
            problem(r.value(), "'rules' must be a list of rules");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleSet(rules, templates));
    }

    private void templates(Node node, Map<String, ReplyTemplate> templates) {
        if (!(node instanceof Mapping m)) {
            problem(node, "'templates' must map each template's name to its texts per language");
            return;
        }
        for (Entry e : m.entries().values()) {
            if (!(e.value() instanceof Mapping texts)) {
                problem(e.value(), "template '" + e.key() + "' must map languages (fr, en) to texts");
                continue;
            }
            Map<String, String> byLanguage = new LinkedHashMap<>();
            String fallback = null;
            for (Entry te : texts.entries().values()) {
                Optional<String> s = string(te.value());
                if (s.isEmpty()) {
                    continue;
                }
                if (te.key().equals("fallback")) {
                    fallback = s.get();
                } else if (!te.key().matches("[a-z]{2,3}")) {
                    problem(te.line(), te.column(), te.value().path(), "'" + te.key()
                            + "' is not a language code; write fr, en... or 'fallback'");
                } else {
                    byLanguage.put(te.key(), s.get());
                }
            }
            if (byLanguage.isEmpty()) {
                problem(texts, "template '" + e.key() + "' has no text");
                continue;
            }
            if (fallback == null) {
                fallback = byLanguage.containsKey("en") ? "en" : byLanguage.keySet().iterator().next();
            } else if (!byLanguage.containsKey(fallback)) {
                problem(texts.entries().get("fallback").value(), "fallback language '" + fallback + "' has no text in template '" + e.key() + "'");
                continue;
            }
            templates.put(e.key(), new ReplyTemplate(e.key(), byLanguage, fallback));
        }
    }

    private Optional<Rule> rule(Node node, Map<String, ReplyTemplate> templates, Map<String, Node> ids) {
        if (!(node instanceof Mapping m)) {
            problem(node, "a rule is a mapping with id, when and actions");
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(m, RULE_KEYS, "in a rule");
        String id = required(m, "id").flatMap(this::string).orElse(null);
        if (id != null && ids.containsKey(id)) {
            problem(m.entries().get("id").value(), "two rules are named '" + id + "' (first at line " + ids.get(id).line() + ")");
        } else if (id != null) {
            ids.put(id, m.entries().get("id").value());
        }
        String description = optional(m, "description").flatMap(this::string).orElse("");
        String category = optional(m, "category").flatMap(this::string).orElse("");
        int priority = optional(m, "priority").flatMap(n -> integer(n)).orElse(0);
        Condition when = required(m, "when").flatMap(this::conditionMap).orElse(null);
        List<Action> actions = new ArrayList<>();
        Optional<Node> actionsNode = required(m, "actions");
        actionsNode.ifPresent(a -> {
            for (Node item : items(a)) {
                string(item).ifPresent(s -> {
                    try {
                        actions.add(Action.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                    } catch (IllegalArgumentException e) {
                        problem(item, "unknown action '" + s + "'" + suggestion(s.toUpperCase(Locale.ROOT), names(Action.values()))
                                + "; actions are " + names(Action.values()));
                    }
                });
            }
            if (actions.isEmpty() && problems.size() == before) {
                problem(a, "a rule needs at least one action");
            }
        });
        Optional<String> reply = optional(m, "reply").flatMap(this::string);
        if (reply.isPresent() && !templates.containsKey(reply.get())) {
            problem(m.entries().get("reply").value(), "unknown reply template '" + reply.get() + "'"
                    + suggestion(reply.get(), templates.keySet()) + " (templates: " + templates.keySet() + ")");
        } else if (actions.contains(Action.REPLY) && reply.isEmpty()) {
            problem(actionsNode.get(), "the REPLY action needs 'reply: <template>'");
        }
        if (problems.size() > before || id == null || when == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, description, category, priority, when, actions, reply));
    }

    /** A mapping of conditions; several keys combine with all. */
    private Optional<Condition> conditionMap(Node node) {
        if (!(node instanceof Mapping m)) {
            problem(node, "a condition is a mapping such as 'category: insult' or 'any: [...]'");
            return Optional.empty();
        }
        if (m.entries().isEmpty()) {
            problem(node, "an empty condition; name at least one of " + CONDITION_KEYS);
            return Optional.empty();
        }
        List<Condition> all = new ArrayList<>();
        boolean ok = true;
        for (Entry e : m.entries().values()) {
            Optional<Condition> c = condition(e);
            if (c.isPresent()) {
                all.add(c.get());
            } else {
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(all.size() == 1 ? all.get(0) : new Condition.All(all));
    }

    private Optional<Condition> condition(Entry e) {
        Node v = e.value();
        switch (e.key()) {
            case "category" -> {
                Set<String> cats = new LinkedHashSet<>();
                boolean ok = true;
                for (Node item : items(v)) {
                    Optional<String> s = string(item);
                    if (s.isPresent() && !categories.contains(s.get())) {
                        problem(item, "unknown category '" + s.get() + "'" + suggestion(s.get(), categories)
                                + "; categories are " + new TreeSet<>(categories));
                        ok = false;
                    }
                    s.ifPresent(cats::add);
                }
                return ok && nonEmpty(v, cats) ? Optional.of(new Condition.Category(cats, 1)) : Optional.empty();
            }
            case "words", "phrases", "prefixes", "suffixes" -> {
                List<String> terms = new ArrayList<>();
                for (Node item : items(v)) {
                    string(item).ifPresent(s -> {
                        if (s.isBlank() || s.codePoints().noneMatch(Character::isLetterOrDigit) && s.codePoints().allMatch(Character::isWhitespace)) {
                            problem(item, "an empty word can never match");
                        } else {
                            terms.add(s);
                        }
                    });
                }
                MatchMode mode = switch (e.key()) {
                    case "prefixes" -> MatchMode.PREFIX;
                    case "suffixes" -> MatchMode.SUFFIX;
                    default -> MatchMode.WHOLE_WORD;
                };
                return nonEmpty(v, terms) ? Optional.of(new Condition.Words(terms, mode)) : Optional.empty();
            }
            case "regex", "regex_original" -> {
                return string(v).flatMap(s -> {
                    try {
                        Pattern.compile(s);
                        return Optional.of(new Condition.Regex(s, e.key().equals("regex")));
                    } catch (PatternSyntaxException x) {
                        problem(v, "invalid regex: " + x.getMessage());
                        return Optional.empty();
                    }
                });
            }
            case "links" -> {
                if (!(v instanceof Mapping m)) {
                    problem(v, "'links' is a mapping with at_least, allow and deny");
                    return Optional.empty();
                }
                unknownKeys(m, Set.of("at_least", "allow", "deny"), "in 'links'");
                int atLeast = optional(m, "at_least").flatMap(this::integer).orElse(0);
                Set<String> allow = domains(m, "allow");
                Set<String> deny = domains(m, "deny");
                if (atLeast == 0 && deny.isEmpty()) {
                    problem(v, "this links condition can never match: give 'at_least' (1 or more) or a 'deny' list");
                    return Optional.empty();
                }
                return Optional.of(new Condition.Links(atLeast, allow, deny));
            }
            case "account_age_below" -> {
                return duration(v).map(Condition.AccountAge::new);
            }
            case "followers_below" -> {
                return integer(v).flatMap(n -> {
                    if (n <= 0) {
                        problem(v, "'followers_below: " + n + "' can never match: no one has fewer than 0 followers");
                        return Optional.empty();
                    }
                    return Optional.of(new Condition.Followers(n));
                });
            }
            case "strikes_at_least" -> {
                return integer(v).map(Condition.Strikes::new);
            }
            case "verified" -> {
                return bool(v).map(Condition.Verified::new);
            }
            case "reply_to_brand" -> {
                return bool(v).map(Condition.ReplyToBrand::new);
            }
            case "quotation" -> {
                return bool(v).map(b -> b ? new Condition.Quotation() : new Condition.Not(new Condition.Quotation()));
            }
            case "flood" -> {
                if (!(v instanceof Mapping m)) {
                    problem(v, "'flood' is a mapping with count and within");
                    return Optional.empty();
                }
                unknownKeys(m, Set.of("count", "within"), "in 'flood'");
                Optional<Integer> count = required(m, "count").flatMap(this::positive);
                Optional<Duration> within = required(m, "within").flatMap(this::duration);
                return count.isPresent() && within.isPresent()
                        ? Optional.of(new Condition.Flood(count.get(), within.get())) : Optional.empty();
            }
            case "duplicates" -> {
                if (!(v instanceof Mapping m)) {
                    problem(v, "'duplicates' is a mapping with authors and within");
                    return Optional.empty();
                }
                unknownKeys(m, Set.of("authors", "within"), "in 'duplicates'");
                Optional<Integer> authors = required(m, "authors").flatMap(this::positive);
                Optional<Duration> within = required(m, "within").flatMap(this::duration);
                return authors.isPresent() && within.isPresent()
                        ? Optional.of(new Condition.Duplicates(authors.get(), within.get())) : Optional.empty();
            }
            case "caps_ratio" -> {
                if (v instanceof Mapping m) {
                    unknownKeys(m, Set.of("at_least", "min_letters"), "in 'caps_ratio'");
                    Optional<Double> r = required(m, "at_least").flatMap(this::ratio);
                    int min = optional(m, "min_letters").flatMap(this::integer).orElse(10);
                    return r.map(x -> new Condition.CapsRatio(x, min));
                }
                return ratio(v).map(x -> new Condition.CapsRatio(x, 10));
            }
            case "emoji_ratio" -> {
                return ratio(v).map(Condition.EmojiRatio::new);
            }
            case "length" -> {
                if (!(v instanceof Mapping m)) {
                    problem(v, "'length' is a mapping with min and/or max");
                    return Optional.empty();
                }
                unknownKeys(m, Set.of("min", "max"), "in 'length'");
                int min = optional(m, "min").flatMap(this::integer).orElse(0);
                int max = optional(m, "max").flatMap(this::integer).orElse(Integer.MAX_VALUE);
                if (min > max) {
                    problem(v, "this length condition can never match: min " + min + " is more than max " + max);
                    return Optional.empty();
                }
                return Optional.of(new Condition.Length(min, max));
            }
            case "language" -> {
                Set<String> langs = new LinkedHashSet<>();
                for (Node item : items(v)) {
                    string(item).ifPresent(s -> langs.add(s.strip().toLowerCase(Locale.ROOT)));
                }
                return nonEmpty(v, langs) ? Optional.of(new Condition.Language(langs)) : Optional.empty();
            }
            case "classifier" -> {
                if (!(v instanceof Mapping m)) {
                    problem(v, "'classifier' is a mapping with name and at_least");
                    return Optional.empty();
                }
                unknownKeys(m, Set.of("name", "at_least"), "in 'classifier'");
                Optional<String> name = required(m, "name").flatMap(this::string);
                if (name.isPresent() && classifiers != null && !classifiers.contains(name.get())) {
                    problem(m.entries().get("name").value(), "unknown classifier '" + name.get() + "'"
                            + suggestion(name.get(), classifiers) + "; classifiers are " + classifiers);
                    return Optional.empty();
                }
                Optional<Double> at = required(m, "at_least").flatMap(this::ratio);
                return name.isPresent() && at.isPresent()
                        ? Optional.of(new Condition.ClassifierScore(name.get(), at.get())) : Optional.empty();
            }
            case "kind" -> {
                Set<Interaction.Kind> kinds = EnumSet.noneOf(Interaction.Kind.class);
                for (Node item : items(v)) {
                    string(item).ifPresent(s -> {
                        try {
                            kinds.add(Interaction.Kind.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException x) {
                            problem(item, "unknown kind '" + s + "'; kinds are " + names(Interaction.Kind.values()));
                        }
                    });
                }
                return nonEmpty(v, kinds) ? Optional.of(new Condition.Kind(kinds)) : Optional.empty();
            }
            case "all", "any" -> {
                if (!(v instanceof Sequence seq)) {
                    problem(v, "'" + e.key() + "' is a list of conditions");
                    return Optional.empty();
                }
                if (seq.items().isEmpty()) {
                    problem(v, "'" + e.key() + ": []' " + (e.key().equals("any") ? "can never match" : "says nothing") + "; list conditions");
                    return Optional.empty();
                }
                List<Condition> cs = new ArrayList<>();
                boolean ok = true;
                for (Node item : seq.items()) {
                    Optional<Condition> c = conditionMap(item);
                    c.ifPresent(cs::add);
                    ok &= c.isPresent();
                }
                if (!ok) {
                    return Optional.empty();
                }
                return Optional.of(e.key().equals("all") ? new Condition.All(cs) : new Condition.Any(cs));
            }
            case "not" -> {
                return conditionMap(v).map(Condition.Not::new);
            }
            default -> {
                problem(e.line(), e.column(), v.path(), "unknown condition '" + e.key() + "'"
                        + suggestion(e.key(), CONDITION_KEYS) + "; conditions are " + CONDITION_KEYS);
                return Optional.empty();
            }
        }
    }

    private Set<String> domains(Mapping m, String key) {
        Set<String> out = new LinkedHashSet<>();
        optional(m, key).ifPresent(n -> {
            for (Node item : items(n)) {
                string(item).ifPresent(s -> out.add(io.cmkit.core.text.Domains.registrableDomain(s).orElse(s.strip().toLowerCase(Locale.ROOT))));
            }
        });
        return out;
    }

    private boolean nonEmpty(Node v, java.util.Collection<?> c) {
        if (c.isEmpty()) {
            problem(v, "an empty list can never match");
            return false;
        }
        return true;
    }

    private void unknownKeys(Mapping m, Set<String> known, String where) {
        for (Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                problem(e.line(), e.column(), e.value().path(), "unknown field '" + e.key() + "' " + where
                        + suggestion(e.key(), known) + "; fields are " + new TreeSet<>(known));
            }
        }
    }

    private Optional<Node> required(Mapping m, String key) {
        Entry e = m.entries().get(key);
        if (e == null) {
            problem(m, "missing field '" + key + "'");
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    private static Optional<Node> optional(Mapping m, String key) {
        return Optional.ofNullable(m.entries().get(key)).map(Entry::value);
    }

    private List<Node> items(Node n) {
        return n instanceof Sequence s ? s.items() : List.of(n);
    }

    private Optional<String> string(Node n) {
        if (n instanceof Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        problem(n, "wrong type: expected a text" + (n instanceof Scalar ? ", found nothing" : ", found a " + shape(n)));
        return Optional.empty();
    }

    private Optional<Integer> integer(Node n) {
        if (n instanceof Scalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
            try {
                return Optional.of(Integer.parseInt(s.text().strip()));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        problem(n, "wrong type: expected a whole number, found " + describe(n));
        return Optional.empty();
    }

    private Optional<Integer> positive(Node n) {
        return integer(n).flatMap(i -> {
            if (i < 1) {
                problem(n, "must be at least 1, or the condition can never match");
                return Optional.empty();
            }
            return Optional.of(i);
        });
    }

    private Optional<Double> ratio(Node n) {
        if (n instanceof Scalar s && (s.token() == JsonToken.VALUE_NUMBER_INT || s.token() == JsonToken.VALUE_NUMBER_FLOAT)) {
            double d = Double.parseDouble(s.text().strip());
            if (d < 0 || d > 1) {
                problem(n, "a ratio is between 0 and 1; " + s.text() + " can never match");
                return Optional.empty();
            }
            return Optional.of(d);
        }
        problem(n, "wrong type: expected a number between 0 and 1, found " + describe(n));
        return Optional.empty();
    }

    private Optional<Boolean> bool(Node n) {
        if (n instanceof Scalar s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
            return Optional.of(s.token() == JsonToken.VALUE_TRUE);
        }
        problem(n, "wrong type: expected true or false, found " + describe(n));
        return Optional.empty();
    }

    private Optional<Duration> duration(Node n) {
        if (n instanceof Scalar s && !s.isNull()) {
            Optional<Duration> d = Durations.parse(s.text());
            if (d.isPresent() && !d.get().isZero() && !d.get().isNegative()) {
                return d;
            }
        }
        problem(n, "wrong type: expected a duration such as 30s, 10m, 2h, 7d, found " + describe(n));
        return Optional.empty();
    }

    private static String describe(Node n) {
        return n instanceof Scalar s ? (s.isNull() ? "nothing" : "'" + s.text() + "'") : "a " + shape(n);
    }

    private static String shape(Node n) {
        return n instanceof Mapping ? "mapping" : n instanceof Sequence ? "list" : "text";
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name());
        }
        return out;
    }

    /** "; did you mean 'x'?" when one known word is close. */
    static String suggestion(String given, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
