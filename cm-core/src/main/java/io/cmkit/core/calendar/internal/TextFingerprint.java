package io.cmkit.core.calendar.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a post's text that duplicate detection compares: NFKC, case folded, every URL
 * replaced by one placeholder (so the same text with another tracking link is still the same
 * text), runs of white space collapsed to one space, trimmed.
 */
public final class TextFingerprint {

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]+");

    private TextFingerprint() {
    }

    public static String of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = URL.matcher(s).replaceAll(" <url> ");
        s = s.toLowerCase(Locale.ROOT);
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return s;
    }
}
