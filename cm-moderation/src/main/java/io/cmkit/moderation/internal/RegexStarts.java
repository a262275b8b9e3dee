package io.cmkit.moderation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a match of a regex can start: the first few characters of every string the regex matches,
 * as short sequences of character classes ({@code (\+33|0)\s?[67](\s?\d{2}){4}} starts with
 * {@code +33[67\s]…} or {@code 0[67]\d…} or {@code 0\s[67]…}). A linear pre-scan finds the first
 * position where one of them fits; before it no match can start, and where there is none the
 * regex need not run at all. The regex still decides everything: this only says where it may
 * start looking.
 *
 * <p>The sequences over-approximate (anchors and word boundaries read as nothing, any non-ASCII
 * character as allowed where a class could hold one), so the scan never misses a match. Built only
 * for the RE2 syntax it reads (literals, escapes, classes, groups, alternation, quantifiers),
 * without flags, and only when matches start with a few rare ASCII characters (a pattern that may
 * start with any letter gains nothing from a pre-scan).
 */
final class RegexStarts {

    /** Longest prefix sequences tried, and most sequences kept. */
    private static final int LONGEST = 8;
    private static final int MOST = 32;
    /** At most this many different ASCII characters may start a match for a pre-scan to pay. */
    private static final int RARE = 12;

    /** A character class: ASCII members as bits, and whether it may hold any non-ASCII character. */
    private record Cls(long low, long high, boolean nonAscii) {
        static final Cls ANY_BUT_NEWLINE = new Cls(~(1L << '\n'), -1L, true);

        static Cls of(char c) {
            return c < 64 ? new Cls(1L << c, 0, false) : c < 128 ? new Cls(0, 1L << (c - 64), false) : new Cls(0, 0, true);
        }

        boolean has(int cp) {
            if (cp >= 128) {
                return nonAscii;
            }
            return cp < 64 ? (low & (1L << cp)) != 0 : (high & (1L << (cp - 64))) != 0;
        }

        Cls or(Cls o) {
            return new Cls(low | o.low, high | o.high, nonAscii || o.nonAscii);
        }

        Cls not() {
            return new Cls(~low, ~high, true);
        }

        int asciiSize() {
            return Long.bitCount(low) + Long.bitCount(high);
        }
    }

    /** A set of prefixes: sequences of classes of length at most k; a shorter one is a whole match. */
    private static final class Prefixes {
        final Set<List<Cls>> sequences = new LinkedHashSet<>();
    }

    /** Thrown inside the parser for anything it does not read: the regex simply gets no pre-scan. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The set grew past {@link #MOST} sequences: a shorter k may fit. */
    private static final Unsupported TOO_MANY = new Unsupported();

    private final Cls[][] sequences;
    private final Cls first;
    /**
     * The characters a match may start with, when they are ASCII and at most three: the scan then
     * jumps from one to the next with {@link String#indexOf(int, int)} instead of reading every
     * character. Null otherwise.
     */
    private final char[] firstChars;

