package io.cmkit.moderation.lexicon.internal;

import io.cmkit.core.text.MatchMode;
import io.cmkit.moderation.lexicon.LexiconFormatException;
import io.cmkit.moderation.lexicon.LexiconTerm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the lexicon file format (see {@code docs/moderation.md}):
 *
 * <pre>
 * # a comment; blank lines are skipped
 * connard*              prefix: connard, connards, connarde...
 * *phobe                suffix: homophobe
 * *scam*                anywhere
 * {je vais|on va} te tuer     alternatives, expanded to every combination
 * escroc* ; 3 ; aimed at the brand: review before deleting
 * </pre>
 *
 * A line is {@code term [; severity [; note]]}; severity is 1, 2 or 3.
 */
public final class LexiconFileParser {

    /** At most this many expansions of one line's alternatives. */
    static final int MAX_EXPANSIONS = 10_000;

    private LexiconFileParser() {
    }

    public static List<LexiconTerm> parse(Reader reader, String source, Locale language, String category) throws IOException {
        List<LexiconTerm> out = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split(";", 3);
            String raw = fields[0].strip();
            int severity = LexiconTerm.DEFAULT_SEVERITY;
            if (fields.length > 1 && !fields[1].isBlank()) {
                try {
                    severity = Integer.parseInt(fields[1].strip());
                } catch (NumberFormatException e) {
                    throw new LexiconFormatException(source, lineNo, "severity must be 1, 2 or 3, not \"" + fields[1].strip() + "\"");
                }
                if (severity < 1 || severity > 3) {
                    throw new LexiconFormatException(source, lineNo, "severity must be 1, 2 or 3, not " + severity);
                }
            }
            String note = fields.length > 2 ? fields[2].strip() : "";
            MatchMode mode = MatchMode.WHOLE_WORD;
            boolean star0 = raw.startsWith("*");
            boolean star1 = raw.length() > 1 && raw.endsWith("*");
            if (star0 && star1) {
                mode = MatchMode.ANYWHERE;
            } else if (star0) {
                mode = MatchMode.SUFFIX;
            } else if (star1) {
                mode = MatchMode.PREFIX;
            }
            String term = raw.substring(star0 ? 1 : 0, raw.length() - (star1 ? 1 : 0)).strip();
            if (term.isEmpty()) {
                throw new LexiconFormatException(source, lineNo, "no term before the ';'");
            }
            if (term.indexOf('*') >= 0) {
                throw new LexiconFormatException(source, lineNo, "'*' only marks a prefix (term*), a suffix (*term) or anywhere (*term*)");
            }
            List<String> expanded;
            try {
                expanded = expand(term);
            } catch (IllegalArgumentException e) {
                throw new LexiconFormatException(source, lineNo, e.getMessage());
            }
            for (String t : expanded) {
                String clean = t.strip().replaceAll("\\s+", " ");
                if (!clean.isEmpty()) {
                    out.add(new LexiconTerm(category, clean, language, mode, severity, note));
                }
            }
        }
        return out;
    }

    /** Expands {@code {a|b} c} into {@code a c}, {@code b c}. Alternatives may be empty ({@code {très |}}). */
    static List<String> expand(String term) {
        int open = term.indexOf('{');
        if (open < 0) {
            if (term.indexOf('}') >= 0 || term.indexOf('|') >= 0) {
                throw new IllegalArgumentException("'}' or '|' outside {alternatives}");
            }
            return List.of(term);
        }
        int close = term.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("'{' without its '}'");
        }
        String inner = term.substring(open + 1, close);
        if (inner.indexOf('{') >= 0) {
            throw new IllegalArgumentException("alternatives cannot nest");
        }
        String head = term.substring(0, open);
        if (head.indexOf('}') >= 0 || head.indexOf('|') >= 0) {
            throw new IllegalArgumentException("'}' or '|' outside {alternatives}");
        }
        List<String> tails = expand(term.substring(close + 1));
        List<String> out = new ArrayList<>();
        for (String alt : inner.split("\\|", -1)) {
            for (String tail : tails) {
                out.add(head + alt + tail);
                if (out.size() > MAX_EXPANSIONS) {
                    throw new IllegalArgumentException("more than " + MAX_EXPANSIONS + " expansions");
                }
            }
        }
        return out;
    }
}
