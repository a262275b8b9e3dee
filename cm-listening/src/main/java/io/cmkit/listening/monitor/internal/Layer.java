package io.cmkit.listening.monitor.internal;

import io.cmkit.core.text.Match;
import io.cmkit.core.text.MatchMode;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.core.text.Span;
import io.cmkit.listening.monitor.MatchedTerm;
import io.cmkit.listening.monitor.QueryMatch;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.query.QueryNode;
import io.cmkit.listening.query.TextAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, compiled set of saved queries, and for each distinct term the queries it anchors.
 * A query is evaluated only when one of its anchor terms was found: its anchors are chosen so that
 * no mention can match it without one of them (Lucene Monitor's presearcher idea).
 *
 * <p>Terms are found one of two ways, with the same meaning. A {@link #build base} layer compiles
 * every term into one {@link PatternMatcher} (one Aho-Corasick pass per mention, whatever the number
 * of queries; compiling 10,000 queries takes a few hundred ms). A {@link DeltaBuilder delta} layer,
 * for the few queries changed since, looks each token of the mention up in hash maps: each query is
 * compiled once when added, and a new version only re-indexes, so a change costs little; it stays
 * cheap to scan while it stays small.
 */
public final class Layer {

    /** A word, also matching a hashtag made of exactly that word. */
    static final byte WORD = 0;
    /** A word prefix, also matching the start of a hashtag's body. */
    static final byte PREFIX_WORD = 1;
    /** A hashtag or mention, exactly. */
    static final byte EXACT = 2;
    /** A hashtag or mention prefix. */
    static final byte PREFIX_EXACT = 3;

    private static final Layer EMPTY = new Layer(List.of(), List.of(), new byte[0], false);

    private final SavedQuery[] queries;
    private final Node[] roots;
    private final String[][] leafNames;
    private final Node[][] leaves;
    private final Map<String, Integer> indexOf;
    private final byte[] termModes;
    private final int[][] postings;
    private final PatternMatcher<Integer> matcher;
    private final TokenIndex tokenIndex;

    /** One query compiled against a {@link Compiler}'s term numbering. */
    record Compiled(SavedQuery query, Node root, String[] leafNames, Node[] leaves, int[] anchors) {
    }

    private Layer(List<Compiled> compiled, List<String> texts, byte[] modes, boolean automaton) {
        int n = compiled.size();
        queries = new SavedQuery[n];
        roots = new Node[n];
        leafNames = new String[n][];
        leaves = new Node[n][];
        indexOf = new HashMap<>(n * 2);
        int terms = modes.length;
        int[] counts = new int[terms];
        for (int q = 0; q < n; q++) {
            Compiled c = compiled.get(q);
            queries[q] = c.query;
            roots[q] = c.root;
            leafNames[q] = c.leafNames;
            leaves[q] = c.leaves;
            if (indexOf.put(c.query.id(), q) != null) {
                throw new IllegalArgumentException("two queries with id " + c.query.id());
            }
            for (int t : c.anchors) {
                counts[t]++;
            }
        }
        termModes = modes;
        postings = new int[terms][];
        for (int t = 0; t < terms; t++) {
            postings[t] = new int[counts[t]];
        }
        int[] fill = new int[terms];
        for (int q = 0; q < n; q++) {
            for (int t : compiled.get(q).anchors) {
                postings[t][fill[t]++] = q;
            }
        }
        if (terms == 0) {
            matcher = null;
            tokenIndex = null;
        } else if (automaton) {
            PatternMatcher.Builder<Integer> b = PatternMatcher.<Integer>builder().normalization(TextAnalysis.NORMALIZATION);
            for (int t = 0; t < terms; t++) {
                boolean prefix = termModes[t] == PREFIX_WORD || termModes[t] == PREFIX_EXACT;
                b.add(texts.get(t), prefix ? MatchMode.PREFIX : MatchMode.WHOLE_WORD, t);
            }
            matcher = b.build();
            tokenIndex = null;
        } else {
            matcher = null;
            tokenIndex = new TokenIndex(texts, termModes);
        }
    }

    /** Compiles {@code queries} into one automaton; fails on the first query that cannot be indexed. */
    public static Layer build(List<SavedQuery> queries) {
        if (queries.isEmpty()) {
            return EMPTY;
        }
        Compiler c = new Compiler();
        List<Compiled> compiled = new ArrayList<>(queries.size());
        for (SavedQuery q : queries) {
            compiled.add(c.compileQuery(q));
        }
        return new Layer(compiled, c.texts, c.modeArray(), true);
    }

    /** An empty layer. */
    public static Layer empty() {
        return EMPTY;
    }

    /** Checks that a query can be compiled, without keeping anything. */
    public static void check(SavedQuery query) {
        new Compiler().compileQuery(query);
    }

    /**
     * The delta: queries compiled once each, as they are added, against a term numbering kept
     * between versions, so publishing a new version after a change only re-indexes (no query is
     * compiled again). Not thread-safe: the monitor's writers hold its lock.
     */
    public static final class DeltaBuilder {
        private Compiler compiler = new Compiler();
        private final Map<String, Compiled> compiled = new java.util.LinkedHashMap<>();

        /** Compiles and keeps {@code query}, replacing one with the same id. */
        public void put(SavedQuery query) {
            Compiled c = compiler.compileQuery(query);
            compiled.remove(query.id());
            compiled.put(query.id(), c);
        }

        public boolean remove(String id) {
            boolean removed = compiled.remove(id) != null;
            if (compiled.isEmpty()) {
                clear();
            }
            return removed;
        }

        public boolean contains(String id) {
            return compiled.containsKey(id);
        }

        /** Forgets every query and the term numbering. */
        public void clear() {
            compiled.clear();
            compiler = new Compiler();
        }

        /** An immutable layer of the queries kept now, found by token look-ups. */
        public Layer snapshot() {
            if (compiled.isEmpty()) {
                return EMPTY;
            }
            return new Layer(new ArrayList<>(compiled.values()), List.copyOf(compiler.texts), compiler.modeArray(), false);
        }
    }

    public int size() {
        return queries.length;
    }

    /** The position of the query with this id, or -1. */
    public int indexOf(String id) {
        Integer i = indexOf.get(id);
        return i == null ? -1 : i;
    }

    public SavedQuery query(int index) {
        return queries[index];
    }

    /** Appends the matches of this layer's queries, skipping those in {@code removed} (may be null). */
    public void match(Workspace w, BitSet removed, List<QueryMatch> out) {
        if (matcher != null) {
            List<Match<Integer>> found = matcher.findAll(w.normalized());
            if (found.isEmpty()) {
                return;
            }
            w.beginLayer(termModes.length, queries.length);
            for (Match<Integer> m : found) {
                int term = m.payload();
                int token = w.locate(m.start(), m.end(), termModes[term]);
                if (token >= 0) {
                    w.addHit(term, token);
                }
            }
        } else if (tokenIndex != null) {
            w.beginLayer(termModes.length, queries.length);
            tokenIndex.findHits(w);
        } else {
            return;
        }
        int[] candidates = new int[8];
        int count = 0;
        for (int i = 0; i < w.distinctCount(); i++) {
            for (int q : postings[w.distinctTerm(i)]) {
                if (w.markCandidate(q) && (removed == null || !removed.get(q))) {
                    if (count == candidates.length) {
                        candidates = Arrays.copyOf(candidates, count * 2);
                    }
                    candidates[count++] = q;
                }
            }
        }
        Arrays.sort(candidates, 0, count);
        for (int i = 0; i < count; i++) {
            int q = candidates[i];
            if (roots[q].matches(w)) {
                out.add(new QueryMatch(queries[q], matchedTerms(q, w)));
            }
        }
    }

    private List<MatchedTerm> matchedTerms(int q, Workspace w) {
        Set<MatchedTerm> terms = new LinkedHashSet<>();
        String original = w.mention().text();
        Spans spans = new Spans();
        for (int i = 0; i < leaves[q].length; i++) {
            int before = spans.size();
            leaves[q][i].spans(w, spans);
            for (int k = before; k < spans.size(); k++) {
                Span span = w.originalSpan(spans.start(k), spans.end(k));
                terms.add(new MatchedTerm(leafNames[q][i], span, span.of(original)));
            }
        }
        List<MatchedTerm> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> a.span().start() != b.span().start() ? Integer.compare(a.span().start(), b.span().start())
                : a.term().compareTo(b.term()));
        return sorted;
    }

    /** Turns query trees into nodes, numbering distinct terms across the whole layer. */
    private static final class Compiler {
        Compiled compileQuery(SavedQuery s) {
            leafNames.clear();
            leafNodes.clear();
            Node root = compile(s.query().root(), false);
            int[] anchors = anchors(s.query().root());
            if (anchors == null) {
                throw new IllegalArgumentException("query " + s.id() + " has no word, phrase, #hashtag or @mention that "
                        + "every match must contain: '" + s.query().text() + "'");
            }
            return new Compiled(s, root, leafNames.toArray(String[]::new), leafNodes.toArray(Node[]::new), anchors);
        }

        byte[] modeArray() {
            byte[] out = new byte[modes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = modes.get(i);
            }
            return out;
        }

        final Map<String, Integer> ids = new HashMap<>();
        final List<String> texts = new ArrayList<>();
        final List<Byte> modes = new ArrayList<>();
        final List<String> leafNames = new ArrayList<>();
        final List<Node> leafNodes = new ArrayList<>();

        int term(String text, byte mode) {
            return ids.computeIfAbsent(mode + text, k -> {
                texts.add(text);
                modes.add(mode);
                return texts.size() - 1;
            });
        }

        static byte tokenMode(String token) {
            char c = token.charAt(0);
            return c == '#' || c == '@' ? EXACT : WORD;
        }

        Node compile(QueryNode node, boolean negated) {
            Node compiled;
            if (node instanceof QueryNode.Term t) {
                compiled = new Node.TermNode(term(t.token(), tokenMode(t.token())));
            } else if (node instanceof QueryNode.Prefix p) {
                compiled = new Node.TermNode(term(p.stem(), tokenMode(p.stem()) == EXACT ? PREFIX_EXACT : PREFIX_WORD));
            } else if (node instanceof QueryNode.Phrase p) {
                compiled = new Node.PhraseNode(p.tokens().stream().mapToInt(tok -> term(tok, tokenMode(tok))).toArray());
            } else if (node instanceof QueryNode.And and) {
                List<Node> positive = new ArrayList<>();
                List<Node> negative = new ArrayList<>();
                for (QueryNode child : and.children()) {
                    if (child instanceof QueryNode.Not not) {
                        negative.add(compile(not.child(), !negated));
                    } else {
                        positive.add(compile(child, negated));
                    }
                }
                return new Node.AndNode(positive, negative);
            } else if (node instanceof QueryNode.Or or) {
                return new Node.OrNode(or.children().stream().map(ch -> compile(ch, negated)).toList());
            } else if (node instanceof QueryNode.Not not) {
                return new Node.NotNode(compile(not.child(), !negated));
            } else if (node instanceof QueryNode.Near near) {
                // NEAR's operands report through the NEAR itself: a word alone is no evidence.
                Node left = compile(near.left(), true);
                Node right = compile(near.right(), true);
                compiled = new Node.NearNode(left, right, near.distance());
            } else if (node instanceof QueryNode.Filter f) {
                return new Node.FilterNode(f.field(), f.value());
            } else {
                throw new IllegalArgumentException("unknown query node " + node);
            }
            if (!negated) {
                leafNames.add(node.toString());
                leafNodes.add(compiled);
            }
            return compiled;
        }

        /** Terms such that every match contains one of them; null if there are none. */
        int[] anchors(QueryNode node) {
            if (node instanceof QueryNode.Term t) {
                return new int[] {term(t.token(), tokenMode(t.token()))};
            }
            if (node instanceof QueryNode.Prefix p) {
                return new int[] {term(p.stem(), tokenMode(p.stem()) == EXACT ? PREFIX_EXACT : PREFIX_WORD)};
            }
            if (node instanceof QueryNode.Phrase p) {
                String longest = p.tokens().stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
                return new int[] {term(longest, tokenMode(longest))};
            }
            if (node instanceof QueryNode.Near near) {
                return better(anchors(near.left()), anchors(near.right()));
            }
            if (node instanceof QueryNode.And and) {
                int[] best = null;
                for (QueryNode child : and.children()) {
                    if (!(child instanceof QueryNode.Not)) {
                        best = better(best, anchors(child));
                    }
                }
                return best;
            }
            if (node instanceof QueryNode.Or or) {
                Set<Integer> all = new LinkedHashSet<>();
                for (QueryNode child : or.children()) {
                    int[] a = anchors(child);
                    if (a == null) {
                        return null;
                    }
                    for (int t : a) {
                        all.add(t);
                    }
                }
                return all.stream().mapToInt(Integer::intValue).toArray();
            }
            return null;
        }

        /** The anchor set that should select fewer mentions: fewer terms, then longer (rarer) ones. */
        private int[] better(int[] a, int[] b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            if (a.length != b.length) {
                return a.length < b.length ? a : b;
            }
            return shortest(a) >= shortest(b) ? a : b;
        }

        private int shortest(int[] terms) {
            int min = Integer.MAX_VALUE;
            for (int t : terms) {
                int len = texts.get(t).length() + (modes.get(t) == PREFIX_WORD || modes.get(t) == PREFIX_EXACT ? -1 : 0);
                min = Math.min(min, len);
            }
            return min;
        }
    }
}