    private RegexStarts(Set<List<Cls>> sequences) {
        this.sequences = sequences.stream().map(s -> s.toArray(Cls[]::new)).toArray(Cls[][]::new);
        Cls f = new Cls(0, 0, false);
        for (Cls[] s : this.sequences) {
            f = f.or(s[0]);
        }
        this.first = f;
        StringBuilder chars = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (f.has(c)) {
                chars.append(c);
            }
        }
        this.firstChars = !f.nonAscii && chars.length() <= 3 ? chars.toString().toCharArray() : null;
    }

    /** The pre-scan for {@code regex} (RE2 syntax), if it reads it and it is worth it. */
    static Optional<RegexStarts> of(String regex) {
        if (regex.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            return Optional.empty(); // a code point in two chars: not read
        }
        for (int k = LONGEST; k >= 1; k--) {
            Set<List<Cls>> s;
            try {
                Parser p = new Parser(regex, k);
                s = p.alternation().sequences;
                if (p.at != regex.length()) {
                    return Optional.empty(); // an unbalanced ')'
                }
            } catch (Unsupported e) {
                if (e != TOO_MANY) {
                    return Optional.empty();
                }
                continue;
            }
            if (s.contains(List.of())) {
                return Optional.empty(); // matches the empty string: may start anywhere
            }
            RegexStarts starts = new RegexStarts(s);
            if (starts.first.nonAscii || starts.first.asciiSize() > RARE) {
                return Optional.empty();
            }
            return Optional.of(starts);
        }
        return Optional.empty();
    }

    /** The first index of {@code text} where a match may start, or -1 if none can. */
    int firstStart(String text) {
        return firstStart(text, 0);
    }

    /**
     * The first index of {@code text} from {@code from} on (a code point boundary) where a match may
     * start, or -1 if none can: after a match, -1 says the search may stop there.
     */
    int firstStart(String text, int from) {
        if (firstChars == null) {
            return firstStartEveryChar(text, from);
        }
        // the next place of each first character; a position holds only one of them
        char[] fc = firstChars;
        int a = fc.length > 0 ? text.indexOf(fc[0], from) : -1;
        int b = fc.length > 1 ? text.indexOf(fc[1], from) : -1;
        int c = fc.length > 2 ? text.indexOf(fc[2], from) : -1;
        while (true) {
            int p = earliest(earliest(a, b), c);
            if (p < 0) {
                return -1;
            }
            for (Cls[] s : sequences) {
                if (fits(text, p, s)) {
                    return p;
                }
            }
            if (p == a) {
                a = text.indexOf(fc[0], p + 1);
            } else if (p == b) {
                b = text.indexOf(fc[1], p + 1);
            } else {
                c = text.indexOf(fc[2], p + 1);
            }
        }
    }

    /** The smaller of two positions, -1 standing for none. */
    private static int earliest(int x, int y) {
        return x < 0 ? y : y < 0 ? x : Math.min(x, y);
    }

    /** {@link #firstStart(String, int)} reading every code point: the general scan, and the tests' reference. */
    int firstStartEveryChar(String text, int from) {
        int n = text.length();
        for (int p = from; p < n; ) {
            int cp = text.codePointAt(p);
            if (first.has(cp)) {
                for (Cls[] s : sequences) {
                    if (fits(text, p, s)) {
                        return p;
                    }
                }
            }
            p += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean fits(String text, int p, Cls[] s) {
        int q = p;
        for (Cls c : s) {
            if (q >= text.length()) {
                return false;
            }
            int cp = text.codePointAt(q);
            if (!c.has(cp)) {
                return false;
            }
            q += Character.charCount(cp);
        }
        return true;
    }

    /** A recursive-descent reader of the RE2 syntax that computes prefixes of length at most k. */
    private static final class Parser {
        private static final Cls DIGIT = range('0', '9');
        private static final Cls SPACE = Cls.of('\t').or(Cls.of('\n')).or(Cls.of('\f')).or(Cls.of('\r')).or(Cls.of(' '));
        private static final Cls WORD = range('0', '9').or(range('a', 'z')).or(range('A', 'Z')).or(Cls.of('_'));

        private final String re;
        private final int k;
        int at;

        Parser(String re, int k) {
            this.re = re;
            this.k = k;
        }

        private static Cls range(char from, char to) {
            Cls c = new Cls(0, 0, false);
            for (char x = from; x <= to; x++) {
                c = c.or(Cls.of(x));
            }
            return c;
        }

        Prefixes alternation() {
            Prefixes all = concatenation();
            while (at < re.length() && re.charAt(at) == '|') {
                at++;
                all = union(all, concatenation());
            }
            return all;
        }

        private Prefixes concatenation() {
            Prefixes all = epsilon();
            while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
                all = concat(all, repeated());
            }
            return all;
        }

        private Prefixes repeated() {
            Prefixes atom = atom();
            while (at < re.length()) {
                char c = re.charAt(at);
                int min;
                int max;
                if (c == '?') {
                    min = 0;
                    max = 1;
                    at++;
                } else if (c == '*') {
                    min = 0;
                    max = -1;
                    at++;
                } else if (c == '+') {
                    min = 1;
                    max = -1;
                    at++;
                } else if (c == '{' && isCounted()) {
                    int close = re.indexOf('}', at);
                    String body = re.substring(at + 1, close);
                    int comma = body.indexOf(',');
                    min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                    at = close + 1;
                } else {
                    break;
                }
                if (at < re.length() && re.charAt(at) == '?') {
                    at++; // lazy: the same strings
                }
                atom = repeat(atom, min, max);
            }
            return atom;
        }

        private boolean isCounted() {
            int close = re.indexOf('}', at);
            return close > at + 1 && re.substring(at + 1, close).matches("\\d{1,4}(,\\d{0,4})?");
        }

        private Prefixes atom() {
            char c = re.charAt(at);
            switch (c) {
                case '(' -> {
                    at++;
                    if (re.startsWith("?:", at)) {
                        at += 2;
                    } else if (re.startsWith("?P<", at) || re.startsWith("?<", at)) {
                        at = re.indexOf('>', at) + 1;
                        if (at == 0) {
                            throw new Unsupported();
                        }
                    } else if (at < re.length() && re.charAt(at) == '?') {
                        throw new Unsupported(); // flags
                    }
                    Prefixes inner = alternation();
                    if (at >= re.length() || re.charAt(at) != ')') {
                        throw new Unsupported();
                    }
                    at++;
                    return inner;
                }
                case '[' -> {
                    return single(bracket());
                }
                case '.' -> {
                    at++;
                    return single(Cls.ANY_BUT_NEWLINE);
                }
                case '^', '$' -> {
                    at++;
                    return epsilon(); // an anchor only narrows where a match is: read as nothing
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{', ')' -> throw new Unsupported();
                default -> {
                    at++;
                    return single(Cls.of(c));
                }
            }
        }

        private Prefixes escape() {
            if (at + 1 >= re.length()) {
                throw new Unsupported();
            }
            char e = re.charAt(at + 1);
            at += 2;
            if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
                return epsilon();
            }
            Cls c = escapedClass(e);
            return single(c);
        }

        /** A class escape (\d \s \w and their negations) or an escaped punctuation character. */
        private static Cls escapedClass(char e) {
            return switch (e) {
                case 'd' -> DIGIT;
                case 'D' -> DIGIT.not();
                case 's' -> SPACE;
                case 'S' -> SPACE.not();
                case 'w' -> WORD;
                case 'W' -> WORD.not();
                case 't' -> Cls.of('\t');
                case 'n' -> Cls.of('\n');
                case 'r' -> Cls.of('\r');
                case 'f' -> Cls.of('\f');
                default -> {
                    if (e < 128 && !Character.isLetterOrDigit(e)) {
                        yield Cls.of(e);
                    }
                    throw new Unsupported(); // \p{..}, \x.., \Q..\E, octal, back references...
                }
            };
        }

        private Cls bracket() {
            at++; // '['
            boolean negated = at < re.length() && re.charAt(at) == '^';
            if (negated) {
                at++;
            }
            Cls c = new Cls(0, 0, false);
            boolean firstMember = true;
            while (true) {
                if (at >= re.length()) {
                    throw new Unsupported();
                }
                char x = re.charAt(at);
                if (x == ']' && !firstMember) {
                    at++;
                    break;
                }
                firstMember = false;
                if (x == '[') {
                    throw new Unsupported(); // [:alpha:] and the like
                }
                Cls member;
                char low;
                if (x == '\\') {
                    if (at + 1 >= re.length()) {
                        throw new Unsupported();
                    }
                    char e = re.charAt(at + 1);
                    at += 2;
                    if ("dDsSwW".indexOf(e) >= 0) {
                        c = c.or(escapedClass(e));
                        continue;
                    }
                    member = escapedClass(e);
                    low = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 'f' ? '\f' : e;
                } else {
                    at++;
                    member = Cls.of(x);
                    low = x;
                }
                if (at + 1 < re.length() && re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
                    char high = re.charAt(at + 1);
                    if (high == '\\' || high == '[') {
                        throw new Unsupported();
                    }
                    at += 2;
                    if (high < low) {
                        throw new Unsupported();
                    }
                    member = high >= 128 ? range(low, (char) Math.min(high, 127)).or(new Cls(0, 0, true))
                            : range(low, high);
                }
                c = c.or(member);
            }
            return negated ? c.not() : c;
        }

        private Prefixes epsilon() {
            Prefixes p = new Prefixes();
            p.sequences.add(List.of());
            return p;
        }

        private Prefixes single(Cls c) {
            Prefixes p = new Prefixes();
            p.sequences.add(List.of(c));
            return p;
        }

        private Prefixes union(Prefixes a, Prefixes b) {
            Prefixes p = new Prefixes();
            p.sequences.addAll(a.sequences);
            p.sequences.addAll(b.sequences);
            return capped(p);
        }

        private Prefixes concat(Prefixes a, Prefixes b) {
            Prefixes p = new Prefixes();
            for (List<Cls> x : a.sequences) {
                if (x.size() >= k) {
                    p.sequences.add(x);
                    continue;
                }
                for (List<Cls> y : b.sequences) {
                    List<Cls> z = new ArrayList<>(x);
                    for (int i = 0; i < y.size() && z.size() < k; i++) {
                        z.add(y.get(i));
                    }
                    p.sequences.add(List.copyOf(z));
                }
            }
            return capped(p);
        }

        private Prefixes repeat(Prefixes x, int min, int max) {
            if (min > 1_000 || (max >= 0 && max < min)) {
                throw new Unsupported();
            }
            Prefixes result = epsilon();
            for (int i = 0; i < min; i++) {
                result = concat(result, x);
            }
            // more repetitions only matter until every sequence is k long (k more are always enough)
            int more = max < 0 ? k : Math.min(max - min, k);
            Prefixes current = result;
            for (int i = 0; i < more; i++) {
                current = concat(current, x);
                result = union(result, current);
            }
            return result;
        }

        private Prefixes capped(Prefixes p) {
            if (p.sequences.size() > MOST) {
                throw TOO_MANY;
            }
            return p;
        }
    }
}
