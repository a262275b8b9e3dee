package io.cmkit.core.strategy.internal;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Audience;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Persona;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostingCadence;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.internal.Values.BadValue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps a document tree onto a {@link Strategy}, reporting every problem it meets.
 *
 * <p>Each record is built from its mapping once all its fields could be read; a record whose
 * fields (or parts) had a problem is not built, since its constructor would only repeat it. The
 * rules that span several values (unique names, pillar shares adding up to 100, a cadence or a
 * target on a platform the brand has an account on) are checked here too, so that each
 * offender is reported rather than only the first; the records' own checks stay as the last
 * word, and what they throw is traced back to the YAML node of the field they name.
 */
final class StrategyMapper {

    /** The format version this reader understands. */
    static final int FORMAT_VERSION = 1;

    static final List<String> ROOT_KEYS = List.of("cmkit", "brand", "objectives", "audiences", "editorial_line");
    static final List<String> BRAND_KEYS = List.of("id", "name", "time_zone", "default_language", "accounts");
    static final List<String> ACCOUNT_KEYS = List.of("platform", "handle");
    static final List<String> OBJECTIVE_KEYS = List.of("id", "title", "targets");
    static final List<String> TARGET_KEYS = List.of("metric", "target", "direction", "period", "platform");
    static final List<String> AUDIENCE_KEYS =
            List.of("name", "weight", "age_ranges", "countries", "interests", "behaviours", "personas");
    static final List<String> PERSONA_KEYS =
            List.of("name", "profile", "problems", "expectations", "social_behaviour");
    static final List<String> EDITORIAL_KEYS =
            List.of("tone", "languages", "pillars", "hashtags", "banned_terms", "cadences");
    static final List<String> PILLAR_KEYS = List.of("name", "share", "description");
    static final List<String> CADENCE_KEYS = List.of("posts_per_week", "days", "times");

    /** Model field names whose YAML key is not simply their snake_case form. */
    private static final Map<String, String> RENAMED = Map.of("targetShare", "share");

    private static final Pattern FIELD_SEGMENT = Pattern.compile("(\\w+)(?:\\[(\\d+)])?");

    /** A value read from a node; {@code value} is null when it could not be read (already reported). */
    private record Located<T>(T value, Node node) {
    }

    /** A platform named by a cadence or a target, to check against the brand's accounts. */
    private record PlatformUse(Platform platform, String path, Mark mark, String what) {
    }

    private final Problems problems;
    private final List<PlatformUse> platformUses = new ArrayList<>();
    /** The platforms of the brand's accounts, even of accounts that have other problems. */
    private final Set<Platform> accountPlatforms = new LinkedHashSet<>();
    /** False when some account's platform could not be read, so the set above may lack one. */
    private boolean accountPlatformsComplete = true;

    StrategyMapper(Problems problems) {
        this.problems = problems;
    }

    /** The strategy, or empty when a problem kept it from being built (all reported). */
    Optional<Strategy> map(Node root) {
        if (!(root instanceof Node.Mapping mapping)) {
            problems.add(root, "a brand kit is a mapping of keys (" + String.join(", ", ROOT_KEYS)
                    + "), but the document is " + describe(root));
            return Optional.empty();
        }
        int before = problems.blocking();
        Fields f = new Fields(mapping, ROOT_KEYS);
        version(f);

        Optional<Node.Mapping> brandNode = f.required("brand").flatMap(this::mapping);
        Brand brand = brandNode.map(this::brand).orElse(null);
        boolean accountsKnown = brandNode.isPresent() && accountPlatformsComplete;

        List<Located<Objective>> objectives = list(f, "objectives", false, this::objective);
        unique(objectives, Objective::id, Objective::id, "objective id");
        List<Located<Audience>> audiences = list(f, "audiences", false, this::audience);
        unique(audiences, a -> a.name().toLowerCase(Locale.ROOT), Audience::name, "audience");
        EditorialLine line = f.required("editorial_line").flatMap(this::mapping).map(this::editorialLine).orElse(null);

        if (accountsKnown) {
            checkAccountsForPlatformUses();
        }
        if (problems.blocking() > before) {
            return Optional.empty();
        }
        return Optional.ofNullable(build(mapping, "Strategy",
                () -> new Strategy(brand, values(objectives), values(audiences), line)));
    }

