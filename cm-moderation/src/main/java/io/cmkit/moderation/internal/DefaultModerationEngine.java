package io.cmkit.moderation.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.text.Domains;
import io.cmkit.core.text.Match;
import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.NormalizedText;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.core.text.Span;
import io.cmkit.core.text.TextNormalizer;
import io.cmkit.core.text.Token;
import io.cmkit.core.text.TokenType;
import io.cmkit.core.text.Tokenizer;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Adjustment;
import io.cmkit.moderation.Condition;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.Evidence;
import io.cmkit.moderation.ModerationConfig;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.ReplyTemplate;
import io.cmkit.moderation.Rule;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.StrikeCounter;
import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.lexicon.CompiledLexicon;
import io.cmkit.moderation.lexicon.Lexicon;
import io.cmkit.moderation.lexicon.LexiconHit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engine: rules compiled once into a tree of tests over per-comment features that are
 * computed lazily and at most once (one normalisation, one scan of every word list through a
 * single {@link PatternMatcher}, one lexicon scan, one tokenisation).
 */
public final class DefaultModerationEngine implements ModerationEngine {

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING);
    private static final int MAX_REGEX_EVIDENCE = 10;

    private final RuleSet rules;
    private final Optional<Lexicon> lexicon;
    private final Map<String, Classifier> classifiers;
    private final Clock clock;
    private final ModerationConfig config;
    private final StrikeCounter strikes;
    private final Optional<String> brandName;
    private final List<Compiled> ordered;
    /** The positions in {@link #ordered} of the rules that require no word list: tried for every comment. */
    private final int[] alwaysTried;
    /** For each word list, the position in {@link #ordered} of the rule that requires it, or -1. */
    private final int[] requiredBy;
    /** The position of the first rule that requires a word list ({@link Integer#MAX_VALUE} if none). */
    private final int firstWithWords;
    private final PatternMatcher<Integer> words;
    private final int wordConditions;
    private final TrafficWindows windows;
    private final boolean needsDuplicates;
    /** One bit for each of the lexicon's categories (at most 63 of them; none when it has more). */
    private final Map<String, Long> categoryBits;

    /**
     * A compiled rule; {@code words} is the index of a word list the rule cannot hold without (a
     * top-level words condition, alone or in an "all"), or -1: the rule is skipped without
     * evaluating anything when that list has no match.
     */
    private record Compiled(Rule rule, Test test, int words) {
    }

    /** A compiled condition. */
    private interface Test {
        boolean test(Features f, List<Evidence> out);
    }

    public DefaultModerationEngine(RuleSet rules, Optional<Lexicon> lexicon, Map<String, Classifier> classifiers,
                                   Clock clock, ModerationConfig config, StrikeCounter strikes, Optional<String> brandName) {
        this.rules = rules;
        this.lexicon = lexicon;
        this.classifiers = classifiers;
        this.clock = clock;
        this.config = config;
        this.strikes = strikes;
        this.brandName = brandName;
        this.categoryBits = categoryBits(lexicon);
        Compiler compiler = new Compiler();
        List<Rule> sorted = new ArrayList<>(rules.rules());
        sorted.sort(Comparator.comparingInt(Rule::priority).reversed());
        List<Compiled> compiled = new ArrayList<>();
        for (Rule rule : sorted) {
            int firstWords = compiler.wordIndex;
            compiled.add(new Compiled(rule, compiler.compile(rule.id(), rule.when()), requiredWords(rule.when(), firstWords)));
        }
        if (!compiler.errors.isEmpty()) {
            throw new IllegalArgumentException("the rules cannot run here:\n  " + String.join("\n  ", compiler.errors));
        }
        this.ordered = List.copyOf(compiled);
        this.wordConditions = compiler.wordIndex;
        this.requiredBy = new int[wordConditions];
        java.util.Arrays.fill(requiredBy, -1);
        int unconditional = 0;
        for (int k = 0; k < compiled.size(); k++) {
            if (compiled.get(k).words >= 0) {
                requiredBy[compiled.get(k).words] = k;
            } else {
                unconditional++;
            }
        }
        int first = Integer.MAX_VALUE;
        for (int k = compiled.size() - 1; k >= 0; k--) {
            if (compiled.get(k).words >= 0) {
                first = k;
            }
        }
        this.firstWithWords = first;
        this.alwaysTried = new int[unconditional];
        for (int k = 0, u = 0; k < compiled.size(); k++) {
            if (compiled.get(k).words < 0) {
                alwaysTried[u++] = k;
            }
        }
        this.words = compiler.wordIndex == 0 ? null : compiler.matcher.build();
        this.windows = compiler.longestWindow.isZero() ? null : new TrafficWindows(compiler.longestWindow);
        this.needsDuplicates = compiler.duplicates;
    }

    @Override
    public RuleSet rules() {
        return rules;
    }

    @Override
    public ModerationConfig config() {
        return config;
    }

    @Override
    public StrikeCounter strikes() {
        return strikes;
    }

    @Override
    public Decision decide(Interaction interaction) {
        return decide(interaction, false);
    }

    /**
     * {@link #decide} without its shortcuts: every rule's test runs, in order, until one holds, and a
     * category test counts the hits even when none is in its categories. The tests' reference for
     * the shortcuts (a rule skipped or cut short must be one whose test would fail).
     */
    Decision decideTryingEveryRule(Interaction interaction) {
        return decide(interaction, true);
    }

    private Decision decide(Interaction interaction, boolean everyRule) {
        Instant now = clock.instant();
        Features f = new Features(interaction, now, !everyRule);
        if (windows != null) {
            windows.record(f.authorKey, needsDuplicates ? f.duplicateKey() : "", needsDuplicates ? f.duplicateHash() : 0, now);
        }
        List<Evidence> evidence = new ArrayList<>(4);
        Compiled holding = everyRule ? firstHoldingOfEvery(f, evidence) : firstHolding(f, evidence);
        if (holding != null) {
            return decision(holding.rule, f, evidence, now);
        }
        return new Decision(interaction.key(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty(), config.dryRun(), now);
    }

    /**
     * The first rule, in order, that holds ({@code evidence} then holds its evidence), or null. A rule
     * whose required word list has no match cannot hold and is not visited at all: the rules without
     * one are merged, by position, with the rules whose list matched (known once the first rule with a
     * list is reached: the word scan runs no earlier).
     */
    private Compiled firstHolding(Features f, List<Evidence> evidence) {
        int[] always = alwaysTried;
        int[] matched = null;
        int a = 0;
        int m = 0;
        while (true) {
            int next = a < always.length ? always[a] : Integer.MAX_VALUE;
            if (matched == null && firstWithWords < next) {
                matched = matchedRules(f);
            }
            int fromWords = matched != null && m < matched.length ? matched[m] : Integer.MAX_VALUE;
            int k;
            if (next < fromWords) {
                k = next;
                a++;
            } else if (fromWords != Integer.MAX_VALUE) {
                k = fromWords;
                m++;
            } else {
                return null;
            }
            Compiled c = ordered.get(k);
            evidence.clear();
            if (c.test.test(f, evidence)) {
                return c;
            }
        }
    }

    /** The first rule, in order, that holds, trying every rule's test. */
    private Compiled firstHoldingOfEvery(Features f, List<Evidence> evidence) {
        for (Compiled c : ordered) {
            evidence.clear();
            if (c.test.test(f, evidence)) {
                return c;
            }
        }
        return null;
    }

    private static Map<String, Long> categoryBits(Optional<Lexicon> lexicon) {
        if (lexicon.isEmpty() || lexicon.get().categories().size() > 63) {
            return Map.of();
        }
        Map<String, Long> bits = new HashMap<>();
        for (String category : new java.util.TreeSet<>(lexicon.get().categories())) {
            bits.put(category, 1L << bits.size());
        }
        return Map.copyOf(bits);
    }

    /** The positions, in order, of the rules whose required word list matched {@code f}. */
    private int[] matchedRules(Features f) {
        int[] lists = f.matchedLists();
        int n = 0;
        int[] out = new int[lists.length];
        for (int list : lists) {
            int k = requiredBy[list];
            if (k >= 0) {
                out[n++] = k;
            }
        }
        java.util.Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : java.util.Arrays.copyOf(out, distinct);
    }

    /**
     * The index of the word list {@code when} requires, numbered from {@code first} in the order the
     * compiler numbers them (depth first, children in order); -1 if it requires none at the top level.
     */
    private static int requiredWords(Condition when, int first) {
        if (when instanceof Condition.Words) {
            return first;
        }
        if (when instanceof Condition.All all) {
            int index = first;
            for (Condition child : all.conditions()) {
                if (child instanceof Condition.Words) {
                    return index;
                }
                index += wordLists(child);
            }
        }
        return -1;
    }

    /** How many word lists the compiler numbers inside {@code c}. */
    private static int wordLists(Condition c) {
        if (c instanceof Condition.Words) {
            return 1;
        }
        if (c instanceof Condition.All all) {
            return all.conditions().stream().mapToInt(DefaultModerationEngine::wordLists).sum();
        }
        if (c instanceof Condition.Any any) {
            return any.conditions().stream().mapToInt(DefaultModerationEngine::wordLists).sum();
        }
        if (c instanceof Condition.Not not) {
            return wordLists(not.condition());
        }
        return 0;
    }

    private Decision decision(Rule rule, Features f, List<Evidence> evidence, Instant now) {
        List<Action> actions = new ArrayList<>(rule.actions());
        List<Adjustment> adjustments = new ArrayList<>();
        if (config.counterSpeechSafety() && !config.safetyExemptCategories().contains(rule.category())) {
            safety(f, evidence, actions, adjustments);
        }
        Optional<String> reply = Optional.empty();
        if (actions.contains(Action.REPLY)) {
            ReplyTemplate template = rules.templates().get(rule.reply().orElseThrow());
            Locale language = f.language().orElse(Locale.forLanguageTag(template.fallback()));
            Interaction i = f.interaction;
            reply = Optional.of(template.render(language, i.author().handle(),
                    brandName.orElse(i.account().handle()), i.platform().displayName()));
        }
        if (!config.dryRun() && (actions.contains(Action.HIDE) || actions.contains(Action.DELETE)
                || actions.contains(Action.BLOCK_AUTHOR))) {
            strikes.strike(f.authorKey);
        }
        return new Decision(f.interaction.key(), Optional.of(rule.id()), Optional.of(rule.category()), rule.actions(),
                actions, evidence, adjustments, reply, config.dryRun(), now);
    }

    /** Downgrades removals to review when a matched span is quoted, reported or negated. */
    private static void safety(Features f, List<Evidence> evidence, List<Action> actions, List<Adjustment> adjustments) {
        boolean removes = actions.contains(Action.HIDE) || actions.contains(Action.DELETE) || actions.contains(Action.BLOCK_AUTHOR);
        if (!removes) {
            return;
        }
        Evidence cued = null;
        for (Evidence e : evidence) {
            if (e.kind() != Evidence.Kind.LINK && e.span().isPresent()
                    && CounterSpeech.cued(f.text, e.span().get().start(), e.span().get().end())) {
                cued = e;
                break;
            }
        }
        if (cued == null) {
            return;
        }
        String why = "\"" + cued.text() + "\" is quoted, reported or negated: counter-speech goes to review";
        for (Action a : List.of(Action.DELETE, Action.HIDE, Action.BLOCK_AUTHOR)) {
            if (actions.remove(a)) {
                adjustments.add(new Adjustment(Adjustment.Kind.SAFETY, a, Optional.of(Action.FLAG), why));
            }
        }
        if (!actions.contains(Action.FLAG)) {
            actions.add(Action.FLAG);
        }
    }

    /**
     * The first place from {@code from} on where the tokenizer could read a link: {@code ://}, or a
     * dot followed by a host character (a letter, a digit or {@code -}); -1 if there is none.
     */
    static int nextLinkCue(String t, int from) {
        int scheme = t.indexOf("://", from);
        int n = scheme < 0 ? t.length() : scheme;
        for (int i = t.indexOf('.', from); i >= 0 && i + 1 < n; i = t.indexOf('.', i + 1)) {
            int c = t.codePointAt(i + 1);
            if (c == '-' || Character.isLetterOrDigit(c)) {
                return i;
            }
        }
        return scheme;
    }

    /**
     * The URL tokens of {@code text}, tokenising only the blank-delimited chunks that hold a link
     * cue: no token holds a blank and the tokenizer starts afresh after each (looking no further
     * than the next), so a chunk alone reads as it does in the whole text; and every link holds a
     * cue, so no other chunk holds one.
     */
    static List<Token> urls(String text) {
        List<Token> out = null;
        int n = text.length();
        for (int cue = nextLinkCue(text, 0); cue >= 0; ) {
            int from = cue;
            while (from > 0 && !blank(text.charAt(from - 1))) {
                from--;
            }
            int to = cue;
            while (to < n && !blank(text.charAt(to))) {
                to++;
            }
            for (Token t : Tokenizer.standard().tokenize(from == 0 && to == n ? text : text.substring(from, to))) {
                if (t.type() == TokenType.URL) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(from == 0 ? t : new Token(TokenType.URL, t.text(), t.start() + from, t.end() + from));
                }
            }
            cue = to < n ? nextLinkCue(text, to) : -1;
        }
        return out == null ? List.of() : out;
    }

    /** What the tokenizer skips between tokens (surrogates are neither, so chars will do). */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** What the conditions look at, each computed at most once per comment. */
    private final class Features {
        final Interaction interaction;
        final String text;
        final Instant now;
        final String authorKey;
        private NormalizedText normalized;
        private String duplicateKey;
        private long duplicateHash;
        private boolean hashed;
        /** Every match of the rules' word lists (null until scanned); each match's payload is its list's index. */
        private List<Match<Integer>> wordMatches;
        private List<LexiconHit> hits;
        private long hitCategories;
        private boolean hitCategoriesKnown;
        private List<Token> tokens;
        private Optional<Locale> language;
        private Map<String, Double> scores;
        private int letters = -1;
        private int capitals;
        private List<Token> urls;
        private List<String> domains;

        /** Whether tests may take their shortcuts (false for the tests' reference path). */
        final boolean shortcuts;

        Features(Interaction interaction, Instant now, boolean shortcuts) {
            this.interaction = interaction;
            this.shortcuts = shortcuts;
            this.text = interaction.text();
            this.now = now;
            this.authorKey = interaction.platform().id() + ":" + interaction.author().id();
        }

        NormalizedText normalized() {
            if (normalized == null) {
                normalized = NORMALIZER.normalize(text);
            }
            return normalized;
        }

        /** The normalised text without surrounding blanks: what duplicates compare (one string, so its hash is computed once). */
        String duplicateKey() {
            if (duplicateKey == null) {
                duplicateKey = normalized().text().strip();
            }
            return duplicateKey;
        }

        long duplicateHash() {
            if (!hashed) {
                duplicateHash = TrafficWindows.hash(duplicateKey());
                hashed = true;
            }
            return duplicateHash;
        }

        private List<Match<Integer>> wordMatches() {
            if (wordMatches == null) {
                wordMatches = words.findAll(normalized());
            }
            return wordMatches;
        }

        /** The matches of word list {@code index}, in the order the matcher found them. */
        List<Match<Integer>> words(int index) {
            List<Match<Integer>> l = null;
            for (Match<Integer> m : wordMatches()) {
                if (m.payload() == index) {
                    if (l == null) {
                        l = new ArrayList<>(2);
                    }
                    l.add(m);
                }
            }
            return l == null ? List.of() : l;
        }

        /** The index of the word list of every match (a list may repeat). */
        int[] matchedLists() {
            List<Match<Integer>> all = wordMatches();
            int[] out = new int[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i).payload();
            }
            return out;
        }

        List<LexiconHit> hits() {
            if (hits == null) {
                Lexicon l = lexicon.orElseThrow();
                // The shipped lexicon shares this comment's normalisation and asks for the language only when an
                // allow-list entry overlaps a hit.
                hits = l instanceof CompiledLexicon compiled ? compiled.scan(normalized(), this::language)
                        : l.scan(text, language());
            }
            return hits;
        }

        /** One bit per category of the hits (see {@link #categoryBits}): which categories were hit at all. */
        long hitCategories() {
            if (!hitCategoriesKnown) {
                long mask = 0;
                for (LexiconHit h : hits()) {
                    mask |= categoryBits.getOrDefault(h.category(), -1L); // a category without a bit: every bit
                }
                hitCategories = mask;
                hitCategoriesKnown = true;
            }
            return hitCategories;
        }

        /** Counts letters and capitals once, for every caps-ratio condition. */
        private void countLetters() {
            if (letters >= 0) {
                return;
            }
            int all = 0;
            int caps = 0;
            String t = text;
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                if (cp < 0x80) {
                    // ASCII without the Unicode tables: the same answer as Character.isLetter and isUpperCase
                    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                        all++;
                        if (cp <= 'Z') {
                            caps++;
                        }
                    }
                    i++;
                    continue;
                }
                if (Character.isLetter(cp)) {
                    all++;
                    if (Character.isUpperCase(cp)) {
                        caps++;
                    }
                }
                i += Character.charCount(cp);
            }
            letters = all;
            capitals = caps;
        }

        int letters() {
            countLetters();
            return letters;
        }

        int capitals() {
            countLetters();
            return capitals;
        }

        /** The URL tokens, tokenising only the words that may hold one. */
        List<Token> urls() {
            if (urls == null) {
                urls = DefaultModerationEngine.urls(text);
            }
            return urls;
        }

        /** The domain of each URL token, in order: its registrable domain, else its host, else "". */
        List<String> domains() {
            if (domains == null) {
                List<String> d = new ArrayList<>(urls().size());
                for (Token t : urls()) {
                    d.add(Domains.registrableDomain(t.text()).or(() -> Domains.host(t.text())).orElse(""));
                }
                domains = d;
            }
            return domains;
        }

        List<Token> tokens() {
            if (tokens == null) {
                tokens = Tokenizer.standard().tokenize(text);
            }
            return tokens;
        }

        Optional<Locale> language() {
            if (language == null) {
                language = interaction.language().isPresent() ? interaction.language() : LanguageGuesser.guess(text);
            }
            return language;
        }

        double score(String name) {
            if (scores == null) {
                scores = new HashMap<>();
            }
            return scores.computeIfAbsent(name, n -> classifiers.get(n).score(text));
        }
    }

    /** Turns conditions into tests, collecting every word list into one matcher. */
    private final class Compiler {
        final PatternMatcher.Builder<Integer> matcher = PatternMatcher.builder();
        final List<String> errors = new ArrayList<>();
        int wordIndex;
        Duration longestWindow = Duration.ZERO;
        boolean duplicates;

        Test compile(String rule, Condition condition) {
            if (condition instanceof Condition.All all) {
                    List<Test> tests = all.conditions().stream().map(c -> compile(rule, c)).toList();
                    return (f, out) -> {
                        int mark = out.size();
                        for (Test t : tests) {
                            if (!t.test(f, out)) {
                                truncate(out, mark);
                                return false;
                            }
                        }
                        return true;
                    };
            }
            if (condition instanceof Condition.Any any) {
                    List<Test> tests = any.conditions().stream().map(c -> compile(rule, c)).toList();
                    return (f, out) -> {
                        int mark = out.size();
                        for (Test t : tests) {
                            if (t.test(f, out)) {
                                return true;
                            }
                            truncate(out, mark);
                        }
                        return false;
                    };
            }
            if (condition instanceof Condition.Not not) {
                    Test inner = compile(rule, not.condition());
                    return (f, out) -> {
                        int mark = out.size();
                        boolean holds = inner.test(f, out);
                        truncate(out, mark);
                        return !holds;
                    };
            }
            if (condition instanceof Condition.Category c) {
                return category(rule, c);
            }
            if (condition instanceof Condition.Words w) {
                    int index = wordIndex++;
                    for (String term : w.terms()) {
                        try {
                            matcher.add(term, w.mode(), index);
                        } catch (IllegalArgumentException e) {
                            errors.add("rule '" + rule + "': word '" + term + "': " + e.getMessage());
                        }
                    }
                    return (f, out) -> {
                        List<Match<Integer>> ms = f.words(index);
                        for (Match<Integer> m : ms) {
                            out.add(Evidence.span(Evidence.Kind.WORD, m.pattern(), null, m.start(), m.end(), m.text()));
                        }
                        return !ms.isEmpty();
                    };
            }
            if (condition instanceof Condition.Regex r) {
                return regex(rule, r);
            }
            if (condition instanceof Condition.Links l) {
                return links(l);
            }
            if (condition instanceof Condition.AccountAge a) {
                return (f, out) -> {
                    Optional<Instant> created = f.interaction.author().accountCreatedAt();
                    if (created.isEmpty()) {
                        return false;
                    }
                    Duration age = Duration.between(created.get(), f.now);
                    if (age.compareTo(a.lessThan()) < 0) {
                        out.add(Evidence.fact("account age < " + Durations.format(a.lessThan()), Durations.format(age.isNegative() ? Duration.ZERO : age.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Followers fo) {
                return (f, out) -> {
                    var n = f.interaction.author().followers();
                    if (n.isPresent() && n.getAsLong() < fo.lessThan()) {
                        out.add(Evidence.fact("followers < " + fo.lessThan(), Long.toString(n.getAsLong())));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Strikes s) {
                return (f, out) -> {
                    int n = strikes.strikes(f.authorKey);
                    if (n >= s.atLeast()) {
                        out.add(Evidence.fact("earlier strikes >= " + s.atLeast(), Integer.toString(n)));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Verified v) {
                return (f, out) -> {
                    if (f.interaction.author().verified() == v.verified()) {
                        out.add(Evidence.fact("verified", Boolean.toString(v.verified())));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Flood fl) {
                    window(fl.within());
                    return (f, out) -> {
                        int n = windows.byAuthor(f.authorKey, fl.within(), f.now);
                        if (n >= fl.count()) {
                            out.add(Evidence.fact("same author within " + Durations.format(fl.within()), n + " interactions"));
                            return true;
                        }
                        return false;
                    };
            }
            if (condition instanceof Condition.Duplicates d) {
                    window(d.within());
                    duplicates = true;
                    return (f, out) -> {
                        int n = windows.authorsOf(f.duplicateKey(), f.duplicateHash(), d.within(), f.now);
                        if (n >= d.authors()) {
                            out.add(Evidence.fact("same text within " + Durations.format(d.within()), n + " authors"));
                            return true;
                        }
                        return false;
                    };
            }
            if (condition instanceof Condition.CapsRatio c) {
                return (f, out) -> {
                    int letters = f.letters();
                    int upper = f.capitals();
                    if (letters >= c.minLetters() && letters > 0 && (double) upper / letters >= c.atLeast()) {
                        out.add(Evidence.fact("capitals", Math.round(100.0 * upper / letters) + "%"));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.EmojiRatio e) {
                return (f, out) -> {
                    int emoji = 0;
                    int emojiChars = 0;
                    for (Token t : f.tokens()) {
                        if (t.type() == TokenType.EMOJI) {
                            emoji++;
                            emojiChars += t.text().codePointCount(0, t.text().length());
                        }
                    }
                    if (emoji == 0) {
                        return false;
                    }
                    long visible = f.text.codePoints().filter(cp -> !Character.isWhitespace(cp)).count() - emojiChars + emoji;
                    double ratio = (double) emoji / visible;
                    if (ratio >= e.atLeast()) {
                        out.add(Evidence.fact("emoji", Math.round(100 * ratio) + "%"));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Length len) {
                return (f, out) -> {
                    int n = f.text.codePointCount(0, f.text.length());
                    if (n >= len.min() && n <= len.max()) {
                        out.add(Evidence.fact("length", Integer.toString(n)));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Language lang) {
                return (f, out) -> {
                    Optional<Locale> l = f.language();
                    if (l.isPresent() && lang.languages().contains(l.get().getLanguage())) {
                        out.add(Evidence.fact("language", l.get().getLanguage()));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.ClassifierScore cs) {
                    if (!classifiers.containsKey(cs.classifier())) {
                        errors.add("rule '" + rule + "': no classifier named '" + cs.classifier() + "' was given (known: "
                                + classifiers.keySet() + ")");
                    }
                    return (f, out) -> {
                        double s = f.score(cs.classifier());
                        if (s >= cs.atLeast()) {
                            out.add(Evidence.fact("classifier " + cs.classifier() + " >= " + cs.atLeast(),
                                    String.format(Locale.ROOT, "%.2f", s)));
                            return true;
                        }
                        return false;
                    };
            }
            if (condition instanceof Condition.ReplyToBrand r) {
                return (f, out) -> {
                    if (f.interaction.thread().replyToBrand() == r.replyToBrand()) {
                        out.add(Evidence.fact("reply to the brand", Boolean.toString(r.replyToBrand())));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Kind k) {
                return (f, out) -> {
                    if (k.kinds().contains(f.interaction.kind())) {
                        out.add(Evidence.fact("kind", f.interaction.kind().name()));
                        return true;
                    }
                    return false;
                };
            }
            if (condition instanceof Condition.Quotation q) {
                return (f, out) -> {
                    if (CounterSpeech.anywhere(f.text)) {
                        out.add(Evidence.fact("quotation or reported speech", "yes"));
                        return true;
                    }
                    return false;
                };
            }
            throw new IllegalStateException("unknown condition " + condition);
        }

        /** Drops the evidence a failed test added after {@code mark}: tests share one list instead of one each. */
        private static void truncate(List<Evidence> out, int mark) {
            if (out.size() > mark) {
                out.subList(mark, out.size()).clear();
            }
        }

        private void window(Duration d) {
            if (d.compareTo(longestWindow) > 0) {
                longestWindow = d;
            }
        }

        private Test category(String rule, Condition.Category c) {
            if (lexicon.isEmpty()) {
                errors.add("rule '" + rule + "' names categories " + c.categories() + " but the engine has no lexicon");
            } else if (!lexicon.get().categories().containsAll(c.categories())) {
                errors.add("rule '" + rule + "' names categories the lexicon lacks: "
                        + c.categories().stream().filter(x -> !lexicon.get().categories().contains(x)).sorted().toList());
            }
            long wanted = 0; // the bits of the categories this condition counts; all of them if one has none
            for (String category : c.categories()) {
                wanted |= categoryBits.getOrDefault(category, -1L);
            }
            long mask = wanted;
            return (f, out) -> {
                if (f.shortcuts && c.atLeast() > 0 && (f.hitCategories() & mask) == 0) {
                    return false; // no hit in these categories: none to count
                }
                int n = 0;
                for (LexiconHit h : f.hits()) {
                    if (c.categories().contains(h.category())) {
                        n++;
                    }
                }
                if (n < c.atLeast()) {
                    return false;
                }
                for (LexiconHit h : f.hits()) {
                    if (c.categories().contains(h.category())) {
                        out.add(Evidence.span(Evidence.Kind.TERM, h.term(), h.category(), h.start(), h.end(), h.text()));
                    }
                }
                return true;
            };
        }

        private Test regex(String rule, Condition.Regex r) {
            Pattern p;
            try {
                p = Pattern.compile(r.pattern());
            } catch (PatternSyntaxException e) {
                errors.add("rule '" + rule + "': regex " + r.pattern() + ": " + e.getMessage());
                return (f, out) -> false;
            }
            // On the text as written, an inline flag such as (?i) anywhere could make a literal optional.
            List<String> literals = r.normalized() || !r.pattern().contains("(?")
                    ? RegexLiterals.shortAnyOf(r.pattern()).orElse(List.of()) : List.of();
            SymbolContext around = SymbolContext.of(r.pattern()).orElse(null);
            RegexStarts starts = RegexStarts.of(r.pattern()).orElse(null);
            return (f, out) -> {
                String subject = r.normalized() ? f.normalized().text() : f.text;
                if (!literals.isEmpty() && !containsAny(subject, literals, 0)) {
                    return false;
                }
                int from = 0;
                if (around != null) {
                    from = around.firstStart(subject);
                    if (from < 0) {
                        return false; // the symbol never sits between the classes every match has around it
                    }
                }
                if (starts != null) {
                    int start = starts.firstStart(subject);
                    if (start < 0) {
                        return false; // no match can start anywhere
                    }
                    from = Math.max(from, start);
                }
                Matcher m = p.matcher(subject);
                int n = 0;
                // no match starts before 'from', so the leftmost one and those after it are found from there
                boolean found = m.find(from);
                while (found && n < MAX_REGEX_EVIDENCE) {
                    Span s = r.normalized() ? f.normalized().toOriginal(m.start(), m.end()) : new Span(m.start(), m.end());
                    out.add(Evidence.span(Evidence.Kind.REGEX, r.pattern(), null, s.start(), s.end(), s.of(f.text)));
                    n++;
                    if (m.end() == m.start() && m.end() >= subject.length()) {
                        break;
                    }
                    // A next match starts where this one ends or later and holds what every match holds: when
                    // nothing of it is left, RE2J need not run to the end of the text to say so.
                    int end = m.end();
                    if (!literals.isEmpty() && !containsAny(subject, literals, end)
                            || around != null && !around.mayMatchFrom(subject, end)
                            || starts != null && starts.firstStart(subject, end) < 0) {
                        break;
                    }
                    found = m.find();
                }
                return n > 0;
            };
        }

        private static boolean containsAny(String subject, List<String> literals, int from) {
            for (String literal : literals) {
                if (subject.indexOf(literal, from) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private Test links(Condition.Links l) {
            return (f, out) -> {
                List<Token> urls = f.urls();
                if (urls.isEmpty()) {
                    return false; // no link: nothing denied, nothing outside the allow-list
                }
                int notAllowed = 0;
                boolean denied = false;
                List<Evidence> mine = new ArrayList<>();
                List<String> domains = f.domains();
                for (int k = 0; k < urls.size(); k++) {
                    Token t = urls.get(k);
                    String domain = domains.get(k);
                    if (!l.deny().isEmpty() && l.deny().contains(domain)) {
                        denied = true;
                        mine.add(Evidence.span(Evidence.Kind.LINK, "deny " + domain, null, t.start(), t.end(), t.text()));
                    } else if (!l.allow().contains(domain)) {
                        notAllowed++;
                        mine.add(Evidence.span(Evidence.Kind.LINK, "link to " + domain, null, t.start(), t.end(), t.text()));
                    }
                }
                if (denied || (l.atLeast() > 0 && notAllowed >= l.atLeast())) {
                    out.addAll(mine);
                    return true;
                }
                return false;
            };
        }
    }
}
