package io.cmkit.analytics;

import java.util.Objects;

/**
 * Input that analytics cannot compute with: a negative counter, an unknown platform, a period
 * out of range. The message says what and where; {@link #field()} gives the place to code
 * ({@code "values.likes[row 12]"}, {@code "targets[0].metric"}). Nothing is changed when it is thrown.
 */
public final class AnalyticsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field where the problem is, e.g. {@code "rows[12].likes"}
     * @param problem what is wrong, phrased to follow the field, e.g. {@code "must not be negative (got -3)"}
     */
    public AnalyticsException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** Where the problem is. */
    public String field() {
        return field;
    }
}
