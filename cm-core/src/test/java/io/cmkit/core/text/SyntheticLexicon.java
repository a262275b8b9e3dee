package io.cmkit.core.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded French- and English-like terms and comments, for the memory log and the throughput main. */
final class SyntheticLexicon {

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "j", "l", "m", "n", "p", "r", "s", "t", "v",
            "ch", "br", "cr", "gr", "pl", "tr", "st", "sh", "th", "qu", "fl", "sc", "sp", "w", "h", "k"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ou", "ai", "ea", "é", "è", "oi", "au", "y", "ee", "an", "on"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "rd", "ck", "x", "que", "sse", "nt", "ng", "ard"};

    private SyntheticLexicon() {
    }

    static String word(Random r) {
        StringBuilder b = new StringBuilder();
        int syllables = 1 + r.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
        }
        b.append(CODAS[r.nextInt(CODAS.length)]);
        return b.toString();
    }

    /** {@code n} distinct terms, one in ten a two-word phrase. */
    static List<String> terms(int n, long seed) {
        Random r = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            String w = word(r);
            if (w.length() < 3) {
                continue;
            }
            out.add(r.nextInt(10) == 0 ? w + " " + word(r) : w);
        }
        return new ArrayList<>(out);
    }

    /** Comments of about {@code length} characters, some carrying a disguised term. */
    static List<String> comments(int n, int length, List<String> terms, long seed) {
        Random r = new Random(seed);
        String[] filler = {"le", "la", "de", "et", "est", "the", "and", "is", "you", "this", "pour", "vraiment", "service",
                "commande", "livraison", "merci", "great", "product", "never", "again", "!", "?", "😡", "👍🏽", "#promo",
                "@marque", "https://exemple.fr/x", "2024", "très", "déçu", "Straße", "İstanbul"};
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder(length + 20);
            while (b.length() < length) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                int k = r.nextInt(20);
                if (k == 0) {
                    b.append(disguise(terms.get(r.nextInt(terms.size())), r));
                } else if (k < 4) {
                    b.append(word(r));
                } else {
                    b.append(filler[r.nextInt(filler.length)]);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String disguise(String term, Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return term.toUpperCase(java.util.Locale.ROOT);
            case 1:
                return term.replace('o', '0').replace('a', '4').replace('e', '3');
            case 2:
                return term.replaceFirst("([aeiou])", "$1$1$1$1");
            case 3:
                return String.join(".", term.split(""));
            default:
                return term;
        }
    }
}
