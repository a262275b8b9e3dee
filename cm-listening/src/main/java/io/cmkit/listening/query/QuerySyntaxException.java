package io.cmkit.listening.query;

/**
 * A listening query that cannot be read, with where and why: the 1-based column of the offending
 * token, the token as written, and a sentence a community manager can act on, e.g.
 * {@code NEAR/n needs a number, e.g. NEAR/3 (column 14, at 'NEAR/x')}.
 */
public final class QuerySyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String token;
    private final String problem;

    /**
     * @param problem what is wrong and how to fix it, without the position
     * @param column 1-based column (in UTF-16 characters) where the offending token starts
     * @param token the offending token as written, or {@code "end of query"}
     */
    public QuerySyntaxException(String problem, int column, String token) {
        super(problem + " (column " + column + ", at '" + token + "')");
        this.column = column;
        this.token = token;
        this.problem = problem;
    }

    /** The 1-based column where the offending token starts. */
    public int column() {
        return column;
    }

    /** The offending token as written ({@code end of query} when the query stops too early). */
    public String token() {
        return token;
    }

    /** What is wrong and how to fix it, without the position. */
    public String problem() {
        return problem;
    }
}
