package io.cmkit.core.live.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text looks like a question: it holds a question mark ({@code ?}, {@code ¿},
 * full-width {@code ？}), or its first word (after leading mentions and hashtags) opens a question
 * in French or English.
 */
public final class Questions {

    /** Question words and auxiliaries that open a question, compared case-insensitively. */
    static final Set<String> OPENINGS = Set.of(
            // French
            "qui", "quoi", "quand", "comment", "pourquoi", "combien", "où", "quel", "quelle", "quels", "quelles",
            "lequel", "laquelle", "lesquels", "lesquelles", "peut-on", "peux-tu", "pouvez-vous", "puis-je",
            "est-ce", "est-il", "est-elle", "sont-ils", "avez-vous", "as-tu", "faut-il", "va-t-il",
            // English
            "who", "whom", "whose", "what", "when", "where", "which", "why", "how", "can", "could", "would",
            "will", "should", "shall", "is", "are", "was", "were", "do", "does", "did", "has", "isn't", "aren't", "don't", "doesn't", "didn't", "can't", "won't", "any");

    private static final Pattern LEADING = Pattern.compile("^(?:\\s*(?:[@#＃][^\\s]+|[\\p{Punct}«»“”‘’—–…]+))*\\s*");
    private static final Pattern FIRST_WORD = Pattern.compile("^[\\p{L}\\p{M}'’-]+");

    private Questions() {
    }

    /** Whether the text looks like a question. */
    public static boolean looksLikeQuestion(String text) {
        if (text.indexOf('?') >= 0 || text.indexOf('¿') >= 0 || text.indexOf('？') >= 0) {
            return true;
        }
        String rest = LEADING.matcher(text).replaceFirst("").toLowerCase(Locale.ROOT).replace('’', '\'');
        if (rest.startsWith("est-ce qu") || rest.startsWith("est ce qu") || rest.startsWith("y a-t-il")
                || rest.startsWith("y a t il")) {
            return true;
        }
        Matcher m = FIRST_WORD.matcher(rest);
        if (!m.find()) {
            return false;
        }
        String word = m.group();
        // "qu'est-ce", "qu'en", "what's", "who's": keep the part before the apostrophe too.
        int apostrophe = word.indexOf('\'');
        if (word.startsWith("qu'est") || word.startsWith("qu'en")) {
            return true;
        }
        if (OPENINGS.contains(word)) {
            return true;
        }
        return apostrophe > 0 && OPENINGS.contains(word.substring(0, apostrophe));
    }
}
