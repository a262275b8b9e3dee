package io.cmkit.moderation.internal;

import java.util.Optional;

/**
 * A cheap prefilter for regexes over the normalised text: the longest run of plain characters
 * every match must contain ({@code commande\s*n?o?\s*\d{6}} must contain {@code commande}). When
 * the text lacks it, the regex is not run. Only top-level literals count; a pattern with a
 * top-level alternation, flags or anything unusual has no prefilter (it simply always runs).
 */
final class RegexLiterals {

    private static final int MIN = 3;

    private RegexLiterals() {
    }

    /** The required literal, lower case, at least three characters; empty when none is certain. */
    static Optional<String> required(String regex) {
        if (regex.startsWith("(?")) {
            return Optional.empty();
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '|' && depth == 0) {
                return Optional.empty();
            }
            if (depth > 0 || c == '(' || c == ')' || c == '[') {
                best = longer(best, run);
                run.setLength(0);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '[' && depth == 0) {
                    int close = regex.indexOf(']', i + 2);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    i = close;
                } else if (c == '\\' && depth > 0) {
                    i++;
                }
                continue;
            }
            if (c == '\\') {
                best = longer(best, run);
                run.setLength(0);
                i++; // the escaped character is a class (\d, \w) or a symbol: not counted
                continue;
            }
            if (c == '?' || c == '*' || c == '{') {
                // the previous character was optional or repeated: it is not required as written
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                run.setLength(0);
                if (c == '{') {
                    int close = regex.indexOf('}', i);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    i = close;
                }
                continue;
            }
            if (c == '+') {
                best = longer(best, run);
                run.setLength(0);
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '\'') {
                run.append(c);
            } else {
                best = longer(best, run);
                run.setLength(0);
            }
        }
        best = longer(best, run);
        return best.strip().length() >= MIN ? Optional.of(best) : Optional.empty();
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
