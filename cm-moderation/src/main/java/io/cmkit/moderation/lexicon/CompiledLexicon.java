package io.cmkit.moderation.lexicon;

import io.cmkit.core.text.Match;
import io.cmkit.core.text.MatchMode;
import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.NormalizedText;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.core.text.Span;
import io.cmkit.core.text.TextNormalizer;
import io.cmkit.moderation.lexicon.internal.FuzzyIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A {@link Lexicon} compiled into ONE {@link PatternMatcher} ({@link NormalizationOptions#STRICT_MATCHING}):
 * every term of every category and language, and the allow-list, so a scan is one normalisation
 * and one pass over the comment whatever the number of terms. Built by {@link Lexicons}. Immutable
 * and thread-safe.
 *
 * <p>An allow-list match cancels every term hit whose span overlaps it: with {@code cock*} in the
 * lexicon and {@code cocktail} allowed, "a cocktail" has no hit, "cock" still has one.
 */
public final class CompiledLexicon implements Lexicon {

    /** Payload of the shared matcher: a term, or an allow-list entry. */
    private record Entry(LexiconTerm term, boolean allow) {
    }

    private final PatternMatcher<Entry> matcher;
    private final List<LexiconTerm> terms;
    private final List<LexiconTerm> allowList;
    private final Set<String> categories;
    private final Duration compileTime;

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING);

    /** Misspelt terms; null when switched off. */
    private final FuzzyIndex fuzzy;

    CompiledLexicon(List<LexiconTerm> terms, List<LexiconTerm> allowList, boolean fuzzy) {
        long t0 = System.nanoTime();
        this.terms = List.copyOf(terms);
        this.allowList = List.copyOf(allowList);
        PatternMatcher.Builder<Entry> b = PatternMatcher.<Entry>builder().normalization(NormalizationOptions.STRICT_MATCHING);
        Set<String> cats = new LinkedHashSet<>();
        for (LexiconTerm t : this.terms) {
            b.add(t.term(), t.mode(), new Entry(t, false));
            cats.add(t.category());
        }
        for (LexiconTerm t : this.allowList) {
            b.add(t.term(), t.mode(), new Entry(t, true));
        }
        this.matcher = b.build();
        if (fuzzy) {
            List<String> normalized = new ArrayList<>(this.terms.size());
            boolean[] prefixes = new boolean[this.terms.size()];
            for (int i = 0; i < this.terms.size(); i++) {
                LexiconTerm t = this.terms.get(i);
                boolean usable = t.mode() == MatchMode.WHOLE_WORD || t.mode() == MatchMode.PREFIX;
                normalized.add(usable ? NORMALIZER.normalize(t.term()).text().strip() : "");
                prefixes[i] = t.mode() == MatchMode.PREFIX;
            }
            this.fuzzy = FuzzyIndex.of(normalized, prefixes);
        } else {
            this.fuzzy = null;
        }
        this.categories = Collections.unmodifiableSet(cats);
        this.compileTime = Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public Set<String> categories() {
        return categories;
    }

    @Override
    public List<LexiconHit> scan(String comment) {
        return scan(comment, java.util.Optional.empty());
    }

    /**
     * An allow-list entry cancels the overlapping hits of its own language; when the comment is known
     * to be in the entry's language, it cancels every overlapping hit (French "retard", late, is not
     * the English slur in a French comment).
     */
    @Override
    public List<LexiconHit> scan(String comment, java.util.Optional<java.util.Locale> language) {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(language, "language");
        NormalizedText normalized = NORMALIZER.normalize(comment);
        return hits(normalized, matcher.findAll(normalized), () -> language);
    }

    /**
     * The same scan over a comment already normalised with {@link NormalizationOptions#STRICT_MATCHING}
     * (so a caller that also matches its own word lists normalises once), asking for the comment's
     * language only if an allow-list entry overlaps a hit.
     *
     * @throws IllegalArgumentException if it was normalised with other options
     */
    public List<LexiconHit> scan(NormalizedText comment, Supplier<Optional<Locale>> language) {
        Objects.requireNonNull(language, "language");
        return hits(comment, matcher.findAll(comment), language);
    }

    private List<LexiconHit> hits(NormalizedText comment, List<Match<Entry>> found, Supplier<Optional<Locale>> language) {
        if (found.isEmpty() && fuzzy == null) {
            return List.of();
        }
        List<Match<Entry>> allowed = null;
        for (Match<Entry> m : found) {
            if (m.payload().allow()) {
                if (allowed == null) {
                    allowed = new ArrayList<>(2);
                }
                allowed.add(m);
            }
        }
        List<LexiconHit> hits = new ArrayList<>(found.size());
        outer:
        for (Match<Entry> m : found) {
            if (m.payload().allow()) {
                continue;
            }
            if (allowed != null) {
                for (Match<Entry> a : allowed) {
                    if (a.start() < m.end() && m.start() < a.end()
                            && cancels(a.payload().term().language(), m.payload().term().language(), language.get())) {
                        continue outer;
                    }
                }
            }
            LexiconTerm t = m.payload().term();
            // a term listed in both languages, or twice, is one hit per category and span (hits are few: a scan will do)
            if (alreadyHit(hits, 0, t, m.start(), m.end())) {
                continue;
            }
            hits.add(new LexiconHit(t.category(), t.term(), t.language(), m.start(), m.end(), m.text()));
        }
        if (fuzzy != null) {
            int exact = hits.size();
            fuzzy.find(comment.text(), (s, e) -> !found.isEmpty() && overlaps(comment.toOriginal(s, e), found), (term, s, e) -> {
                Span o = comment.toOriginal(s, e);
                LexiconTerm t = terms.get(term);
                if (!alreadyMisspelt(hits, exact, t)) { // one misspelt hit per category and term
                    hits.add(new LexiconHit(t.category(), t.term(), t.language(), o.start(), o.end(),
                            o.of(comment.original())));
                }
            });
            if (hits.size() > exact) {
                hits.sort(java.util.Comparator.comparingInt(LexiconHit::start));
            }
        }
        return hits.isEmpty() ? List.of() : Collections.unmodifiableList(hits);
    }

    /** Whether {@code hits} from {@code from} on holds {@code t}'s category and term at {@code [start, end)}. */
    private static boolean alreadyHit(List<LexiconHit> hits, int from, LexiconTerm t, int start, int end) {
        for (int i = from; i < hits.size(); i++) {
            LexiconHit h = hits.get(i);
            if (h.start() == start && h.end() == end && h.term().equals(t.term()) && h.category().equals(t.category())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the misspelt hits (from {@code from} on) already hold {@code t}'s category and term. */
    private static boolean alreadyMisspelt(List<LexiconHit> hits, int from, LexiconTerm t) {
        for (int i = from; i < hits.size(); i++) {
            LexiconHit h = hits.get(i);
            if (h.term().equals(t.term()) && h.category().equals(t.category())) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Span word, List<? extends Match<?>> found) {
        for (Match<?> m : found) {
            if (m.start() < word.end() && word.start() < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean cancels(java.util.Locale allowLanguage, java.util.Locale hitLanguage,
                                   java.util.Optional<java.util.Locale> commentLanguage) {
        String allow = allowLanguage.getLanguage();
        return allow.equals(hitLanguage.getLanguage())
                || commentLanguage.map(l -> l.getLanguage().equals(allow)).orElse(false);
    }

    /** The categories hit in a comment (a convenience over {@link #scan}). */
    public Set<String> categoriesIn(String comment) {
        Set<String> out = new LinkedHashSet<>();
        for (LexiconHit h : scan(comment)) {
            out.add(h.category());
        }
        return out;
    }

    /** The entry behind a hit: its mode, severity and note (a linear search: for explanations, not for every comment). */
    public Optional<LexiconTerm> termOf(LexiconHit hit) {
        for (LexiconTerm t : terms) {
            if (t.term().equals(hit.term()) && t.category().equals(hit.category())
                    && t.language().getLanguage().equals(hit.language().getLanguage())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Every term, in the order added (alternatives expanded). */
    public List<LexiconTerm> terms() {
        return terms;
    }

    /** The allow-list entries. */
    public List<LexiconTerm> allowList() {
        return allowList;
    }

    /** How many terms (not counting the allow-list). */
    public int size() {
        return terms.size();
    }

    /** Term counts by language tag, then category (sorted), for documentation and logs. */
    public Map<String, Map<String, Integer>> sizes() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (LexiconTerm t : terms) {
            out.computeIfAbsent(t.language().toLanguageTag(), k -> new TreeMap<>()).merge(t.category(), 1, Integer::sum);
        }
        for (LexiconTerm t : allowList) {
            out.computeIfAbsent(t.language().toLanguageTag(), k -> new TreeMap<>()).merge("(allow)", 1, Integer::sum);
        }
        return out;
    }

    /** How long compiling the matcher took. */
    public Duration compileTime() {
        return compileTime;
    }

    /** The matcher's estimate of the heap the compiled automata hold, in bytes (terms themselves excluded). */
    public long estimatedHeapBytes() {
        return matcher.estimatedHeapBytes();
    }

    @Override
    public String toString() {
        return "CompiledLexicon[" + terms.size() + " terms, " + allowList.size() + " allowed, categories " + categories + "]";
    }
}
