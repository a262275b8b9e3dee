package io.cmkit.connectors.http.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 8288 {@code Link} headers, as Mastodon sends them, and query strings. */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

    private LinkHeader() {
    }

    /** Links by relation; a link with several relations ({@code rel="prev first"}) is listed under each. */
    public static Map<String, URI> parse(List<String> headerValues) {
        Map<String, URI> out = new LinkedHashMap<>();
        for (String value : headerValues) {
            Matcher m = LINK.matcher(value);
            while (m.find()) {
                Matcher rel = REL.matcher(m.group(2));
                if (!rel.find()) {
                    continue;
                }
                String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                URI uri;
                try {
                    uri = URI.create(m.group(1).trim());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                for (String r : rels.trim().split("\\s+")) {
                    out.putIfAbsent(r.toLowerCase(java.util.Locale.ROOT), uri);
                }
            }
        }
        return out;
    }

    /** Decoded name/value pairs of a raw query string, in order. */
    public static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            out.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The raw query string reduced to these parameters, in their order. */
    public static String keepParameters(String rawQuery, Set<String> keep) {
        StringBuilder out = new StringBuilder();
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            if (keep.contains(name)) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(part);
            }
        }
        return out.toString();
    }
}
