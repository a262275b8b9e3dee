package io.cmkit.core.text.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one code point becomes under the per-character steps (NFKC, confusables, diacritics, case
 * folding). Basic Multilingual Plane code points are looked up in a table built once per
 * combination of steps; others are computed once and cached.
 */
final class CharFolding {

    /** In {@link #single}: the code point maps to a string held in {@link #multi}. */
    static final char MULTI = '\uFFFF';

    private static final CharFolding[] BY_FLAGS = new CharFolding[16];

    private static final Map<Integer, Integer> CONFUSABLES = new HashMap<>();
    private static final Map<Integer, String> STROKED = new HashMap<>();

    static {
        // Cyrillic, Greek and Armenian look-alikes, upper and lower case, to the Latin letter they imitate.
        confusable("АВЕКМНОРСТХУЅІЈԚԜ", "ABEKMHOPCTXYSIJQW");
        confusable("авекмнорстхуѕіјԁһӏԛԝүɡ", "abekmhopctxysijdhlqwyg");
        confusable("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX");
        confusable("αβγεηικνορτυχωμ", "abyenikvoptuxwu");
        confusable("ոսհօցզ", "nuhoqg");
        // Small capitals.
        confusable("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz");
        // Letters with no canonical decomposition that people read as the plain letter.
        stroked("øØđĐłŁħĦŧŦıðÐ", "oOdDlLhHtTidD");
        STROKED.put((int) 'æ', "ae");
        STROKED.put((int) 'Æ', "AE");
        STROKED.put((int) 'œ', "oe");
        STROKED.put((int) 'Œ', "OE");
        STROKED.put((int) 'þ', "th");
        STROKED.put((int) 'Þ', "TH");
    }

    private static void confusable(String from, String to) {
        int[] f = from.codePoints().toArray();
        if (f.length != to.length()) {
            throw new IllegalStateException("confusable table mismatch: " + from);
        }
        for (int i = 0; i < f.length; i++) {
            CONFUSABLES.put(f[i], (int) to.charAt(i));
        }
    }

    private static void stroked(String from, String to) {
        for (int i = 0; i < from.length(); i++) {
            STROKED.put((int) from.charAt(i), String.valueOf(to.charAt(i)));
        }
    }

    final boolean nfkc;
    final boolean caseFold;
    final boolean strip;
    final boolean confusables;
    /** BMP code point to its single-char result, or {@link #MULTI}. */
    final char[] single = new char[0x10000];
    final Map<Character, String> multi = new HashMap<>();
    /**
     * BMP code point from 0x80 to the one character it folds to when the per-code-point pass
     * needs nothing else for it (not a space, mark, surrogate, separator or leet character, not
     * several characters); 0 when it must take the general path.
     */
    final char[] plain = new char[0x10000];
    /** Filled on first use; a benign race, since a result is an immutable string computed the same way. */
    private final String[] smp = new String[0x10000];
    private final ConcurrentHashMap<Integer, String> supplementary = new ConcurrentHashMap<>();

    private CharFolding(boolean nfkc, boolean caseFold, boolean strip, boolean confusables) {
        this.nfkc = nfkc;
        this.caseFold = caseFold;
        this.strip = strip;
        this.confusables = confusables;
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.isSurrogate((char) cp)) {
                single[cp] = (char) cp;
                continue;
            }
            String s = compute(cp);
            if (s.length() == 1 && s.charAt(0) != MULTI) {
                single[cp] = s.charAt(0);
            } else {
                single[cp] = MULTI;
                multi.put((char) cp, s);
            }
        }
        for (int cp = 0x80; cp < 0x10000; cp++) {
            char m = single[cp];
            if (m != MULTI && !Character.isSurrogate((char) cp) && !CharClass.isSpace(cp) && !isMark(cp)
                    && NormalizerEngine.isPlainFolded(m)) {
                plain[cp] = m;
            }
        }
    }

    static CharFolding of(boolean nfkc, boolean caseFold, boolean strip, boolean confusables) {
        int key = (nfkc ? 1 : 0) | (caseFold ? 2 : 0) | (strip ? 4 : 0) | (confusables ? 8 : 0);
        synchronized (BY_FLAGS) {
            CharFolding f = BY_FLAGS[key];
            if (f == null) {
                f = new CharFolding(nfkc, caseFold, strip, confusables);
                BY_FLAGS[key] = f;
            }
            return f;
        }
    }

    /** The result for a supplementary code point. */
    String supplementary(int cp) {
        if (cp < 0x20000) {
            String s = smp[cp - 0x10000];
            if (s == null) {
                s = compute(cp);
                smp[cp - 0x10000] = s;
            }
            return s;
        }
        String s = supplementary.get(cp);
        if (s == null) {
            s = compute(cp);
            if (supplementary.size() < 100_000) {
                supplementary.put(cp, s);
            }
        }
        return s;
    }

    /** What {@code cp} becomes, computed from scratch. */
    String compute(int cp) {
        String s = new String(Character.toChars(cp));
        if (nfkc) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
            // Typographic apostrophes and hyphens read as the ASCII ones (l’arnaque, peut‐être).
            if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x2032 || cp == 0xFF07) {
                s = "'";
            } else if (cp == 0x2010 || cp == 0x2011) {
                s = "-";
            }
            // Parenthesised letters (⒡) decompose to "(f)": keep the letter.
            if (s.length() == 3 && s.charAt(0) == '(' && s.charAt(2) == ')' && Character.isLetter(s.charAt(1))) {
                s = s.substring(1, 2);
            }
        }
        if (confusables) {
            if (cp >= 0x1F150 && cp <= 0x1F169) { // negative circled capital letters
                s = String.valueOf((char) ('A' + cp - 0x1F150));
            } else if (cp >= 0x1F170 && cp <= 0x1F189) { // negative squared capital letters
                s = String.valueOf((char) ('A' + cp - 0x1F170));
            }
        }
        StringBuilder out = new StringBuilder(s.length() + 2);
        s.codePoints().forEach(c -> fold(c, out));
        return out.toString();
    }

    private void fold(int c, StringBuilder out) {
        if (confusables && isInvisible(c)) {
            return;
        }
        if (strip) {
            String st = STROKED.get(c);
            if (st != null) {
                st.codePoints().forEach(x -> fold2(x, out));
                return;
            }
            if (c >= 0x80 && !isMark(c) && !(c >= 0xAC00 && c <= 0xD7A3)) {
                String d = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                if (d.length() > 1 || d.codePointAt(0) != c) {
                    d.codePoints().filter(x -> !isMark(x)).forEach(x -> fold2(x, out));
                    return;
                }
            }
            if (isMark(c)) {
                return;
            }
        }
        fold2(c, out);
    }

    private void fold2(int c, StringBuilder out) {
        if (confusables) {
            Integer l = CONFUSABLES.get(c);
            if (l != null) {
                c = l;
            }
        }
        if (caseFold) {
            if (c == 'ß' || c == 0x1E9E) {
                out.append("ss");
                return;
            }
            c = Character.toLowerCase(Character.toUpperCase(c));
        }
        out.appendCodePoint(c);
    }

    static boolean isMark(int c) {
        return CharClass.isMark(c);
    }

    /** Zero-width and other invisible format characters people slip inside words. */
    static boolean isInvisible(int c) {
        return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF
                || c == 0x180E || c == 0x034F || (c >= 0x2061 && c <= 0x2064);
    }
}
