package io.cmkit.core.live.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hashtag checks and accent- and case-insensitive matching of words in text. */
public final class Hashtags {

    /** A hashtag body as platforms read it: letters, digits and '_', with at least one letter. */
    private static final Pattern BODY = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Hashtags() {
    }

    /** The hashtag without its leading '#' (or full-width '＃'), stripped of surrounding spaces. */
    public static String body(String tag) {
        String t = tag.strip();
        if (t.startsWith("#") || t.startsWith("＃")) {
            t = t.substring(1);
        }
        return t;
    }

    /** Whether a body (without '#') is a hashtag platforms recognise. */
    public static boolean isValidBody(String body) {
        return BODY.matcher(body).matches();
    }

    /** Case folded, accents removed, compatibility forms unified: "Café" and "CAFE" fold alike. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * The folded words of a text, hashtags included without their '#': a tag written with or
     * without '#' is found alike.
     */
    public static Set<String> foldedWords(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(fold(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
