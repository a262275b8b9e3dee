package io.cmkit.listening.query.internal;

import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import io.cmkit.listening.query.FilterField;
import io.cmkit.listening.query.ListeningQuery;
import io.cmkit.listening.query.QueryNode;
import io.cmkit.listening.query.QueryNode.And;
import io.cmkit.listening.query.QueryNode.Filter;
import io.cmkit.listening.query.QueryNode.Near;
import io.cmkit.listening.query.QueryNode.Not;
import io.cmkit.listening.query.QueryNode.Or;
import io.cmkit.listening.query.QueryNode.Phrase;
import io.cmkit.listening.query.QueryNode.Prefix;
import io.cmkit.listening.query.QueryNode.Term;
import io.cmkit.listening.query.QuerySyntaxException;
import io.cmkit.listening.query.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A hand-written recursive-descent parser for the grammar of {@code docs/listening-queries.md}:
 * {@code or := and ("OR" and)*}, {@code and := near (["AND"] near)*}, {@code near := unary
 * ("NEAR/n" unary)*}, {@code unary := ("NOT" | "-") unary | primary}. Every error names the column
 * of the token at fault.
 */
public final class QueryParser {

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, MINUS, NEAR, PHRASE, FIELD, TERM, EOF }

    private record Lexeme(Kind kind, String text, int column, int number) {
    }

    /** A node and the column where it starts, for errors found one level up. */
    private record Parsed(QueryNode node, int column, String token) {
    }

    private static final Pattern NEAR_OK = Pattern.compile("NEAR/[0-9]{1,9}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z]+:.*", Pattern.DOTALL);
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final String source;
    private final List<Lexeme> lexemes;
    private int pos;

    private QueryParser(String source) {
        this.source = source;
        this.lexemes = lex(source);
    }

    /** Parses and validates {@code source}. */
    public static QueryNode parse(String source) {
        QueryParser p = new QueryParser(source);
        if (p.peek().kind == Kind.EOF) {
            throw new QuerySyntaxException("the query is empty: write at least one word to look for", 1, "end of query");
        }
        Parsed root = p.parseOr();
        Lexeme rest = p.peek();
        if (rest.kind == Kind.RPAREN) {
            throw error("this ')' closes nothing: remove it or add a '(' before", rest);
        }
        if (rest.kind != Kind.EOF) {
            throw error("unexpected '" + rest.text + "'", rest);
        }
        if (root.node instanceof Not) {
            throw new QuerySyntaxException("NOT (or -) only excludes: write what to look for beside it, e.g. 'cafe -promo'",
                    root.column, root.token);
        }
        if (!anchored(root.node)) {
            throw new QuerySyntaxException("the query needs a word, phrase, #hashtag or @mention to look for "
                    + "(NOT and lang:, from:, site:, platform: only narrow a search)", root.column, root.token);
        }
        return root.node;
    }

    // ---------------------------------------------------------------- grammar

    private Parsed parseOr() {
        List<Parsed> parts = new ArrayList<>();
        parts.add(parseAnd());
        while (peek().kind == Kind.OR) {
            Lexeme or = next();
            requireOperand(or);
            parts.add(parseAnd());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<QueryNode> children = new ArrayList<>();
        for (Parsed part : parts) {
            if (part.node instanceof Not) {
                throw new QuerySyntaxException("NOT (or -) cannot be an alternative of OR: "
                        + "write 'a -b' or 'a AND NOT b' to exclude b from a", part.column, part.token);
            }
            if (!anchored(part.node)) {
                throw new QuerySyntaxException("each side of OR needs a word, phrase, #hashtag or @mention to look for "
                        + "(a filter alone would match every post it allows)", part.column, part.token);
            }
            if (part.node instanceof Or or) {
                children.addAll(or.children());
            } else {
                children.add(part.node);
            }
        }
        return new Parsed(new Or(children), parts.get(0).column, parts.get(0).token);
    }

    private Parsed parseAnd() {
        List<Parsed> parts = new ArrayList<>();
        parts.add(parseNear());
        while (true) {
            Kind k = peek().kind;
            if (k == Kind.AND) {
                Lexeme and = next();
                requireOperand(and);
            } else if (!startsOperand(k)) {
                break;
            }
            parts.add(parseNear());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<QueryNode> children = new ArrayList<>();
        boolean positive = false;
        for (Parsed part : parts) {
            positive |= !(part.node instanceof Not);
            if (part.node instanceof And and) {
                children.addAll(and.children());
            } else {
                children.add(part.node);
            }
        }
        if (!positive) {
            Parsed first = parts.get(0);
            throw new QuerySyntaxException("NOT (or -) only excludes: write what to look for beside it, e.g. 'cafe -promo'",
                    first.column, first.token);
        }
        return new Parsed(new And(children), parts.get(0).column, parts.get(0).token);
    }

    private Parsed parseNear() {
        Parsed left = parseUnary();
        while (peek().kind == Kind.NEAR) {
            Lexeme near = next();
            requireOperand(near);
            Parsed right = parseUnary();
            requireSpan(left, near);
            requireSpan(right, near);
            left = new Parsed(new Near(left.node, right.node, near.number), left.column, left.token);
        }
        return left;
    }

    private Parsed parseUnary() {
        Kind k = peek().kind;
        if (k == Kind.NOT || k == Kind.MINUS) {
            Lexeme not = next();
            requireOperand(not);
            Parsed child = parseUnary();
            if (child.node instanceof Not) {
                throw new QuerySyntaxException("two NOTs in a row cancel out: remove both", not.column, not.text);
            }
            return new Parsed(new Not(child.node), not.column, not.text);
        }
        return parsePrimary();
    }

    private Parsed parsePrimary() {
        Lexeme t = next();
        switch (t.kind) {
            case LPAREN -> {
                if (peek().kind == Kind.RPAREN) {
                    throw error("these parentheses are empty: put a word inside or remove them", t);
                }
                Parsed inner = parseOr();
                Lexeme close = peek();
                if (close.kind != Kind.RPAREN) {
                    throw error("this '(' is not closed: add a ')'", t);
                }
                next();
                return new Parsed(inner.node, t.column, t.text);
            }
            case PHRASE -> {
                return new Parsed(phrase(t), t.column, t.text);
            }
            case FIELD -> {
                return new Parsed(filter(t), t.column, t.text);
            }
            case TERM -> {
                return new Parsed(term(t), t.column, t.text);
            }
            case EOF -> throw error("the query ends too early: something to look for is missing at the end", t);
            case RPAREN -> throw error("this ')' closes nothing: remove it or add a '(' before", t);
            default -> throw error("'" + t.text + "' needs a word, phrase or group on both sides", t);
        }
    }

    private void requireOperand(Lexeme operator) {
        Lexeme following = peek();
        if (!startsOperand(following.kind)) {
            String what = operator.kind == Kind.NEAR ? "NEAR/" + operator.number : operator.text;
            throw new QuerySyntaxException("'" + what + "' needs a word, phrase or group after it",
                    following.column, following.text);
        }
    }

    private static boolean startsOperand(Kind k) {
        return k == Kind.TERM || k == Kind.PHRASE || k == Kind.FIELD || k == Kind.LPAREN || k == Kind.NOT
                || k == Kind.MINUS;
    }

    private static void requireSpan(Parsed operand, Lexeme near) {
        if (!isSpan(operand.node)) {
            throw new QuerySyntaxException("NEAR/" + near.number + " joins words, phrases, wildcards, or OR-groups of them; "
                    + "put AND, NOT and filters outside it", operand.column, operand.token);
        }
    }

    private static boolean isSpan(QueryNode node) {
        if (node instanceof Or or) {
            return or.children().stream().allMatch(QueryParser::isSpan);
        }
        return node instanceof Term || node instanceof Prefix || node instanceof Phrase || node instanceof Near;
    }

    /** Whether every match must contain one of the query's words: the monitor indexes queries by them. */
    private static boolean anchored(QueryNode node) {
        if (node instanceof And and) {
            return and.children().stream().anyMatch(QueryParser::anchored);
        }
        if (node instanceof Or or) {
            return or.children().stream().allMatch(QueryParser::anchored);
        }
        return !(node instanceof Not || node instanceof Filter);
    }

    // ---------------------------------------------------------------- leaves

    private static QueryNode term(Lexeme t) {
        String text = t.text;
        int star = text.indexOf('*');
        if (star >= 0) {
            if (star != text.length() - 1) {
                throw error("only prefix wildcards work: put one * at the end of a word, e.g. brand*", t);
            }
            String stemText = text.substring(0, star);
            List<String> tokens = TextAnalysis.tokens(stemText);
            if (tokens.size() != 1) {
                throw error(tokens.isEmpty() ? "a wildcard needs letters before the *, e.g. brand*"
                        : "a wildcard works on one word, and '" + stemText + "' is several: quote the words before it, "
                                + "or drop the *", t);
            }
            String stem = tokens.get(0);
            int letters = stem.length() - (isSymbol(stem.charAt(0)) ? 1 : 0);
            if (letters < ListeningQuery.MIN_PREFIX_LENGTH) {
                throw error("a wildcard needs at least " + ListeningQuery.MIN_PREFIX_LENGTH
                        + " letters before the * (it would match too many words)", t);
            }
            return new Prefix(stem);
        }
        List<String> tokens = TextAnalysis.tokens(text);
        if (tokens.isEmpty()) {
            throw error("'" + text + "' has no letters or digits to look for", t);
        }
        return tokens.size() == 1 ? new Term(tokens.get(0)) : new Phrase(tokens);
    }

    private static boolean isSymbol(char c) {
        return c == '#' || c == '@';
    }

    private static QueryNode phrase(Lexeme t) {
        String inside = t.text.substring(1, t.text.length() - 1);
        if (inside.indexOf('*') >= 0) {
            throw error("wildcards (*) do not work inside quotes: remove the *, or write the words with NEAR/0", t);
        }
        List<String> tokens = TextAnalysis.tokens(inside);
        if (tokens.isEmpty()) {
            throw error("this phrase has no letters or digits to look for", t);
        }
        return tokens.size() == 1 ? new Term(tokens.get(0)) : new Phrase(tokens);
    }

    private static QueryNode filter(Lexeme t) {
        int colon = t.text.indexOf(':');
        String name = t.text.substring(0, colon).toLowerCase(Locale.ROOT);
        String raw = t.text.substring(colon + 1);
        FilterField field = null;
        for (FilterField f : FilterField.values()) {
            if (f.keyword().equals(name)) {
                field = f;
            }
        }
        if (field == null) {
            throw error("unknown field '" + name + ":': use lang:, from:, site: or platform:"
                    + " (or quote it to look for the text)", t);
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        switch (field) {
            case LANG -> {
                if (!LANG.matcher(value).matches()) {
                    throw error("lang: needs a language code such as fr or en", t);
                }
                value = value.split("-")[0];
            }
            case FROM -> {
                if (value.startsWith("@")) {
                    value = value.substring(1);
                }
                if (value.isEmpty()) {
                    throw error("from: needs the author's handle, e.g. from:cafe_lumiere", t);
                }
            }
            case SITE -> {
                value = value.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
                int slash = value.indexOf('/');
                if (slash >= 0) {
                    value = value.substring(0, slash);
                }
                if (value.endsWith(".")) {
                    value = value.substring(0, value.length() - 1);
                }
                if (!DOMAIN.matcher(value).matches()) {
                    throw error("site: needs a domain such as example.fr", t);
                }
            }
            case PLATFORM -> {
                if (value.isEmpty()) {
                    throw error("platform: needs a platform name such as x, mastodon or bluesky", t);
                }
                try {
                    value = Platform.of(value).id();
                } catch (InvalidModelException e) {
                    throw error("platform: needs a platform name such as x, mastodon or bluesky", t);
                }
            }
            default -> throw new IllegalStateException(field.name());
        }
        return new Filter(field, value);
    }

    // ---------------------------------------------------------------- lexer

    private Lexeme peek() {
        return lexemes.get(pos);
    }

    private Lexeme next() {
        Lexeme l = lexemes.get(pos);
        if (l.kind != Kind.EOF) {
            pos++;
        }
        return l;
    }

    private static QuerySyntaxException error(String problem, Lexeme at) {
        return new QuerySyntaxException(problem, at.column, at.text);
    }

    private static List<Lexeme> lex(String s) {
        List<Lexeme> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Lexeme(Kind.EOF, "end of query", n + 1, 0));
                return out;
            }
            char c = s.charAt(i);
            int col = i + 1;
            if (c == '(') {
                out.add(new Lexeme(Kind.LPAREN, "(", col, 0));
                i++;
            } else if (c == ')') {
                out.add(new Lexeme(Kind.RPAREN, ")", col, 0));
                i++;
            } else if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                int close = closingQuote(s, i + 1);
                if (close < 0) {
                    throw new QuerySyntaxException("this phrase is not closed: add a \" at its end", col,
                            s.substring(i, Math.min(n, i + 20)));
                }
                out.add(new Lexeme(Kind.PHRASE, s.substring(i, close + 1), col, 0));
                i = close + 1;
            } else if (c == '-' && (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)) || s.charAt(i + 1) == ')')) {
                throw new QuerySyntaxException("'-' excludes the word stuck to it: write -promo, without a space", col, "-");
            } else if (c == '-') {
                out.add(new Lexeme(Kind.MINUS, "-", col, 0));
                i++;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(s.charAt(end)) && "()\"\u201C\u201D\u00AB\u00BB".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                String word = s.substring(i, end);
                out.add(classify(word, col));
                i = end;
            }
        }
    }

    private static int closingQuote(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                return k;
            }
        }
        return -1;
    }

    private static Lexeme classify(String word, int col) {
        switch (word) {
            case "AND", "&&" -> {
                return new Lexeme(Kind.AND, word, col, 0);
            }
            case "OR", "||" -> {
                return new Lexeme(Kind.OR, word, col, 0);
            }
            case "NOT" -> {
                return new Lexeme(Kind.NOT, word, col, 0);
            }
            default -> {
            }
        }
        if (word.equals("NEAR") || word.startsWith("NEAR/")) {
            if (!NEAR_OK.matcher(word).matches()) {
                throw new QuerySyntaxException("NEAR/n needs a number, e.g. NEAR/3", col, word);
            }
            long distance = Long.parseLong(word.substring(5));
            if (distance > ListeningQuery.MAX_NEAR_DISTANCE) {
                throw new QuerySyntaxException("NEAR/n allows at most " + ListeningQuery.MAX_NEAR_DISTANCE
                        + " words between its sides", col, word);
            }
            return new Lexeme(Kind.NEAR, word, col, (int) distance);
        }
        if (FIELD_NAME.matcher(word).matches()) {
            String name = word.substring(0, word.indexOf(':'));
            if (word.length() == name.length() + 1) {
                boolean known = false;
                for (FilterField f : FilterField.values()) {
                    known |= f.keyword().equalsIgnoreCase(name);
                }
                throw new QuerySyntaxException(known ? name + ": needs a value right after the colon, e.g. lang:fr"
                        : "unknown field '" + name + ":': use lang:, from:, site: or platform:", col, word);
            }
            return new Lexeme(Kind.FIELD, word, col, 0);
        }
        return new Lexeme(Kind.TERM, word, col, 0);
    }
}
