package io.cmkit.listening.monitor.internal;

import io.cmkit.core.text.NormalizedText;
import io.cmkit.core.text.Span;
import io.cmkit.listening.monitor.Mention;
import io.cmkit.listening.query.TextAnalysis;
import io.cmkit.listening.query.internal.TokenSplitter;
import java.util.Arrays;
import java.util.List;

/**
 * Per-thread scratch space for matching one mention: the normalised text, its tokens with their
 * original offsets (computed only if some term was found), and the hits of the layer being
 * evaluated, reset in O(1) with a stamp.
 */
public final class Workspace {

    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private Mention mention;
    private NormalizedText normalized;
    private List<String> hosts;

    private final TokenSplitter splitter = new TokenSplitter();
    private boolean tokensReady;
    private boolean originalReady;
    private int tokenCount;
    private int[] origStart = new int[32];
    private int[] origEnd = new int[32];
    private int[] bodyStart = new int[32];
    private byte[] tokenType = new byte[32];

    private int stamp;
    private int[] termStamp = new int[0];
    private int[] termHead = new int[0];
    private int[] queryStamp = new int[0];
    private int hitCount;
    private int[] hitToken = new int[16];
    private int[] hitNext = new int[16];
    private int distinctCount;
    private int[] distinctTerms = new int[16];

    private Workspace() {
    }

    /** This thread's workspace, reset for {@code mention}. */
    public static Workspace start(Mention mention) {
        Workspace w = LOCAL.get();
        w.mention = mention;
        w.normalized = TextAnalysis.normalizer().normalize(mention.text());
        w.hosts = null;
        w.tokensReady = false;
        w.originalReady = false;
        return w;
    }

    Mention mention() {
        return mention;
    }

    NormalizedText normalized() {
        return normalized;
    }

    List<String> hosts() {
        if (hosts == null) {
            hosts = mention.hosts();
        }
        return hosts;
    }

    /** Starts evaluating a layer with {@code terms} terms and {@code queries} queries. */
    void beginLayer(int terms, int queries) {
        if (termStamp.length < terms) {
            termStamp = new int[Math.max(terms, termStamp.length * 2)];
            termHead = new int[termStamp.length];
        }
        if (queryStamp.length < queries) {
            queryStamp = new int[Math.max(queries, queryStamp.length * 2)];
        }
        if (++stamp == Integer.MAX_VALUE) {
            stamp = 1;
            Arrays.fill(termStamp, 0);
            Arrays.fill(queryStamp, 0);
        }
        hitCount = 0;
        distinctCount = 0;
    }

