package io.cmkit.moderation.classifier.internal;

import io.cmkit.core.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * English cues of an insult aimed at someone, as a few shared features the classifier can weigh
 * once for every word of a list, rather than learn each rare insult from the training data: a
 * word said of a person to insult them ({@code Q}), one with a second-person word among the five
 * words before it ({@code QY}), one standing alone as a vocative ("Read it again, moron.", "you
 * racist!") ({@code QV}), a "you are" construction ({@code YA}) whose predicate is such a word
 * ({@code YAQ}), the words around such a word with the word itself generalised ({@code K}: "you
 * Q", "a Q", "Q like you", "what a Q"), and a dismissive phrase ({@code P}: "get a life", "people
 * like you", "are you kidding"). Immutable,
 * thread-safe; the word lists are resources of this package.
 */
final class TargetCues {

    private static final Set<String> WORDS = Set.copyOf(words(read("target-words-en.txt")));
    private static final List<String> PHRASES = List.copyOf(read("target-phrases-en.txt"));

    private static final Set<String> YOU = Set.of("you", "u", "ya", "yall", "y'all");
    private static final Set<String> YOU_ARE = Set.of("you're", "youre", "ur", "yer");
    private static final Set<String> ARE = Set.of("are", "r", "re", "is", "were", "be", "being", "been");
    private static final Set<String> ADVERBS_BETWEEN = Set.of("really", "sure", "all", "truly");
    /** Words that may stand between "you are" and its predicate ("you are such a little ..."). */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "so", "such", "just", "really", "truly", "very",
            "one", "nothing", "but", "of", "total", "complete", "absolute", "little", "big", "fucking", "fkn", "freaking",
            "stupid", "dumb", "pathetic", "bloody", "damn", "utter", "typical", "another", "some", "kind", "sort", "what",
            "obviously", "clearly", "still", "also", "too", "more", "most", "biggest", "dumbest", "stupidest");

    private static final String CLAUSE_END = ".,!?;:\n)";
    private static final String CLAUSE_START = ".,!?;:\n(";

    private TargetCues() {
    }

    /**
     * The cue names found in a comment, each once, in a stable order.
     *
     * @param text the comment normalised as {@link FeatureHasher} does ({@code TEXT_SEARCH}: the
     *     stricter normalisation read no more cues in cross-validation, and cost twice the time)
     * @param tokens its tokens
     */
    static Set<String> of(String text, List<Token> tokens) {
        int n = tokens.size();
        String[] w = new String[n];
        for (int i = 0; i < n; i++) {
            w[i] = tokens.get(i).text().replace('’', '\'');
        }
        Set<String> cues = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (!insulting(w[i])) {
                continue;
            }
            cues.add("Q");
            for (int j = Math.max(0, i - 5); j < i; j++) {
                if (YOU.contains(w[j]) || YOU_ARE.contains(w[j]) || w[j].equals("your")) {
                    cues.add("QY");
                    break;
                }
            }
            // the words around it, the word itself read as "an insulting word": "you Q", "a Q", "Q like you"
            String left1 = i > 0 ? w[i - 1] : "^";
            String left2 = i > 1 ? w[i - 2] : "^";
            String right1 = i + 1 < n ? w[i + 1] : "$";
            String right2 = i + 2 < n ? w[i + 2] : "$";
            cues.add("K:" + left1 + " Q");
            cues.add("K:Q " + right1);
            cues.add("K:" + left2 + " " + left1 + " Q");
            cues.add("K:Q " + right1 + " " + right2);
            if (i + 1 == n) {
                cues.add("K:Q$");
            }
            boolean endsClause = i + 1 == n || hasAny(text, tokens.get(i).end(), tokens.get(i + 1).start(), CLAUSE_END);
            boolean startsClause = i == 0 || hasAny(text, tokens.get(i - 1).end(), tokens.get(i).start(), CLAUSE_START)
                    || YOU.contains(w[i - 1]);
            if (endsClause && (startsClause || (i > 1 && YOU.contains(w[i - 2])))) {
                cues.add("QV");
            }
        }
        if (!PHRASES.isEmpty()) {
            StringBuilder joined = new StringBuilder(" ");
            for (String word : w) {
                joined.append(word).append(' ');
            }
            String j = joined.toString();
            for (String p : PHRASES) {
                if (j.contains(" " + p + " ")) {
                    cues.add("P");
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int predicate = youArePredicate(w, i);
            if (predicate < 0) {
                continue;
            }
            cues.add("YA");
            for (int k = predicate; k < Math.min(n, predicate + 5); k++) {
                if (insulting(w[k])) {
                    cues.add("YAQ");
                    break;
                }
                if (!FILLERS.contains(w[k])) {
                    break;
                }
            }
        }
        return cues;
    }

    /** Where the predicate starts when a "you are" construction starts at {@code i}, or -1. */
    private static int youArePredicate(String[] w, int i) {
        int n = w.length;
        if (YOU_ARE.contains(w[i])) {
            return i + 1;
        }
        if (YOU.contains(w[i]) && i + 1 < n && ARE.contains(w[i + 1])) {
            return i + 2;
        }
        if (YOU.contains(w[i]) && i + 2 < n && ADVERBS_BETWEEN.contains(w[i + 1]) && ARE.contains(w[i + 2])) {
            return i + 3;
        }
        return -1;
    }

    private static boolean insulting(String w) {
        return WORDS.contains(w)
                || (w.endsWith("s") && WORDS.contains(w.substring(0, w.length() - 1)))
                || (w.endsWith("es") && WORDS.contains(w.substring(0, w.length() - 2)));
    }

    private static boolean hasAny(String text, int from, int to, String characters) {
        for (int i = from; i < to; i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty() && seen.add(word)) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** The non-blank, non-comment lines of a resource of this package, stripped. */
    private static List<String> read(String name) {
        try (InputStream in = TargetCues.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classifier resource " + name);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    lines.add(s);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier resource " + name, e);
        }
    }
}
