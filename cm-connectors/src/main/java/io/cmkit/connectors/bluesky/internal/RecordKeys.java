package io.cmkit.connectors.bluesky.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Record keys derived from idempotency keys. Bluesky takes no idempotency key, but a record
 * written with a chosen key exists at most once: a second {@code createRecord} with the same key
 * fails, and {@code getRecord} finds the first. The key is a TID in syntax (13 characters of
 * base32-sortable, first one below {@code k}), made from the SHA-256 of the idempotency key, so it
 * is valid wherever the lexicon asks for a {@code tid} record key.
 */
public final class RecordKeys {

    private static final char[] S32 = "234567abcdefghijklmnopqrstuvwxyz".toCharArray();

    private RecordKeys() {
    }

    /** The TID-shaped record key for this idempotency key (and purpose: "post", "block"...). */
    public static String forKey(String purpose, String idempotencyKey) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[i] & 0xff);
        }
        v &= 0x7fffffffffffffffL;   // a TID's top bit is 0
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = S32[(int) (v & 31)];
            v >>>= 5;
        }
        return new String(out);
    }
}
