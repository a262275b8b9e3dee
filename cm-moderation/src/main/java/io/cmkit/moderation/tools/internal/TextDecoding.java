package io.cmkit.moderation.tools.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a dataset's text column is stored. */
public enum TextDecoding {
    /** As is. */
    NONE,
    /**
     * Python string-literal escapes, as in the Kaggle insult files: one pair of surrounding quotes
     * removed, {@code \n \t \r \\ \' \"}, {@code \xHH} (runs of them read as UTF-8 when they are
     * valid UTF-8, else as Latin-1: {@code \xc2\xa0} and {@code \xa0} both give a no-break space),
     * {@code \\uHHHH}.
     */
    PYTHON,
    /** HTML character references ({@code &#39; &amp; &quot; &lt; &gt; &nbsp; &#x27;}) and {@code <br>}, as in TubeSpam. */
    HTML;

    public static TextDecoding parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public String decode(String s) {
        return switch (this) {
            case NONE -> s;
            case PYTHON -> python(s);
            case HTML -> html(s);
        };
    }

    static String python(String s) {
        String t = s;
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            t = t.substring(1, t.length() - 1);
        }
        for (int pass = 0; pass < 2 && t.indexOf('\\') >= 0; pass++) {
            t = unescapeOnce(t);
        }
        return t;
    }

    private static String unescapeOnce(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'n' -> { out.append('\n'); i += 2; }
                case 't' -> { out.append('\t'); i += 2; }
                case 'r' -> { out.append('\r'); i += 2; }
                case '\'', '"' -> { out.append(e); i += 2; }
                case '\\' -> { out.append('\\'); i += 2; }
                case 'u' -> {
                    if (i + 6 <= n && isHex(s, i + 2, i + 6)) {
                        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        i += 6;
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                case 'x' -> {
                    byte[] bytes = new byte[(n - i) / 4 + 1];
                    int count = 0;
                    int j = i;
                    while (j + 4 <= n && s.charAt(j) == '\\' && s.charAt(j + 1) == 'x' && isHex(s, j + 2, j + 4)) {
                        bytes[count++] = (byte) Integer.parseInt(s.substring(j + 2, j + 4), 16);
                        j += 4;
                    }
                    if (count == 0) {
                        out.append(c);
                        i++;
                    } else {
                        out.append(bytesToText(bytes, count));
                        i = j;
                    }
                }
                default -> { out.append(c); i++; }
            }
        }
        return out.toString();
    }

    private static String bytesToText(byte[] bytes, int count) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, count)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, count, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean isHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static String html(String s) {
        String t = s.replace("\uFEFF", "");
        if (t.indexOf('&') < 0 && t.indexOf('<') < 0) {
            return t;
        }
        t = t.replaceAll("(?i)<br\\s*/?>", "\n");
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int semi = c == '&' ? t.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String ent = t.substring(i + 1, semi);
                String rep = switch (ent) {
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "nbsp" -> "\u00A0";
                    default -> numeric(ent);
                };
                if (rep != null) {
                    out.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String numeric(String ent) {
        try {
            if (ent.startsWith("#x") || ent.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(ent.substring(2), 16)));
            }
            if (ent.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(ent.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
