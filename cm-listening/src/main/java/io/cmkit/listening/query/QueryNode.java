package io.cmkit.listening.query;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A node of a parsed listening query. Words are stored analysed, as they are matched: normalised
 * (case, accents, look-alike letters) by {@link TextAnalysis}. Each node's {@code toString()} writes it
 * back in the query language, fully parenthesised, so {@code a OR b c} reads
 * {@code a OR (b AND c)}.
 */
public sealed interface QueryNode {

    /** What a {@link Term} looks for. */
    enum TermKind {
        /** A word: letters, digits and marks. It also matches a hashtag made of exactly that word. */
        WORD,
        /** A hashtag, written with its {@code #}. */
        HASHTAG,
        /** A mention of an account, written with its {@code @}. */
        MENTION
    }

    /**
     * One token to find: a word ({@code cafe}), a hashtag ({@code #badbuzz}) or a mention
     * ({@code @cafe_lumiere}), normalised.
     *
     * @param token the normalised token, with its {@code #} or {@code @} if any
     */
    record Term(String token) implements QueryNode {
        public Term {
            requireToken(token);
        }

        /** Whether it is a word, a hashtag or a mention. */
        public TermKind kind() {
            return kindOf(token);
        }

        @Override
        public String toString() {
            return token;
        }
    }

    /**
     * A prefix wildcard, {@code brand*}: any word (or hashtag body, or hashtag if the stem starts
     * with {@code #}) that starts with the stem.
     *
     * @param stem the normalised stem, without the {@code *}
     */
    record Prefix(String stem) implements QueryNode {
        public Prefix {
            requireToken(stem);
        }

        @Override
        public String toString() {
            return stem + "*";
        }
    }

    /**
     * Tokens one after the other, {@code "cafe lumiere"}; punctuation between them is ignored.
     *
     * @param tokens two or more normalised tokens
     */
    record Phrase(List<String> tokens) implements QueryNode {
        public Phrase {
            tokens = List.copyOf(tokens);
            if (tokens.size() < 2) {
                throw new IllegalArgumentException("a phrase needs at least two tokens, got " + tokens);
            }
            tokens.forEach(QueryNode::requireToken);
        }

        @Override
        public String toString() {
            return '"' + String.join(" ", tokens) + '"';
        }
    }

    /**
     * Every child must match. A {@link Not} child excludes.
     *
     * @param children two or more
     */
    record And(List<QueryNode> children) implements QueryNode {
        public And {
            children = List.copyOf(children);
            if (children.size() < 2) {
                throw new IllegalArgumentException("AND needs at least two operands");
            }
        }

        @Override
        public String toString() {
            return children.stream().map(QueryNode::wrapped).collect(Collectors.joining(" AND "));
        }
    }

    /**
     * At least one child must match.
     *
     * @param children two or more
     */
    record Or(List<QueryNode> children) implements QueryNode {
        public Or {
            children = List.copyOf(children);
            if (children.size() < 2) {
                throw new IllegalArgumentException("OR needs at least two operands");
            }
        }

        @Override
        public String toString() {
            return children.stream().map(QueryNode::wrapped).collect(Collectors.joining(" OR "));
        }
    }

    /**
     * Excludes mentions where the child matches; only ever an operand of {@link And} beside
     * something positive.
     *
     * @param child what must not match
     */
    record Not(QueryNode child) implements QueryNode {
        public Not {
            Objects.requireNonNull(child, "child");
        }

        @Override
        public String toString() {
            return "NOT " + wrapped(child);
        }
    }

    /**
     * Both sides occur, in either order, with at most {@code distance} tokens between them.
     *
     * @param left a term, prefix, phrase, or an OR or NEAR of those
     * @param right the same
     * @param distance how many tokens may separate them, 0 to {@value ListeningQuery#MAX_NEAR_DISTANCE}
     */
    record Near(QueryNode left, QueryNode right, int distance) implements QueryNode {
        public Near {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (distance < 0 || distance > ListeningQuery.MAX_NEAR_DISTANCE) {
                throw new IllegalArgumentException("NEAR distance must be 0 to " + ListeningQuery.MAX_NEAR_DISTANCE);
            }
        }

        @Override
        public String toString() {
            return wrapped(left) + " NEAR/" + distance + " " + wrapped(right);
        }
    }

    /**
     * A condition on the mention rather than its text: {@code lang:fr}, {@code from:alice},
     * {@code site:example.fr}, {@code platform:x}.
     *
     * @param field which fact
     * @param value its expected value, lower-cased ({@code platform:twitter} is stored as {@code x})
     */
    record Filter(FilterField field, String value) implements QueryNode {
        public Filter {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) {
                throw new IllegalArgumentException(field.keyword() + ": needs a value");
            }
        }

        @Override
        public String toString() {
            return field.keyword() + ":" + value;
        }
    }

    private static String wrapped(QueryNode node) {
        return node instanceof And || node instanceof Or || node instanceof Near ? "(" + node + ")" : node.toString();
    }

    private static void requireToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a token must be non-empty and without spaces, got '" + token + "'");
        }
    }

    private static TermKind kindOf(String token) {
        return switch (token.charAt(0)) {
            case '#' -> TermKind.HASHTAG;
            case '@' -> TermKind.MENTION;
            default -> TermKind.WORD;
        };
    }
}
