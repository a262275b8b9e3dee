package io.cmkit.moderation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cheap prefilter for regexes: the longest run of plain characters every match must contain
 * ({@code commande\s*n?o?\s*\d{6}} must contain {@code commande}), else a symbol every match
 * must contain ({@code @} in an e-mail pattern, {@code %} in {@code \d+\s*%}). When the text the
 * regex runs on lacks it, the regex is not run. Only top-level literals count; a pattern with a
 * top-level alternation, flags or anything unusual has no prefilter (it simply always runs).
 */
final class RegexLiterals {

    private static final int MIN = 3;
    /** Characters that stand for themselves in a regex and are rare enough in comments to filter on. */
    private static final String SYMBOLS = "@%#&=~;:!,<>\"/_€£";

    private RegexLiterals() {
    }

    /**
     * The required literal: a run of lower-case letters, digits, spaces or apostrophes of at least
     * three characters, else one required symbol; empty when none is certain.
     */
    static Optional<String> required(String regex) {
        return required(regex, MIN);
    }

    private static Optional<String> required(String regex, int minRun) {
        if (regex.startsWith("(?")) {
            return Optional.empty();
        }
        Run found = longestRun(regex);
        if (found == null) {
            return Optional.empty();
        }
        if (found.literal.strip().length() >= minRun) {
            return Optional.of(found.literal);
        }
        return found.symbol == 0 ? Optional.empty() : Optional.of(String.valueOf(found.symbol));
    }

    /** The longest plain run and the first required symbol outside groups and classes; null if uncertain. */
    private record Run(String literal, char symbol) {
    }

    private static Run longestRun(String regex) {
        String best = "";
        char symbol = 0;
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '|' && depth == 0) {
                return null;
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
                        return null;
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
                        return null;
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
                boolean optional = i + 1 < regex.length() && "?*{".indexOf(regex.charAt(i + 1)) >= 0;
                if (symbol == 0 && !optional && SYMBOLS.indexOf(c) >= 0) {
                    symbol = c;
                }
                best = longer(best, run);
                run.setLength(0);
            }
        }
        best = longer(best, run);
        return new Run(best, symbol);
    }

    /**
     * What every match must contain, as alternatives: the {@link #required} literal alone, else the
     * literals of a group's branches when every branch has one of at least two characters
     * ({@code (whats\s?app|telegram)\s*\d+} must contain {@code whats} or {@code telegram}); empty
     * when nothing is certain.
     */
    static Optional<List<String>> requiredAnyOf(String regex) {
        return anyOf(regex, MIN, 2);
    }

    /**
     * A weaker prefilter for the patterns {@link #requiredAnyOf} finds nothing for: the same search
     * accepting runs and branch literals of a single character ({@code 0} or {@code 33} in
     * {@code (\+33|0)\s?[67]}, {@code fr} in {@code fr\d{2}}). Still never wrong, only less selective;
     * on realistic comments it skips two thirds of the runs of a phone-number pattern.
     */
    static Optional<List<String>> shortAnyOf(String regex) {
        Optional<List<String>> strong = requiredAnyOf(regex);
        return strong.isPresent() ? strong : anyOf(regex, 1, 1);
    }

    private static Optional<List<String>> anyOf(String regex, int minRun, int minBranch) {
        Optional<String> one = required(regex, minRun);
        if (one.isPresent()) {
            return Optional.of(List.of(one.get()));
        }
        if (regex.startsWith("(?") || topLevelBar(regex)) {
            return Optional.empty();
        }
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = regex.indexOf(']', i + 2);
                if (close < 0) {
                    return Optional.empty();
                }
                i = close;
            } else if (c == '(') {
                int close = closing(regex, i);
                if (close < 0) {
                    return Optional.empty();
                }
                boolean optional = close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0;
                String body = regex.substring(i + 1, close);
                if (body.startsWith("?:")) {
                    body = body.substring(2);
                }
                if (!optional && !body.startsWith("?")) {
                    Optional<List<String>> branches = branches(body, minBranch);
                    if (branches.isPresent()) {
                        return branches;
                    }
                }
                i = close;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> branches(String body, int minBranch) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '|';
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                String branch = body.substring(from, i);
                Run literal = branch.contains("(") || branch.contains("[") ? null : longestRun(branch);
                if (literal == null || literal.literal.strip().length() < minBranch) {
                    return Optional.empty();
                }
                out.add(literal.literal);
                from = i + 1;
            }
        }
        return out.size() > 1 ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    /** Whether {@code regex} has an alternation outside groups (true when unsure). */
    static boolean topLevelBar(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = regex.indexOf(']', i + 2);
                if (close < 0) {
                    return true;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = regex.indexOf(']', i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
