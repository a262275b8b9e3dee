package io.cmkit.moderation.internal;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.TextNormalizer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cues that words are quoted, reported or rejected rather than meant: the span sits inside
 * quotation marks («…», "…", “…”), or the few words before it report or negate speech ("called me",
 * "m'a traité de", "stop saying", "arrêtez de dire", "not a", "pas un"...).
 */
public final class CounterSpeech {

    /** How far before a span reported-speech cues are looked for, in characters. */
    static final int WINDOW = 60;

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH);

    private static final List<String> CUES = List.of(
            // English: reported speech, rejection, negation, mention of the word
            "called me", "calls me", "calling me", "called us", "call me", "called him", "called her", "called them",
            "called you", "said", "says", "told me", "wrote", "writes", "stop saying", "stop calling", "don't call", "dont call",
            "do not call", "never call", "not a", "not an", "isn't a", "is not a", "aren't", "i'm not a", "saying",
            "the word", "use the word", "say the word", "quote",
            // English: speech about someone else's words ("you can't seriously believe that", "threatening to")
            "believe that", "can't seriously", "threatening to", "threaten to", "writing that", "write that",
            "saying that", "stop telling", "denounce", "condemn", "discouraging", "sad to see", "disgusted to see",
            // French: reported speech, rejection, negation, mention of the word
            "m'a traite", "m'a traitee", "m'ont traite", "nous a traites", "traite de", "traitee de", "traiter de",
            "traitent de", "traites de", "arretez de dire", "arrete de dire", "arreter de dire", "arretez de traiter",
            "ne dites pas", "ne dis pas", "a dit", "a ecrit", "dit que", "m'a dit", "m'appelle", "m'a appele", "pas un", "pas une",
            "n'est pas", "le mot", "de dire",
            // French: the same ("vous ne pouvez pas croire que", "menacer de", "arrêter d'appeler les gens")
            "croire que", "menacer de", "menacent de", "traiter les", "d'appeler", "appeler les", "a dire", "dire que",
            "si vous dites", "si tu dis", "dites a", "ecrire que", "denoncer", "denoncons", "condamner",
            "decourageant", "triste de voir", "honteux de voir");

    /**
     * The cues between spaces, as they are looked for in the padded text, by their first word: a cue
     * found in the padded text starts at a word of it, which is then the cue's first word.
     */
    private static final Map<String, List<String>> PADDED_CUES_BY_FIRST_WORD = CUES.stream()
            .collect(Collectors.groupingBy(c -> c.split(" ")[0], Collectors.mapping(c -> " " + c + " ", Collectors.toList())));

    /** The same map as an open-addressing table read in place: a word of the text is looked up without a substring. */
    private static final String[] FIRST_WORDS = new String[256];
    @SuppressWarnings("unchecked")
    private static final List<String>[] CUES_OF_FIRST_WORD = new List[256];

    static {
        for (Map.Entry<String, List<String>> e : PADDED_CUES_BY_FIRST_WORD.entrySet()) {
            String w = e.getKey();
            int i = slot(w, 0, w.length());
            while (FIRST_WORDS[i] != null) {
                i = (i + 1) & (FIRST_WORDS.length - 1);
            }
            FIRST_WORDS[i] = w;
            CUES_OF_FIRST_WORD[i] = List.copyOf(e.getValue());
        }
    }

    private CounterSpeech() {
    }

    private static int slot(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) & (FIRST_WORDS.length - 1);
    }

    /** The padded cues whose first word is {@code s[start, end)}, or null. */
    private static List<String> cuesStartingWith(String s, int start, int end) {
        int length = end - start;
        for (int i = slot(s, start, end); FIRST_WORDS[i] != null; i = (i + 1) & (FIRST_WORDS.length - 1)) {
            String w = FIRST_WORDS[i];
            if (w.length() == length && s.regionMatches(start, w, 0, length)) {
                return CUES_OF_FIRST_WORD[i];
            }
        }
        return null;
    }

    /** The reported-speech cues, normalised, one to four words each. */
    static List<String> cues() {
        return CUES;
    }

    /** Whether {@code [start, end)} of {@code text} is quoted, reported or negated. */
    public static boolean cued(String text, int start, int end) {
        int from = Math.max(0, start - WINDOW);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++; // never start the window inside a surrogate pair
        }
        return quoted(text, start, end) || reported(text.substring(from, start));
    }

    /** Whether the text quotes, reports or negates anything anywhere. */
    public static boolean anywhere(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '“' || c == '"') {
                int close = text.indexOf(c == '«' ? '»' : c == '“' ? '”' : '"', i + 1);
                if (close > i + 1) {
                    return true;
                }
            }
        }
        return reported(text);
    }

    private static boolean quoted(String text, int start, int end) {
        return between(text, start, end, '«', '»') || between(text, start, end, '“', '”')
                || between(text, start, end, '"', '"');
    }

    private static boolean between(String text, int start, int end, char open, char close) {
        int o = text.lastIndexOf(open, start - 1);
        if (o < 0) {
            return false;
        }
        if (open == close) {
            // an odd number of marks before the span opens a quotation
            int n = 0;
            for (int i = 0; i < start; i++) {
                if (text.charAt(i) == open) {
                    n++;
                }
            }
            return n % 2 == 1 && text.indexOf(close, end) >= 0;
        }
        int lastClose = text.lastIndexOf(close, start - 1);
        return lastClose < o && text.indexOf(close, end) >= 0;
    }

    private static boolean reported(String before) {
        String n = NORMALIZER.normalize(before).text();
        StringBuilder b = new StringBuilder(n.length() + 2).append(' ');
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                b.append(c);
            } else if (b.charAt(b.length() - 1) != ' ') {
                b.append(' '); // runs of blanks and punctuation become one space
            }
        }
        if (b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
        }
        String padded = b.toString();
        // each word (after a space) is looked up once instead of searching the text for every cue
        for (int space = 0; space + 1 < padded.length(); space = padded.indexOf(' ', space + 1)) {
            int end = padded.indexOf(' ', space + 1);
            List<String> cues = cuesStartingWith(padded, space + 1, end);
            if (cues != null) {
                for (String cue : cues) {
                    if (padded.startsWith(cue, space)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
