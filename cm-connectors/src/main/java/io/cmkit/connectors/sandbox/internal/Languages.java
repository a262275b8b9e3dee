package io.cmkit.connectors.sandbox.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The two languages the simulated audience writes in, and a small detector for posts' text. */
final class Languages {

    private Languages() {
    }

    static final Locale FRENCH = Locale.FRENCH;
    static final Locale ENGLISH = Locale.ENGLISH;

    private static final Set<String> FRENCH_WORDS = Set.of("le", "la", "les", "des", "un", "une", "et", "est",
            "pour", "avec", "dans", "sur", "nous", "vous", "pas", "que", "qui", "du", "au", "aux", "ce", "cette",
            "ces", "notre", "nos", "votre", "vos", "a", "en", "c'est", "sont", "mais", "ou", "tout", "plus",
            "tous", "chez", "demain", "aujourd'hui", "merci", "bonjour", "nouveau", "nouvelle", "venez", "ici");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "is", "are", "for", "with", "in", "on",
            "we", "you", "our", "your", "not", "this", "that", "to", "of", "it", "be", "at", "all", "new", "come",
            "today", "tomorrow", "thanks", "hello", "here", "now", "just", "what", "more", "from", "get", "will");

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}']+");
    private static final Pattern MARK = Pattern.compile("\\p{M}");

    /** French or English from the text's common words and accents, else the fallback. */
    static Locale detect(String text, Locale fallback) {
        String lower = text.toLowerCase(Locale.ROOT);
        int fr = 0;
        int en = 0;
        for (String word : NON_WORD.split(lower)) {
            if (FRENCH_WORDS.contains(word)) {
                fr++;
            }
            if (ENGLISH_WORDS.contains(word)) {
                en++;
            }
        }
        // Accents: the decomposed text has a combining mark (what stripping them would remove).
        if (MARK.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).find()) {
            fr++;
        }
        if (fr > en) {
            return FRENCH;
        }
        if (en > fr) {
            return ENGLISH;
        }
        return fallback;
    }
}
