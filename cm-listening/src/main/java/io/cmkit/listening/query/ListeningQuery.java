package io.cmkit.listening.query;

import io.cmkit.listening.query.internal.QueryParser;
import java.util.Objects;

/**
 * A listening query as written by a community manager, parsed and checked.
 *
 * <pre>{@code
 * ListeningQuery q = ListeningQuery.parse("(\"Café Lumière\" OR #cafelumiere) -promo lang:fr");
 * q.root();        // And[Or[Phrase[cafe, lumiere], Term[#cafelumiere]], Not[Term[promo]], Filter[LANG, fr]]
 * q.toString();    // the text as written
 * }</pre>
 *
 * <p>Operators, from the tightest: {@code NOT}/{@code -}, then {@code NEAR/n}, then {@code AND}
 * (also implicit between juxtaposed terms), then {@code OR}. The grammar, with examples and every
 * error message, is in {@code docs/listening-queries.md}.
 *
 * @param text the query as written
 * @param root the parsed tree, words normalised by {@link TextAnalysis}
 */
public record ListeningQuery(String text, QueryNode root) {

    /** The largest n of NEAR/n. */
    public static final int MAX_NEAR_DISTANCE = 100;

    /** The fewest letters a prefix wildcard needs before its {@code *}. */
    public static final int MIN_PREFIX_LENGTH = 2;

    public ListeningQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(root, "root");
    }

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException with the column, the offending token and what to do about it
     */
    public static ListeningQuery parse(String text) {
        Objects.requireNonNull(text, "text");
        return new ListeningQuery(text, QueryParser.parse(text));
    }

    /** The query as written. */
    @Override
    public String toString() {
        return text;
    }
}