    private void version(Fields f) {
        Optional<Node.Entry> entry = f.node.entry("cmkit");
        if (entry.isEmpty()) {
            problems.add("cmkit", f.node.mark(),
                    "missing required key 'cmkit', the format version; write 'cmkit: " + FORMAT_VERSION + "' first");
            return;
        }
        Node node = entry.get().value();
        Integer version = whole(node);
        if (version != null && version != FORMAT_VERSION) {
            problems.add(node, "unsupported format version " + version + "; this version of cmkit reads 'cmkit: "
                    + FORMAT_VERSION + "'");
        }
    }

    private Brand brand(Node.Mapping m) {
        int before = problems.blocking();
        Fields f = new Fields(m, BRAND_KEYS);
        String id = f.text("id");
        String name = f.text("name");
        ZoneId zone = f.required("time_zone").map(n -> parse(n, "a time zone", Values::zone)).orElse(null);
        Locale language = f.required("default_language")
                .map(n -> parse(n, "a language tag", Values::language)).orElse(null);
        List<Located<Account>> accounts = list(f, "accounts", false, this::account);
        unique(accounts, Account::key, Account::key, "account");
        if (problems.blocking() > before) {
            return null;
        }
        return build(m, "Brand", () -> new Brand(id, name, zone, language, values(accounts)));
    }

