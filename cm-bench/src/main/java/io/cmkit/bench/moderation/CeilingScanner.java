package io.cmkit.bench.moderation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a product: the cheapest scan we could write that answers the benchmark's question (whole
 * words, leftmost-longest, see {@link LexiconScanners}) on <em>pre-normalised</em> text, to
 * measure how far above org.ahocorasick any scanner can get on this machine before it does any
 * normalisation at all. It does nothing cmkit's matcher must do beyond that: no case folding, no
 * look-alikes, leetspeak, repeats or spaced letters, no second readings, no offsets mapped back
 * to a raw comment, only whole-word terms.
 *
 * <p>A plain trie stored as one dense transition table ({@code nodes × alphabet} ints, the
 * alphabet being the characters the terms use), walked from each position with no word
 * character before it, keeping the longest term that ends before a non-word character, then
 * going on after it. One array read per character of a walk; the other characters cost one
 * table read each.
 */
final class CeilingScanner {

    /** {@code [\p{L}\p{Nd}\p{M}]} for each BMP character; surrogates are decided by code point. */
    private static final boolean[] WORD = new boolean[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            WORD[c] = !Character.isSurrogate((char) c) && LexiconScanners.isWord(c);
        }
    }

    private final char[] codeOf = new char[0x10000];
    private final int alphabet;
    /** Child of node {@code n} on code {@code k} at {@code n * alphabet + k}; 0 = none (the root is never a child). */
    private final int[] next;
    /** The term ending at each node, or -1. */
    private final int[] termAt;

    CeilingScanner(List<String> terms) {
        int codes = 1;
        for (String t : terms) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (codeOf[c] == 0) {
                    codeOf[c] = (char) codes++;
                }
            }
        }
        alphabet = codes;
        int nodes = 1;
        for (String t : terms) {
            nodes += t.length();
        }
        int[] table = new int[nodes * alphabet];
        int[] ends = new int[nodes];
        Arrays.fill(ends, -1);
        int used = 1;
        for (int id = 0; id < terms.size(); id++) {
            String t = terms.get(id);
            int node = 0;
            for (int i = 0; i < t.length(); i++) {
                int slot = node * alphabet + codeOf[t.charAt(i)];
                if (table[slot] == 0) {
                    table[slot] = used++;
                }
                node = table[slot];
            }
            if (ends[node] < 0) {
                ends[node] = id; // terms are distinct once normalised: one id per node
            }
        }
        next = Arrays.copyOf(table, used * alphabet);
        termAt = Arrays.copyOf(ends, used);
    }

    /** Bytes of the two tables. */
    long tableBytes() {
        return 4L * next.length + 4L * termAt.length + 2L * codeOf.length;
    }

    List<LexiconScanners.Hit> scan(String text) {
        List<LexiconScanners.Hit> out = null;
        int len = text.length();
        int[] table = next;
        int width = alphabet;
        int p = 0;
        while (p < len) {
            int first = codeOf[text.charAt(p)];
            if (first == 0 || wordBefore(text, p)) {
                p++;
                continue;
            }
            int node = table[first];
            int j = p + 1;
            int best = -1;
            int bestEnd = -1;
            while (node != 0) {
                int term = termAt[node];
                if (term >= 0 && !wordAt(text, j, len)) {
                    best = term;
                    bestEnd = j;
                }
                if (j == len) {
                    break;
                }
                int code = codeOf[text.charAt(j)];
                node = code == 0 ? 0 : table[node * width + code];
                j++;
            }
            if (best >= 0) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(new LexiconScanners.Hit(best, p, bestEnd));
                p = bestEnd;
            } else {
                p++;
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean wordBefore(String t, int i) {
        if (i == 0) {
            return false;
        }
        char c = t.charAt(i - 1);
        return Character.isSurrogate(c) ? LexiconScanners.isWord(t.codePointBefore(i)) : WORD[c];
    }

    private static boolean wordAt(String t, int i, int len) {
        if (i >= len) {
            return false;
        }
        char c = t.charAt(i);
        return Character.isSurrogate(c) ? LexiconScanners.isWord(t.codePointAt(i)) : WORD[c];
    }
}
