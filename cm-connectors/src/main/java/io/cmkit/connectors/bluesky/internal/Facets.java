package io.cmkit.connectors.bluesky.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich-text facets of a post ({@code app.bsky.richtext.facet}): links, mentions and hashtags,
 * each over a range of UTF-8 <em>bytes</em> ({@code byteStart} inclusive, {@code byteEnd}
 * exclusive), as the lexicon requires, not UTF-16 chars nor code points. The patterns follow the
 * reference client's (@atproto/api RichText): a mention is {@code @} and a handle with a dot; a
 * link starts with {@code http://} or {@code https://}; a hashtag is {@code #} and at least one
 * character that is not a digit, up to 64 characters; trailing punctuation is left out of links
 * and tags.
 */
public final class Facets {

    private static final Pattern MENTION = Pattern.compile(
            "(?<=^|[\\s(])@([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)");
    private static final Pattern LINK = Pattern.compile("(?<=^|[\\s(])https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("(?<=^|\\s)[#\uFF03]([^\\s#\uFF03\u00AD\u2060\u200A\u200B\u200C\u200D\u20E2]+)");
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]}'\"]+$");

    private Facets() {
    }

    /**
     * The facets of {@code text}. {@code resolve} turns a handle into a DID; a handle it cannot
     * resolve is left as plain text (no facet).
     */
    public static <E extends Exception> List<Map<String, Object>> of(String text, Resolver<E> resolve) throws E {
        List<Map<String, Object>> out = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String url = strip(m.group());
            if (url.length() > "https://".length()) {
                add(out, taken, text, m.start(), m.start() + url.length(), feature("link", "uri", url));
            }
        }
        m = MENTION.matcher(text);
        while (m.find()) {
            String handle = strip(m.group(1));
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            Optional<String> did = resolve.resolve(handle);
            if (did.isPresent()) {
                add(out, taken, text, m.start(), m.start() + 1 + handle.length(), feature("mention", "did", did.get()));
            }
        }
        m = TAG.matcher(text);
        while (m.find()) {
            String tag = strip(m.group(1));
            if (tag.isEmpty() || tag.chars().allMatch(Character::isDigit) || tag.codePointCount(0, tag.length()) > 64
                    || overlaps(taken, m.start(), m.end())) {
                continue;
            }
            add(out, taken, text, m.start(), m.start() + 1 + tag.length(), feature("tag", "tag", tag));
        }
        out.sort((a, b) -> Integer.compare(byteStart(a), byteStart(b)));
        return out;
    }

    /** Resolves a handle to a DID, or empty when it cannot. */
    @FunctionalInterface
    public interface Resolver<E extends Exception> {
        Optional<String> resolve(String handle) throws E;
    }

    /** A resolver that knows a fixed set of handles. */
    public static Resolver<RuntimeException> fixed(Function<String, Optional<String>> lookup) {
        return lookup::apply;
    }

    /** The UTF-8 length of {@code text} up to this char index. */
    public static int utf8Offset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String strip(String s) {
        return TRAILING.matcher(s).replaceFirst("");
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && t[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Map<String, Object>> out, List<int[]> taken, String text, int start, int end,
                            Map<String, Object> feature) {
        taken.add(new int[] {start, end});
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("byteStart", utf8Offset(text, start));
        index.put("byteEnd", utf8Offset(text, end));
        Map<String, Object> facet = new LinkedHashMap<>();
        facet.put("index", index);
        facet.put("features", List.of(feature));
        out.add(facet);
    }

    private static Map<String, Object> feature(String kind, String field, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("$type", "app.bsky.richtext.facet#" + kind);
        f.put(field, value);
        return f;
    }

    @SuppressWarnings("unchecked")
    private static int byteStart(Map<String, Object> facet) {
        return (Integer) ((Map<String, Object>) facet.get("index")).get("byteStart");
    }
}