    /** The token a match at original {@code [start, end)} stands for under {@code mode}, or -1. */
    int locate(int start, int end, byte mode) {
        ensureOriginal();
        int lo = 0;
        int hi = tokenCount - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (origStart[mid] <= start) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int j = k; j >= 0 && (j == k || origStart[j] == start); j--) {
            if (accepts(j, start, end, mode)) {
                return j;
            }
        }
        return -1;
    }

    private boolean accepts(int k, int start, int end, byte mode) {
        byte type = tokenType[k];
        return switch (mode) {
            case Layer.WORD -> end == origEnd[k] && (type == TokenSplitter.WORD ? origStart[k] == start
                    : type == TokenSplitter.HASHTAG && bodyStart[k] == start);
            case Layer.PREFIX_WORD -> type == TokenSplitter.WORD ? origStart[k] == start
                    : type == TokenSplitter.HASHTAG && bodyStart[k] == start;
            case Layer.EXACT -> type != TokenSplitter.WORD && origStart[k] == start && origEnd[k] == end;
            default -> type != TokenSplitter.WORD && origStart[k] == start;
        };
    }

    /** Splits the normalised text into tokens (once per mention). */
    void ensureTokens() {
        if (tokensReady) {
            return;
        }
        tokensReady = true;
        splitter.split(normalized.text());
        tokenCount = splitter.count();
        if (origStart.length < tokenCount) {
            int size = Math.max(tokenCount, origStart.length * 2);
            origStart = new int[size];
            origEnd = new int[size];
            bodyStart = new int[size];
            tokenType = new byte[size];
        }
        for (int i = 0; i < tokenCount; i++) {
            tokenType[i] = splitter.type(i);
        }
    }

    /** Maps every token back to the original text (once per mention, only when a term was found). */
    private void ensureOriginal() {
        ensureTokens();
        if (originalReady) {
            return;
        }
        originalReady = true;
        for (int i = 0; i < tokenCount; i++) {
            int s = splitter.start(i);
            int e = splitter.end(i);
            Span whole = normalized.toOriginal(s, e);
            origStart[i] = whole.start();
            origEnd[i] = whole.end();
            bodyStart[i] = tokenType[i] == TokenSplitter.HASHTAG ? normalized.toOriginal(s + 1, e).start() : -1;
        }
    }

    int tokenCount() {
        return tokenCount;
    }

    byte tokenType(int token) {
        return tokenType[token];
    }

    /**
     * Every reading of a token: its normalised text, and, where letters repeated three times or more
     * left an optional copy, the text without it (at most 16 readings, like the matcher's).
     */
    void readings(int token, java.util.function.Consumer<String> out) {
        String text = normalized.text();
        int s = splitter.start(token);
        int e = splitter.end(token);
        int optional = 0;
        int[] positions = null;
        for (int i = s; i < e && optional < 4; i++) {
            if (normalized.isOptional(i)) {
                if (positions == null) {
                    positions = new int[4];
                }
                positions[optional++] = i;
            }
        }
        if (optional == 0) {
            out.accept(text.substring(s, e));
            return;
        }
        StringBuilder b = new StringBuilder(e - s);
        for (int mask = 0; mask < 1 << optional; mask++) {
            b.setLength(0);
            int next = 0;
            for (int i = s; i < e; i++) {
                if (next < optional && positions[next] == i) {
                    boolean skip = (mask & (1 << next)) != 0;
                    next++;
                    if (skip) {
                        continue;
                    }
                }
                b.append(text.charAt(i));
            }
            out.accept(b.toString());
        }
    }

    void addHit(int term, int token) {
        if (hitCount == hitToken.length) {
            hitToken = Arrays.copyOf(hitToken, hitCount * 2);
            hitNext = Arrays.copyOf(hitNext, hitCount * 2);
        }
        if (termStamp[term] != stamp) {
            termStamp[term] = stamp;
            termHead[term] = -1;
            if (distinctCount == distinctTerms.length) {
                distinctTerms = Arrays.copyOf(distinctTerms, distinctCount * 2);
            }
            distinctTerms[distinctCount++] = term;
        }
        hitToken[hitCount] = token;
        hitNext[hitCount] = termHead[term];
        termHead[term] = hitCount++;
    }

    int distinctCount() {
        return distinctCount;
    }

    int distinctTerm(int i) {
        return distinctTerms[i];
    }

    /** Marks a query as a candidate; false if it already was for this layer. */
    boolean markCandidate(int query) {
        if (queryStamp[query] == stamp) {
            return false;
        }
        queryStamp[query] = stamp;
        return true;
    }

    boolean hit(int term) {
        return termStamp[term] == stamp;
    }

    /** Whether {@code term} occurs at token {@code token}. */
    boolean hitAt(int term, int token) {
        if (termStamp[term] != stamp) {
            return false;
        }
        for (int h = termHead[term]; h >= 0; h = hitNext[h]) {
            if (hitToken[h] == token) {
                return true;
            }
        }
        return false;
    }

    /** Appends the tokens where {@code term} occurs as one-token spans. */
    void termSpans(int term, Spans out) {
        if (termStamp[term] != stamp) {
            return;
        }
        for (int h = termHead[term]; h >= 0; h = hitNext[h]) {
            out.add(hitToken[h], hitToken[h] + 1);
        }
    }

    /** The original text span of tokens {@code [from, to)}. */
    Span originalSpan(int from, int to) {
        ensureOriginal();
        return new Span(origStart[from], origEnd[to - 1]);
    }
}
