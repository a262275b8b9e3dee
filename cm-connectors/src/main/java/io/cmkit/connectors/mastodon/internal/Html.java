package io.cmkit.connectors.mastodon.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon's HTML (status content, account notes) as plain text: tags stripped, link text kept,
 * line breaks kept from {@code <br>} and paragraphs, entities unescaped. Mastodon's own markup is
 * simple (p, br, a, span), so a small converter is enough and no HTML parser is needed.
 */
public final class Html {

    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("(?i)</p>\\s*<p(\\s[^>]*)?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|li|blockquote|h[1-6])>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("hellip", "…"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("rsquo", "’"),
            Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"), Map.entry("ldquo", "“"), Map.entry("euro", "€"),
            Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("eacute", "é"),
            Map.entry("egrave", "è"), Map.entry("agrave", "à"), Map.entry("ccedil", "ç"));

    private Html() {
    }

    /** The text of Mastodon HTML; {@code null} gives the empty string. */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = html.replace("\r\n", "\n");
        s = SCRIPT.matcher(s).replaceAll("");
        s = BR.matcher(s).replaceAll("\n");
        s = PARAGRAPH_BREAK.matcher(s).replaceAll("\n\n");
        s = BLOCK_END.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = unescape(s);
        return s.strip();
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                value = codePoint(Integer.parseInt(name.substring(2), 16), m.group());
            } else if (name.startsWith("#")) {
                value = codePoint(Integer.parseInt(name.substring(1)), m.group());
            } else {
                value = NAMED.getOrDefault(name, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : original;
    }
}
