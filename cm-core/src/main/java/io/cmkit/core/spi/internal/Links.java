package io.cmkit.core.spi.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links that X and Mastodon count at a fixed length, following the rules of
 * twitter-text's URL extractor, which both platforms use: a link starts at a word boundary, its
 * host ends in a real top-level domain, and trailing punctuation ("see https://example.com.")
 * or an unbalanced closing parenthesis is not part of it. X also takes links written without a
 * protocol ({@code example.com}); Mastodon only takes links with one.
 */
final class Links {

    /** A link found in a text: {@code [start, end)} in UTF-16 indices. */
    record Span(int start, int end) {
    }

    /** Whose rules to follow. */
    enum Style {
        /** twitter-text as X runs it: http(s) links, and links without a protocol. */
        X,
        /** twitter-text as Mastodon configures it: links with a protocol only, broader paths. */
        MASTODON
    }

    private Links() {
    }

    // Latin letters with diacritics, which twitter-text accepts in hosts and paths.
    private static final String LATIN = "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff";
    // A host character after a protocol: anything but ASCII punctuation, spaces and the General
    // Punctuation block (which holds the bidirectional controls).
    private static final String UNICODE_HOST_CHAR = "[^\\p{Punct}\\s\\p{Z}\\p{InGeneralPunctuation}\\u061c\\ufeff\\ufffe\\uffff]";
    private static final String ASCII_HOST_CHAR = "[a-z0-9" + LATIN + "]";
    private static final String UNICODE_HOST = UNICODE_HOST_CHAR + "(?:[_-]|" + UNICODE_HOST_CHAR + ")*+"
            + "(?:\\.(?:[_-]|" + UNICODE_HOST_CHAR + ")++)++";
    private static final String ASCII_HOST = ASCII_HOST_CHAR + "[_" + LATIN + "a-z0-9-]*+"
            + "(?:\\.[_" + LATIN + "a-z0-9-]++)++";

    // A link never starts right after a letter or digit of ASCII, '@', '$' or '#'.
    private static final String PRECEDING = "(?<![a-z0-9@\\uff20$#\\uff03\\ufffe\\ufeff\\uffff])";

    private static final Pattern X_CANDIDATE = Pattern.compile(
            PRECEDING + "(?:(https?://)(" + UNICODE_HOST + ")|(" + ASCII_HOST + "))", Pattern.CASE_INSENSITIVE);
    private static final Pattern MASTODON_CANDIDATE = Pattern.compile(
            PRECEDING + "((?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)(" + UNICODE_HOST + ")",
            Pattern.CASE_INSENSITIVE);

    /** The links in the text, in order, not overlapping. */
    static List<Span> find(String text, Style style) {
        if (text.indexOf('.') < 0) {
            return List.of();
        }
        Matcher m = (style == Style.X ? X_CANDIDATE : MASTODON_CANDIDATE).matcher(text);
        List<Span> out = new ArrayList<>();
        int from = 0;
        while (from < text.length() && m.find(from)) {
            boolean withProtocol = m.group(1) != null;
            int hostStart = withProtocol ? m.start(2) : m.start(3);
            int hostEnd = withProtocol ? m.end(2) : m.end(3);
            from = hostEnd;
            if (!withProtocol && m.start() > 0 && "-_./".indexOf(text.charAt(m.start() - 1)) >= 0) {
                continue;
            }
            int end = validHostEnd(text, hostStart, hostEnd);
            if (end < 0) {
                continue;
            }
            String host = text.substring(hostStart, end);
            boolean hasPath = false;
            if (end == hostEnd) {
                end = port(text, end);
                if (end < text.length() && text.charAt(end) == '/') {
                    hasPath = true;
                    end = withProtocol && host.equalsIgnoreCase("t.co") ? tcoSlug(text, end) : path(text, end, style);
                }
                if (end < text.length() && text.charAt(end) == '?') {
                    end = query(text, end, style);
                }
            }
            if (!withProtocol && !hasPath && isShortCountryDomain(host)) {
                continue;
            }
            out.add(new Span(m.start(), end));
            from = end;
        }
        return out;
    }

