package io.cmkit.listening.monitor;

import io.cmkit.listening.query.QueryNode;
import io.cmkit.listening.query.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meaning of a query, written as plainly as possible for tests: tokens from a regular
 * expression over cm-core's normalised text, then every operator straight from its definition,
 * trying every pair of positions. Shares nothing with the monitor but the normaliser.
 */
final class NaiveEvaluator {

    private static final String W = "[\\p{L}\\p{Nd}\\p{M}]";
    private static final Pattern TOKEN = Pattern.compile(
            "(?<!" + W + ")#" + W + "[\\p{L}\\p{Nd}\\p{M}_]*"
            + "|(?<!" + W + ")@[\\p{L}\\p{Nd}\\p{M}_]+(?:[.@-]" + W + "[\\p{L}\\p{Nd}\\p{M}_]*)*"
            + "|" + W + "+");

    private NaiveEvaluator() {
    }

    static List<String> tokens(String text) {
        String normalised = TextAnalysis.normalizer().normalize(text).text();
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalised);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static boolean matches(QueryNode node, Mention mention) {
        return eval(node, tokens(mention.text()), mention);
    }

    private static boolean eval(QueryNode node, List<String> tokens, Mention m) {
        if (node instanceof QueryNode.And and) {
            return and.children().stream().allMatch(c -> eval(c, tokens, m));
        }
        if (node instanceof QueryNode.Or or) {
            return or.children().stream().anyMatch(c -> eval(c, tokens, m));
        }
        if (node instanceof QueryNode.Not not) {
            return !eval(not.child(), tokens, m);
        }
        if (node instanceof QueryNode.Filter f) {
            return switch (f.field()) {
                case LANG -> m.language().equals(java.util.Optional.of(f.value()));
                case FROM -> m.authorHandle().map(h -> h.equalsIgnoreCase(f.value())).orElse(false);
                case PLATFORM -> m.platform().map(p -> p.id().equals(f.value())).orElse(false);
                case SITE -> m.hosts().stream().anyMatch(h -> h.equals(f.value()) || h.endsWith("." + f.value()));
            };
        }
        return !spans(node, tokens).isEmpty();
    }

    /** Every [start, end) of token positions where a positional node occurs. */
    static List<int[]> spans(QueryNode node, List<String> tokens) {
        List<int[]> out = new ArrayList<>();
        if (node instanceof QueryNode.Term t) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokenIs(tokens.get(i), t.token())) {
                    out.add(new int[] {i, i + 1});
                }
            }
        } else if (node instanceof QueryNode.Prefix p) {
            for (int i = 0; i < tokens.size(); i++) {
                String tok = tokens.get(i);
                boolean wordStem = p.stem().charAt(0) != '#' && p.stem().charAt(0) != '@';
                if (tok.startsWith(p.stem()) && (!wordStem || tok.charAt(0) != '@' && tok.charAt(0) != '#')
                        || wordStem && tok.startsWith("#") && tok.substring(1).startsWith(p.stem())) {
                    out.add(new int[] {i, i + 1});
                }
            }
        } else if (node instanceof QueryNode.Phrase p) {
            int k = p.tokens().size();
            for (int i = 0; i + k <= tokens.size(); i++) {
                boolean all = true;
                for (int j = 0; j < k; j++) {
                    all &= tokenIs(tokens.get(i + j), p.tokens().get(j));
                }
                if (all) {
                    out.add(new int[] {i, i + k});
                }
            }
        } else if (node instanceof QueryNode.Or or) {
            or.children().forEach(c -> out.addAll(spans(c, tokens)));
        } else if (node instanceof QueryNode.Near near) {
            for (int[] a : spans(near.left(), tokens)) {
                for (int[] b : spans(near.right(), tokens)) {
                    int gap = a[1] <= b[0] ? b[0] - a[1] : b[1] <= a[0] ? a[0] - b[1] : -1;
                    if (gap >= 0 && gap <= near.distance()) {
                        out.add(new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("no positions for " + node);
        }
        return out;
    }

    /** A word term also matches the hashtag made of exactly it. */
    private static boolean tokenIs(String token, String term) {
        return token.equals(term) || term.charAt(0) != '#' && term.charAt(0) != '@' && token.equals("#" + term);
    }
}
