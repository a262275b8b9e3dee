package io.cmkit.core.text.internal;

import io.cmkit.core.text.Token;
import io.cmkit.core.text.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tokenizer's scanner: one pass over the code points, trying the token kinds in a fixed order. */
public final class TokenScanner {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /** French words that elide before a vowel: {@code l'}, {@code qu'}, {@code jusqu'}... */
    private static final Set<String> ELISIONS = Set.of(
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu");

    private TokenScanner() {
    }

    public static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        Matcher grapheme = null;
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int cc = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += cc;
                continue;
            }
            boolean afterWord = i > 0 && isWordCp(s.codePointBefore(i));
            if (!afterWord && (startsWithIgnoreCase(s, i, "http://") || startsWithIgnoreCase(s, i, "https://"))) {
                int e = urlEnd(s, i, s.indexOf("://", i) + 3);
                if (e > s.indexOf("://", i) + 3) {
                    out.add(token(TokenType.URL, s, i, e));
                    i = e;
                    continue;
                }
            }
            if ((cp == '#' || cp == '\uFF03') && !afterWord && i + 1 < n
                    && (Character.isLetterOrDigit(s.codePointAt(i + 1)) || s.charAt(i + 1) == '_')) {
                int e = i + cc;
                boolean nonDigit = false;
                while (e < n) {
                    int c = s.codePointAt(e);
                    if (!(Character.isLetterOrDigit(c) || c == '_' || CharFolding.isMark(c))) {
                        break;
                    }
                    nonDigit |= !Character.isDigit(c);
                    e += Character.charCount(c);
                }
                if (nonDigit) {
                    out.add(token(TokenType.HASHTAG, s, i, e));
                    i = e;
                    continue;
                }
            }
            if (cp == '@' && !afterWord) {
                int e = mentionEnd(s, i);
                if (e > 0) {
                    out.add(token(TokenType.MENTION, s, i, e));
                    i = e;
                    continue;
                }
            }
            if (isEmojiStart(s, i, cp)) {
                if (grapheme == null) {
                    grapheme = GRAPHEME.matcher(s);
                }
                grapheme.region(i, n);
                int e = grapheme.lookingAt() ? grapheme.end() : i + cc;
                out.add(token(TokenType.EMOJI, s, i, e));
                i = e;
                continue;
            }
            if (isWordCp(cp)) {
                int e = emailEnd(s, i);
                if (e > 0) {
                    out.add(token(TokenType.EMAIL, s, i, e));
                    i = e;
                    continue;
                }
                e = bareUrlEnd(s, i);
                if (e > 0) {
                    out.add(token(TokenType.URL, s, i, e));
                    i = e;
                    continue;
                }
                i = word(s, i, out);
                continue;
            }
            i += cc;
        }
        return out;
    }

    private static Token token(TokenType type, String s, int start, int end) {
        return new Token(type, s.substring(start, end), start, end);
    }

    static boolean isWordCp(int cp) {
        return Character.isLetterOrDigit(cp) || CharFolding.isMark(cp);
    }

    private static boolean startsWithIgnoreCase(String s, int at, String prefix) {
        return s.regionMatches(true, at, prefix, 0, prefix.length());
    }

    // ---------------------------------------------------------------- words and numbers

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    private static boolean isHyphen(int c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static int word(String s, int start, List<Token> out) {
        int n = s.length();
        int i = start;
        boolean digitsOnly = true;
        while (i < n) {
            int c = s.codePointAt(i);
            int cc = Character.charCount(c);
            if (isWordCp(c)) {
                digitsOnly &= Character.isDigit(c);
                i += cc;
                continue;
            }
            boolean nextIsWord = i + cc < n && isWordCp(s.codePointAt(i + cc));
            if (!nextIsWord) {
                break;
            }
            if (isApostrophe(c)) {
                String before = s.substring(start, i).toLowerCase(Locale.ROOT);
                if (ELISIONS.contains(before)) {
                    out.add(token(TokenType.WORD, s, start, i + cc));
                    return i + cc;
                }
                digitsOnly = false;
                i += cc;
                continue;
            }
            if (isHyphen(c)) {
                digitsOnly = false;
                i += cc;
                continue;
            }
            if ((c == '.' || c == ',') && digitsOnly && Character.isDigit(s.codePointAt(i + cc))) {
                i += cc;
                continue;
            }
            break;
        }
        out.add(token(digitsOnly ? TokenType.NUMBER : TokenType.WORD, s, start, i));
        return i;
    }

    // ---------------------------------------------------------------- mentions

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** End of {@code @handle}, {@code @a.bsky.social} or {@code @user@instance.tld}, or -1. */
    private static int mentionEnd(String s, int at) {
        int n = s.length();
        int i = at + 1;
        while (i < n && isHandleChar(s.charAt(i))) {
            i++;
        }
        if (i == at + 1) {
            return -1;
        }
        // Dotted handle (Bluesky): labels of handle characters or hyphens.
        i = labels(s, i);
        if (i < n && s.charAt(i) == '@' && i + 1 < n && isHandleChar(s.charAt(i + 1))) {
            int hostStart = i + 1;
            int e = hostStart;
            while (e < n && (isHandleChar(s.charAt(e)) || s.charAt(e) == '-')) {
                e++;
            }
            int e2 = labels(s, e);
            if (e2 > e) {
                return e2;
            }
        }
        return i;
    }

    /** Consumes {@code (.label)*}, where a label is letters, digits, hyphens; never a trailing dot. */
    private static int labels(String s, int i) {
        int n = s.length();
        while (i + 1 < n && s.charAt(i) == '.' && isHandleChar(s.charAt(i + 1))) {
            int e = i + 1;
            while (e < n && (isHandleChar(s.charAt(e)) || s.charAt(e) == '-')) {
                e++;
            }
            i = e;
        }
        return i;
    }

    // ---------------------------------------------------------------- links

    private static boolean isHostChar(int c) {
        return (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-')) || (c >= 0x80 && Character.isLetterOrDigit(c));
    }

    /** End of a host with a known top-level domain at {@code i}, and its path if any; or -1. */
    private static int bareUrlEnd(String s, int i) {
        int n = s.length();
        int e = i;
        int dots = 0;
        int lastLabel = i;
        while (true) {
            int ls = e;
            while (e < n && isHostChar(s.codePointAt(e))) {
                e += Character.charCount(s.codePointAt(e));
            }
            if (e == ls) {
                return -1;
            }
            lastLabel = ls;
            if (e + 1 < n && s.charAt(e) == '.' && isHostChar(s.codePointAt(e + 1))) {
                dots++;
                e++;
                continue;
            }
            break;
        }
        if (dots == 0) {
            return -1;
        }
        String tld = s.substring(lastLabel, e).toLowerCase(Locale.ROOT);
        boolean www = startsWithIgnoreCase(s, i, "www.");
        if (!www && !DomainRules.TLDS.contains(tld)) {
            return -1;
        }
        if (e < n && isWordCp(s.codePointAt(e))) {
            return -1;
        }
        if (e < n && (s.charAt(e) == '/' || s.charAt(e) == ':' || s.charAt(e) == '?' || s.charAt(e) == '#')) {
            return urlEnd(s, i, e);
        }
        return e;
    }

    /** The end of a URL's tail from {@code from}: up to whitespace, without trailing punctuation or an unbalanced bracket. */
    private static int urlEnd(String s, int start, int from) {
        int n = s.length();
        int e = from;
        while (e < n) {
            int c = s.codePointAt(e);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '<' || c == '>' || c == '"'
                    || c == '«' || c == '»' || isEmojiCp(c)) {
                break;
            }
            e += Character.charCount(c);
        }
        while (e > from) {
            char c = s.charAt(e - 1);
            if (".,;:!?'\u2019*".indexOf(c) >= 0) {
                e--;
            } else if (c == ')' && count(s, start, e, '(') < count(s, start, e, ')')) {
                e--;
            } else if (c == ']' && count(s, start, e, '[') < count(s, start, e, ']')) {
                e--;
            } else {
                break;
            }
        }
        return e;
    }

    private static int count(String s, int from, int to, char c) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }

    private static int emailEnd(String s, int i) {
        int n = s.length();
        int e = i;
        while (e < n) {
            char c = s.charAt(e);
            if (isHandleChar(c) || c == '.' || c == '%' || c == '+' || c == '-') {
                e++;
            } else {
                break;
            }
        }
        if (e == i || e >= n || s.charAt(e) != '@' || s.charAt(e - 1) == '.') {
            return -1;
        }
        int hostStart = e + 1;
        int h = hostStart;
        int dots = 0;
        while (h < n) {
            char c = s.charAt(h);
            if (isHandleChar(c) || c == '-') {
                h++;
            } else if (c == '.' && h + 1 < n && isHandleChar(s.charAt(h + 1)) && h > hostStart) {
                dots++;
                h++;
            } else {
                break;
            }
        }
        return dots > 0 ? h : -1;
    }

    // ---------------------------------------------------------------- emoji

    static boolean isEmojiCp(int cp) {
        if (cp >= 0x1F000 && cp <= 0x1FAFF) {
            int t = Character.getType(cp);
            return t == Character.OTHER_SYMBOL || t == Character.MODIFIER_SYMBOL || (cp >= 0x1F1E6 && cp <= 0x1F1FF);
        }
        if ((cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)) {
            return Character.getType(cp) == Character.OTHER_SYMBOL;
        }
        return cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }

    private static boolean isEmojiStart(String s, int i, int cp) {
        if (isEmojiCp(cp)) {
            return true;
        }
        int n = s.length();
        int next = i + Character.charCount(cp);
        // Keycaps (1️⃣ #️⃣) and text symbols with the emoji presentation selector (©️ ™️ ‼️).
        if (next < n && (s.charAt(next) == '\uFE0F' || s.charAt(next) == '\u20E3')) {
            return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*' || Character.getType(cp) == Character.OTHER_SYMBOL
                    || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21AA);
        }
        return false;
    }
}
