package io.cmkit.moderation.internal;

import java.util.Optional;

/**
 * A second, sharper regex prefilter: a symbol every match contains together with the character
 * classes right next to it. In {@code [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}} every match
 * holds an {@code @} with a class character on each side, which an {@code @mention} after a
 * space never has, so the regex is not run on most comments with mentions. Only a top-level
 * symbol between plain bracket classes (ranges, single characters, {@code \d}, {@code \w},
 * escaped punctuation; ASCII) is read; anything else gives no gate. The gate is a necessary
 * condition of a match, never a sufficient one.
 */
final class SymbolContext {

    private static final String SYMBOLS = "@%#&=~;:!,<>\"/_€£";

    private final char symbol;
    /** The class right before the symbol; null when anything may precede it. */
    private final boolean[] before;
    /** The class right after the symbol; null when anything may follow it. */
    private final boolean[] after;
    /**
     * Whether the regex opens with the class before the symbol, repeated ({@code [...]+}): then
     * every match starts inside the run of class characters right before a fitting symbol, so none
     * starts before the run of the first one (see {@link #firstStart}).
     */
    private final boolean leadingRun;

    private SymbolContext(char symbol, boolean[] before, boolean[] after, boolean leadingRun) {
        this.symbol = symbol;
        this.before = before;
        this.after = after;
        this.leadingRun = leadingRun;
    }

    /** The gate of {@code regex}, when it has a top-level symbol next to at least one plain class. */
    static Optional<SymbolContext> of(String regex) {
        if (regex.contains("(?") || RegexLiterals.topLevelBar(regex)) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int end = classEnd(regex, i);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && SYMBOLS.indexOf(c) >= 0) {
                if (i + 1 < regex.length() && "?*{+".indexOf(regex.charAt(i + 1)) >= 0) {
                    continue; // optional or repeated: not read
                }
                boolean[] before = classBefore(regex, i);
                boolean[] after = classAfter(regex, i + 1);
                if (before != null || after != null) {
                    boolean leadingRun = before != null && regex.charAt(i - 1) == '+'
                            && regex.startsWith("[") && classEnd(regex, 0) == i - 2;
                    return Optional.of(new SymbolContext(c, before, after, leadingRun));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} has the symbol with an allowed character on each constrained side. */
    boolean mayMatch(String text) {
        return firstFit(text, 0) >= 0;
    }

    /**
     * Whether a match may still lie at or after {@code from} (the end of the previous match): a
     * fitting symbol from there on. When there is none, searching on would only run the regex to
     * the end of the text for nothing.
     */
    boolean mayMatchFrom(String text, int from) {
        return firstFit(text, from) >= 0;
    }

    /**
     * Where the first match may start at the earliest: -1 if {@code text} has no fitting symbol
     * ({@link #mayMatch} says no); for a regex opening with a repeated class before its symbol
     * ({@code [A-Za-z0-9._%+-]+@...}), the start of the run of class characters before the first
     * fitting symbol: a match's own symbol is that one or a later one, and the class characters
     * that open the match reach it without a break, so a match starting earlier would start inside
     * that same run; else 0.
     */
    int firstStart(String text) {
        int p = firstFit(text, 0);
        if (p < 0) {
            return -1;
        }
        if (!leadingRun) {
            return 0;
        }
        int s = p - 1;
        while (s > 0 && in(before, text.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    /** The first symbol at or after {@code from} with an allowed character on each constrained side, or -1. */
    private int firstFit(String text, int from) {
        int n = text.length();
        for (int p = text.indexOf(symbol, from); p >= 0; p = text.indexOf(symbol, p + 1)) {
            if ((before == null || p > 0 && in(before, text.charAt(p - 1)))
                    && (after == null || p + 1 < n && in(after, text.charAt(p + 1)))) {
                return p;
            }
        }
        return -1;
    }

    private static boolean in(boolean[] cls, char c) {
        return c < cls.length && cls[c];
    }

    /** A class ending right before {@code symbolAt}, optionally followed by {@code +}; null otherwise. */
    private static boolean[] classBefore(String regex, int symbolAt) {
        int end = symbolAt - 1;
        if (end >= 0 && regex.charAt(end) == '+') {
            end--;
        }
        if (end < 0 || regex.charAt(end) != ']' || escaped(regex, end)) {
            return null;
        }
        // find the opening bracket of this class: scan every class from the start
        for (int i = 0; i < end; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = classEnd(regex, i);
                if (close == end) {
                    return parse(regex, i, close);
                }
                if (close < 0) {
                    return null;
                }
                i = close;
            }
        }
        return null;
    }

    /** A class starting at {@code from}, followed by nothing, {@code +} or {@code {n,...}} with n at least 1; null otherwise. */
    private static boolean[] classAfter(String regex, int from) {
        if (from >= regex.length() || regex.charAt(from) != '[') {
            return null;
        }
        int close = classEnd(regex, from);
        if (close < 0) {
            return null;
        }
        if (close + 1 < regex.length()) {
            char q = regex.charAt(close + 1);
            if (q == '?' || q == '*' || q == '{' && (close + 2 >= regex.length() || regex.charAt(close + 2) == '0')) {
                return null;
            }
        }
        return parse(regex, from, close);
    }

    private static boolean escaped(String regex, int at) {
        int slashes = 0;
        for (int k = at - 1; k >= 0 && regex.charAt(k) == '\\'; k--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1 if it is not a plain class. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && (regex.charAt(i) == '^' || regex.charAt(i) == ']')) {
            return -1;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** The ASCII characters of the plain class between {@code open} and {@code close}; null if it holds anything else. */
    private static boolean[] parse(String regex, int open, int close) {
        boolean[] cls = new boolean[128];
        for (int i = open + 1; i < close; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                char e = regex.charAt(++i);
                if (e == 'd') {
                    range(cls, '0', '9');
                } else if (e == 'w') {
                    range(cls, '0', '9');
                    range(cls, 'a', 'z');
                    range(cls, 'A', 'Z');
                    cls['_'] = true;
                } else if (e < 128 && !Character.isLetterOrDigit(e)) {
                    cls[e] = true;
                } else {
                    return null;
                }
            } else if (c >= 128) {
                return null;
            } else if (i + 2 < close && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != '\\') {
                char to = regex.charAt(i + 2);
                if (to >= 128 || to < c) {
                    return null;
                }
                range(cls, c, to);
                i += 2;
            } else {
                cls[c] = true;
            }
        }
        return cls;
    }

    private static void range(boolean[] cls, char from, char to) {
        for (char c = from; c <= to; c++) {
            cls[c] = true;
        }
    }
}
