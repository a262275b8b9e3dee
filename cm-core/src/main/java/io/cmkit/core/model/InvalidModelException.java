package io.cmkit.core.model;

import java.util.Objects;

/**
 * A value of the domain model was built with data that breaks one of its invariants.
 *
 * <p>The message names the record and the field ({@code "Brand.name must not be blank"}), so a
 * caller that built the value from a file can point at the right place; {@link #recordType()}
 * and {@link #field()} give the same facts to code, which is how the brand-kit loader attaches
 * a line number to the problem.
 */
public final class InvalidModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String recordType;
    private final String field;
    private final String problem;

    /**
     * @param recordType the simple name of the record being built, e.g. {@code "Brand"}
     * @param field the field that breaks the invariant, e.g. {@code "name"} or {@code "accounts[2]"}
     * @param problem what is wrong, phrased to follow the field name, e.g. {@code "must not be blank"}
     */
    public InvalidModelException(String recordType, String field, String problem) {
        super(recordType + "." + field + " " + problem);
        this.recordType = Objects.requireNonNull(recordType, "recordType");
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The simple name of the record whose invariant failed. */
    public String recordType() {
        return recordType;
    }

    /** The field of that record, possibly with an index ({@code "pillars[1]"}). */
    public String field() {
        return field;
    }

    /** The problem alone, without the record and field. */
    public String problem() {
        return problem;
    }
}
