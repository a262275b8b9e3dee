package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Platform;
import java.net.URI;

/**
 * Identifiers that look like each platform's own: Mastodon's and X's time-ordered snowflakes,
 * Bluesky's at:// URIs with a TID record key and a CID version, LinkedIn's URNs, Facebook's
 * {@code page_post} pairs. Every id is derived from a time and a salt local to the stream that
 * makes it, never from a global counter, so ids do not depend on the order streams are read in.
 */
final class Ids {

    private static final String SORTABLE_BASE32 = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long X_EPOCH = 1_288_834_974_657L;

    private Ids() {
    }

    /** A post's or an interaction's id on this platform; {@code did} is the author's for Bluesky. */
    static String id(Platform platform, String did, long ms, long salt) {
        long t = Math.max(0, ms);
        return switch (platform.id()) {
            case "mastodon" -> Long.toString((t << 16) | (salt & 0xFFFF));
            case "x" -> Long.toString((Math.max(0, t - X_EPOCH) << 22) | (salt & 0x3FFFFF));
            case "bluesky" -> "at://" + did + "/app.bsky.feed.post/" + tid(t, salt);
            case "linkedin" -> "urn:li:share:" + ((t << 12) | (salt & 0xFFF));
            case "facebook" -> (100_000_000_000_000L + Math.floorMod(Seeds.hash(did), 900_000_000_000_000L)) + "_"
                    + ((t << 12) | (salt & 0xFFF));
            default -> Long.toString((t << 12) | (salt & 0xFFF));
        };
    }

    /** Bluesky's timestamp identifier: microseconds and a clock id, in sortable base32, 13 characters. */
    static String tid(long ms, long salt) {
        long micros = ms * 1_000 + Math.floorMod(salt, 1_000);
        long value = (micros << 10) | (salt & 0x3FF);
        return base32(value & Long.MAX_VALUE, 13);
    }

    /** A content identifier in the shape of Bluesky's (CIDv1, dag-cbor, sha-256, base32). */
    static String cid(String of) {
        long a = Seeds.hash(of);
        long b = Seeds.mix(a ^ 0x9E3779B97F4A7C15L);
        long c = Seeds.mix(b ^ 0x632BE59BD9B4E019L);
        long d = Seeds.mix(c ^ 0x85157AF5L);
        return "bafyrei" + base32(a, 13) + base32(b, 13) + base32(c, 13) + base32(d, 13).substring(0, 13);
    }

    /** {@code chars} characters of sortable base32 from the value's low bits. */
    static String base32(long value, int chars) {
        char[] out = new char[chars];
        long v = value;
        for (int i = chars - 1; i >= 0; i--) {
            out[i] = SORTABLE_BASE32.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    /** The last path segment of an id: the record key of an at:// URI, else the id itself. */
    static String recordKey(String id) {
        int slash = id.lastIndexOf('/');
        return slash >= 0 ? id.substring(slash + 1) : id;
    }

    /** Where a person would see it, on a reserved domain that is clearly not the real platform. */
    static URI url(Platform platform, String handle, String id) {
        String key = keepOrDash(recordKey(id), "_.:-");
        String user = keepOrDash(handle, "_.@-");
        return URI.create("https://" + platform.id() + ".sandbox.invalid/@" + user + "/" + key);
    }

    /**
     * {@code text} with each code point other than an ASCII letter, an ASCII digit or one of
     * {@code allowed} replaced by one {@code -}: what {@code replaceAll("[^A-Za-z0-9" + allowed +
     * "]", "-")} gives, without compiling a pattern for every post and interaction.
     */
    static String keepOrDash(String text, String allowed) {
        int i = 0;
        while (i < text.length() && kept(text.charAt(i), allowed)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            out.append(kept(c, allowed) ? (char) c : '-');
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean kept(int c, String allowed) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c < 128 && allowed.indexOf(c) >= 0);
    }
}