    private Account account(Node node) {
        if (!(node instanceof Node.Mapping)) {
            accountPlatformsComplete = false;
        }
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, ACCOUNT_KEYS);
            Platform platform = f.required("platform").map(n -> parse(n, "a platform", Platform::of)).orElse(null);
            if (platform == null) {
                accountPlatformsComplete = false;
            } else {
                accountPlatforms.add(platform);
            }
            String handle = f.text("handle");
            if (problems.blocking() > before) {
                return null;
            }
            return build(m, "Account", () -> new Account(platform, handle));
        }).orElse(null);
    }

    private Objective objective(Node node) {
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, OBJECTIVE_KEYS);
            String id = f.text("id");
            String title = f.text("title");
            List<Located<KpiTarget>> targets = list(f, "targets", true, this::target);
            if (problems.blocking() > before) {
                return null;
            }
            return build(m, "Objective", () -> new Objective(id, title, values(targets)));
        }).orElse(null);
    }

    private KpiTarget target(Node node) {
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, TARGET_KEYS);
            Metric metric = f.required("metric").map(n -> parse(n, "a metric", Metric::of)).orElse(null);
            Double target = f.required("target").map(this::number).orElse(null);
            KpiTarget.Direction direction = f.optional("direction")
                    .map(n -> parse(n, "a direction", Values::direction)).orElse(KpiTarget.Direction.AT_LEAST);
            DateRange period = f.required("period").map(n -> parse(n, "a period", DateRange::parse)).orElse(null);
            Optional<Node> platformNode = f.optional("platform");
            Platform platform = platformNode.map(n -> parse(n, "a platform", Platform::of)).orElse(null);
            if (platform != null) {
                Node n = platformNode.get();
                platformUses.add(new PlatformUse(platform, n.path(), n.mark(), "a target"));
            }
            if (problems.blocking() > before) {
                return null;
            }
            return build(m, "KpiTarget", () -> new KpiTarget(metric, target, direction, period,
                    Optional.ofNullable(platform)));
        }).orElse(null);
    }

    private Audience audience(Node node) {
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, AUDIENCE_KEYS);
            String name = f.text("name");
            Double weight = f.optional("weight").map(this::number).orElse(1.0);
            List<Located<AgeRange>> ages = list(f, "age_ranges", false, n -> parse(n, "an age range", AgeRange::parse));
            List<Located<String>> countries = list(f, "countries", false, n -> parse(n, "a country code", Values::country));
            List<Located<String>> interests = list(f, "interests", false, this::text);
            List<Located<String>> behaviours = list(f, "behaviours", false, this::text);
            List<Located<Persona>> personas = list(f, "personas", false, this::persona);
            unique(personas, Persona::name, Persona::name, "persona");
            if (problems.blocking() > before) {
                return null;
            }
            return build(m, "Audience", () -> new Audience(name, weight, values(ages),
                    new LinkedHashSet<>(values(countries)), new LinkedHashSet<>(values(interests)),
                    new LinkedHashSet<>(values(behaviours)), values(personas)));
        }).orElse(null);
    }

    private Persona persona(Node node) {
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, PERSONA_KEYS);
            String name = f.text("name");
            String profile = f.text("profile");
            List<Located<String>> struggles = list(f, "problems", false, this::text);
            List<Located<String>> expectations = list(f, "expectations", false, this::text);
            List<Located<String>> social = list(f, "social_behaviour", false, this::text);
            if (problems.blocking() > before) {
                return null;
            }
            return build(m, "Persona", () -> new Persona(name, profile, values(struggles), values(expectations),
                    values(social)));
        }).orElse(null);
    }

    private EditorialLine editorialLine(Node.Mapping m) {
        int before = problems.blocking();
        Fields f = new Fields(m, EDITORIAL_KEYS);
        String tone = f.text("tone");
        List<Located<Locale>> languages = list(f, "languages", true, n -> parse(n, "a language tag", Values::language));
        unique(languages, Locale::toLanguageTag, Locale::toLanguageTag, "language");

        int beforePillars = problems.blocking();
        List<Located<ContentPillar>> pillars = list(f, "pillars", true, this::pillar);
        unique(pillars, p -> p.name().toLowerCase(Locale.ROOT), ContentPillar::name, "pillar");
        if (problems.blocking() == beforePillars && !pillars.isEmpty()) {
            checkShares(f.node.entry("pillars").orElseThrow().value(), values(pillars));
        }

        List<Located<String>> hashtags = list(f, "hashtags", false, n -> parse(n, "a hashtag", Values::hashtag));
        unique(hashtags, h -> h.toLowerCase(Locale.ROOT), h -> h, "hashtag");
        List<Located<String>> banned = list(f, "banned_terms", false, this::text);
        List<PostingCadence> cadences = cadences(f);
        if (problems.blocking() > before) {
            return null;
        }
        return build(m, "EditorialLine", () -> new EditorialLine(tone, values(languages), values(pillars),
                values(hashtags), values(banned), cadences));
    }

    private void checkShares(Node pillarsNode, List<ContentPillar> pillars) {
        double total = pillars.stream().mapToDouble(ContentPillar::targetShare).sum();
        if (Math.abs(total - 100.0) > EditorialLine.SHARE_TOLERANCE) {
            String terms = pillars.stream().map(p -> number(p.targetShare())).collect(Collectors.joining(" + "));
            problems.add(pillarsNode, "pillar shares must add up to 100% (got " + terms + " = " + number(total) + "%)");
        }
    }

    private ContentPillar pillar(Node node) {
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, PILLAR_KEYS);
            String name = f.text("name");
            Double share = f.required("share").map(this::number).orElse(null);
            String description = f.optional("description").map(this::text).orElse("");
            if (problems.blocking() > before) {
                return null;
            }
            return build(m, "ContentPillar", () -> new ContentPillar(name, share, description));
        }).orElse(null);
    }

    private List<PostingCadence> cadences(Fields f) {
        Optional<Node.Mapping> node = f.optional("cadences").flatMap(this::mapping);
        if (node.isEmpty()) {
            return List.of();
        }
        List<PostingCadence> cadences = new ArrayList<>();
        Map<Platform, Node.Entry> seen = new HashMap<>();
        for (Node.Entry entry : node.get().entries()) {
            String path = entry.value().path();
            Platform platform = null;
            try {
                platform = Platform.of(entry.key());
            } catch (InvalidModelException e) {
                problems.add(path, entry.keyMark(), "platform id " + e.problem());
            }
            if (platform != null) {
                Node.Entry first = seen.putIfAbsent(platform, entry);
                if (first != null) {
                    problems.add(path, entry.keyMark(), "duplicates the cadence for " + platform.displayName()
                            + " (first at line " + first.keyMark().line() + ")");
                } else {
                    platformUses.add(new PlatformUse(platform, path, entry.keyMark(), "a cadence"));
                }
            }
            PostingCadence cadence = cadence(entry.value(), platform);
            if (cadence != null) {
                cadences.add(cadence);
            }
        }
        return cadences;
    }

    private PostingCadence cadence(Node node, Platform platform) {
        return mapping(node).map(m -> {
            int before = problems.blocking();
            Fields f = new Fields(m, CADENCE_KEYS);
            Integer perWeek = f.required("posts_per_week").map(this::whole).orElse(null);
            List<Located<DayOfWeek>> days = list(f, "days", false, n -> parse(n, "a weekday", Values::weekday));
            List<Located<LocalTime>> times = list(f, "times", false, n -> parse(n, "a time", Values::time));
            if (problems.blocking() > before || platform == null) {
                return null;
            }
            Set<DayOfWeek> daySet = days.isEmpty() ? Set.of() : EnumSet.copyOf(values(days));
            return build(m, "PostingCadence", () -> new PostingCadence(platform, perWeek, daySet, values(times)));
        }).orElse(null);
    }

    /** Every cadence and every platform-bound target must be on a platform the brand has an account on. */
    private void checkAccountsForPlatformUses() {
        List<String> ids = accountPlatforms.stream().map(Platform::id).toList();
        for (PlatformUse use : platformUses) {
            if (!accountPlatforms.contains(use.platform())) {
                String name = use.platform().displayName();
                String hint = Suggestions.didYouMean(use.platform().id(), ids);
                problems.add(use.path(), use.mark(), use.what() + " for " + name + ", but the brand has no "
                        + name + " account" + (hint.isEmpty() ? "; add one under brand.accounts" : hint));
            }
        }
    }

    // ---- reading values

    /** The keys of one mapping; reports unknown keys when made. */
    private final class Fields {
        final Node.Mapping node;

        Fields(Node.Mapping node, List<String> known) {
            this.node = node;
            for (Node.Entry entry : node.entries()) {
                if (!known.contains(entry.key())) {
                    String hint = Suggestions.didYouMean(entry.key(), known);
                    problems.note(Node.child(node.path(), entry.key()), entry.keyMark(), "unknown key '" + entry.key()
                            + "'" + (hint.isEmpty() ? "; expected one of: " + String.join(", ", known) : hint));
                }
            }
        }

        /** The value of a key; empty when the key is absent or has no value. */
        Optional<Node> optional(String key) {
            return node.entry(key).map(Node.Entry::value)
                    .filter(v -> !(v instanceof Node.Scalar s && s.isEmpty()));
        }

        /** The value of a key, which may be empty; a missing key is reported at the mapping. */
        Optional<Node> required(String key) {
            Optional<Node.Entry> entry = node.entry(key);
            if (entry.isEmpty()) {
                problems.add(Node.child(node.path(), key), node.mark(), "missing required key '" + key + "'");
            }
            return entry.map(Node.Entry::value);
        }

        /** A required, non-blank text. */
        String text(String key) {
            return required(key).map(StrategyMapper.this::text).orElse(null);
        }
    }

    /**
     * The items of a list under {@code key}, each read by {@code item}. An absent optional list is
     * empty; a required one that is absent or empty is reported.
     */
    private <T> List<Located<T>> list(Fields f, String key, boolean required, Function<Node, T> item) {
        Optional<Node> node = required ? f.required(key) : f.optional(key);
        if (node.isEmpty()) {
            return List.of();
        }
        Node n = node.get();
        if (n instanceof Node.Sequence sequence) {
            if (required && sequence.items().isEmpty()) {
                problems.add(n, "must not be empty");
            }
            List<Located<T>> out = new ArrayList<>(sequence.items().size());
            for (Node element : sequence.items()) {
                out.add(new Located<>(item.apply(element), element));
            }
            return out;
        }
        if (n instanceof Node.Scalar s && s.isEmpty()) {
            problems.add(n, "must not be empty");
        } else if (n instanceof Node.Scalar) {
            problems.add(n, "expected a list, got " + describe(n) + "; write [" + ((Node.Scalar) n).text()
                    + "] for a list of one");
        } else if (!(n instanceof Node.Broken)) {
            problems.add(n, "expected a list, got " + describe(n));
        }
        return List.of();
    }

    private Optional<Node.Mapping> mapping(Node node) {
        if (node instanceof Node.Mapping m) {
            return Optional.of(m);
        }
        if (!(node instanceof Node.Broken)) {
            problems.add(node, "expected a mapping of keys, got " + describe(node));
        }
        return Optional.empty();
    }

    /** A non-blank text, stripped; any scalar counts, so {@code NO} or {@code 2026} stay text. */
    private String text(Node node) {
        if (node instanceof Node.Scalar s) {
            if (s.isEmpty() || s.text().isBlank()) {
                problems.add(node, "must not be blank");
                return null;
            }
            return s.text().strip();
        }
        if (!(node instanceof Node.Broken)) {
            problems.add(node, "expected a text, got " + describe(node));
        }
        return null;
    }

    private Double number(Node node) {
        if (node instanceof Node.Scalar s) {
            if (s.number() != null) {
                if (s.number().isNaN() || s.number().isInfinite()) {
                    problems.add(node, "expected a finite number, got '" + s.text() + "'");
                    return null;
                }
                return s.number();
            }
            String text = s.text().strip();
            if (text.endsWith("%") && text.length() > 1 && s.kind() == Node.Kind.STRING
                    && text.substring(0, text.length() - 1).strip().matches("[-+]?\\d+(\\.\\d+)?")) {
                problems.add(node, "expected a number, got '" + s.text() + "'; write percentages without '%' ("
                        + text.substring(0, text.length() - 1).strip() + ")");
                return null;
            }
        }
        if (!(node instanceof Node.Broken)) {
            problems.add(node, "expected a number, got " + describe(node));
        }
        return null;
    }

    private Integer whole(Node node) {
        Double value = number(node);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > 1_000_000_000) {
            problems.add(node, "expected a whole number, got '" + ((Node.Scalar) node).text() + "'");
            return null;
        }
        return value.intValue();
    }

    /** Reads a scalar with a parser of the model or of {@link Values}; reports what they reject. */
    private <T> T parse(Node node, String what, Function<String, T> parser) {
        if (node instanceof Node.Mapping || node instanceof Node.Sequence) {
            problems.add(node, "expected " + what + ", got " + describe(node));
            return null;
        }
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (BadValue e) {
            problems.add(node, e.getMessage());
        } catch (InvalidModelException e) {
            // The model's parsers name their input "text" or "id"; any other field is a part of it.
            String field = e.field();
            problems.add(node, field.equals("text") || field.equals("id") ? e.problem() : field + " " + e.problem());
        }
        return null;
    }

    // ---- rules across values, and the records' own rules

    /** Reports every item whose key repeats an earlier one's. */
    private <T, K> void unique(List<Located<T>> items, Function<T, K> key, Function<T, String> label, String what) {
        Map<K, Node> first = new HashMap<>();
        for (Located<T> item : items) {
            if (item.value() == null) {
                continue;
            }
            Node earlier = first.putIfAbsent(key.apply(item.value()), item.node());
            if (earlier != null) {
                problems.add(item.node(), "duplicates " + what + " '" + label.apply(item.value())
                        + "' (first at line " + earlier.mark().line() + ")");
            }
        }
    }

    /** Builds a record; a broken invariant is reported at the node of the field it names. */
    private <T> T build(Node node, String recordType, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidModelException e) {
            if (!e.recordType().equals(recordType)) {
                problems.add(node, e.getMessage());
            } else {
                locate(e, node);
            }
            return null;
        }
    }

    /**
     * Follows a model field path ({@code editorialLine.cadences[2]}) down from a record's node,
     * translating field names to keys; stops at the deepest node that exists.
     */
    private void locate(InvalidModelException e, Node recordNode) {
        Node at = recordNode;
        String path = recordNode.path();
        boolean found = true;
        for (String segment : e.field().split("\\.")) {
            Matcher m = FIELD_SEGMENT.matcher(segment);
            String key = m.matches() ? yamlKey(m.group(1)) : segment;
            Integer index = m.matches() && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
            Node next = found && at instanceof Node.Mapping map
                    ? map.entry(key).map(Node.Entry::value).orElse(null) : null;
            if (next == null) {
                found = false;
                path = Node.child(path, key);
            } else {
                at = next;
                path = next.path();
            }
            if (index != null) {
                Node item = found ? item(at, index) : null;
                if (item == null) {
                    found = false;
                    path = Node.item(path, index);
                } else {
                    at = item;
                    path = item.path();
                }
            }
        }
        problems.add(path, at.mark(), e.problem());
    }

    private static Node item(Node node, int index) {
        if (node instanceof Node.Sequence s && index < s.items().size()) {
            return s.items().get(index);
        }
        if (node instanceof Node.Mapping m && index < m.entries().size()) {
            return m.entries().get(index).value();
        }
        return null;
    }

    /** {@code defaultLanguage} -> {@code default_language}, except the few keys named otherwise. */
    static String yamlKey(String field) {
        String renamed = RENAMED.get(field);
        if (renamed != null) {
            return renamed;
        }
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> values(List<Located<T>> items) {
        return items.stream().map(Located::value).toList();
    }

    private static String describe(Node node) {
        if (node instanceof Node.Mapping) {
            return "a mapping";
        }
        if (node instanceof Node.Sequence) {
            return "a list";
        }
        if (node instanceof Node.Scalar s) {
            if (s.isEmpty()) {
                return "nothing";
            }
            String text = s.text().length() > 40 ? s.text().substring(0, 40) + "..." : s.text();
            return "'" + text + "'";
        }
        return "an alias";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