    /**
     * The end of the longest prefix of the host that ends in a top-level domain and that IDNA
     * accepts (labels of at most 63 characters once encoded); -1 when there is none.
     */
    private static int validHostEnd(String text, int start, int end) {
        String host = text.substring(start, end);
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return -1;
            }
        }
        int labelEnd = end;
        for (int n = labels.length; n >= 2; n--) {
            String tld = labels[n - 1];
            if (tld.indexOf('_') >= 0 || labels[n - 2].indexOf('_') >= 0) {
                // Only sub-domains may hold an underscore.
                labelEnd -= tld.length() + 1;
                continue;
            }
            char after = labelEnd < text.length() ? Character.toLowerCase(text.charAt(labelEnd)) : ' ';
            boolean endsWell = !((after >= 'a' && after <= 'z') || (after >= '0' && after <= '9')
                    || after == '@' || after == '+' || after == '-');
            if (endsWell && isTld(tld)) {
                try {
                    return IDN.toASCII(text.substring(start, labelEnd), IDN.ALLOW_UNASSIGNED).isEmpty() ? -1 : labelEnd;
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    return -1;
                }
            }
            labelEnd -= tld.length() + 1;
        }
        return -1;
    }

    /**
     * A name right under a country-code domain ({@code example.fr}), which twitter-text takes for
     * a link without a protocol only when a path follows, {@code .co} and {@code .tv} excepted.
     */
    private static boolean isShortCountryDomain(String host) {
        int dot = host.indexOf('.');
        if (dot < 0 || dot != host.lastIndexOf('.')) {
            return false;
        }
        String tld = host.substring(dot + 1).toLowerCase(Locale.ROOT);
        return tld.length() == 2 && !tld.equals("co") && !tld.equals("tv");
    }

    /** A t.co link ends with its slug: {@code http://t.co/pbY2NfTZ's} is {@code http://t.co/pbY2NfTZ}. */
    private static int tcoSlug(String text, int slash) {
        int i = slash + 1;
        while (i < text.length() && asciiAlnum(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTld(String label) {
        try {
            return Tlds.ALL.contains(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static int port(String text, int i) {
        if (i + 1 < text.length() && text.charAt(i) == ':' && isAsciiDigit(text.charAt(i + 1))) {
            int j = i + 1;
            while (j < text.length() && isAsciiDigit(text.charAt(j))) {
                j++;
            }
            return j;
        }
        return i;
    }

    /**
     * The end of the path that starts with the '/' at {@code slash}: the path runs over path
     * characters and parentheses nested at most twice, and ends after its last character that may
     * end a path, or after a balanced closing parenthesis.
     */
    private static int path(String text, int slash, Style style) {
        int end = slash + 1;
        int depth = 0;
        int i = slash + 1;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == '(') {
                if (++depth > 2) {
                    break;
                }
            } else if (cp == ')') {
                if (depth == 0) {
                    break;
                }
                if (--depth == 0) {
                    end = next;
                }
            } else if (!pathChar(cp, style)) {
                break;
            } else if (depth == 0 && pathEnding(cp, style)) {
                end = next;
            }
            i = next;
        }
        return end;
    }

    private static int query(String text, int mark, Style style) {
        int end = mark;
        int i = mark + 1;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!queryChar(cp, style)) {
                break;
            }
            i += Character.charCount(cp);
            if (queryEnding(cp, style)) {
                end = i;
            }
        }
        return end;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean asciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c);
    }

    private static boolean latinOrCyrillic(int c) {
        return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x300 && c <= 0x36F)
                || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x400 && c <= 0x4FF);
    }

    // Mastodon lets any non-ASCII character in a query.
    private static boolean wide(int c) {
        return c >= 0xA0 && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }

    private static boolean pathChar(int c, Style style) {
        if (style == Style.MASTODON) {
            return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && "<>()?".indexOf(c) < 0;
        }
        return asciiAlnum(c) || latinOrCyrillic(c) || "!*';:=+,.$/%#[]-\u2013_~|&@".indexOf(c) >= 0;
    }

    private static boolean pathEnding(int c, Style style) {
        if (style == Style.MASTODON) {
            return pathChar(c, style) && "!*\"'\u300c\u300d;:=,.$%[]~&|@".indexOf(c) < 0;
        }
        return asciiAlnum(c) || latinOrCyrillic(c) || "=_#/-+".indexOf(c) >= 0;
    }

    private static boolean queryChar(int c, Style style) {
        return asciiAlnum(c) || "!?*'();:&=+$/%#[]-_.,~|@".indexOf(c) >= 0
                || (style == Style.MASTODON && (c == '^' || wide(c)));
    }

    private static boolean queryEnding(int c, Style style) {
        return asciiAlnum(c) || "-_&=#/".indexOf(c) >= 0 || (style == Style.MASTODON && wide(c));
    }

    /** The top-level domains, read once from {@code tlds.txt}. */
    private static final class Tlds {
        static final Set<String> ALL = load();

        private static Set<String> load() {
            Set<String> out = new HashSet<>();
            try (InputStream in = Links.class.getResourceAsStream("tlds.txt")) {
                if (in == null) {
                    throw new IllegalStateException("tlds.txt is missing from io/cmkit/core/spi/internal");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String tld = line.strip();
                    if (!tld.isEmpty() && !tld.startsWith("#")) {
                        out.add(tld.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(out);
        }
    }
}
