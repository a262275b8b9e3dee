package io.cmkit.analytics.report.internal;

import io.cmkit.core.model.InvalidModelException;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Invariant checks for the report's records. Every failure is an {@link InvalidModelException}
 * naming the record and the field, so no NaN, infinity or missing value ever reaches a renderer.
 */
public final class ReportChecks {

    private ReportChecks() {
    }

    public static <T> T present(String type, String field, T value) {
        if (value == null) {
            throw new InvalidModelException(type, field, "is required");
        }
        return value;
    }

    public static String notBlank(String type, String field, String value) {
        present(type, field, value);
        if (value.isBlank()) {
            throw new InvalidModelException(type, field, "must not be blank");
        }
        return value.strip();
    }

    public static double finite(String type, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidModelException(type, field, "must be a finite number (got " + value + ")");
        }
        return value;
    }

    public static double finiteNotNegative(String type, String field, double value) {
        finite(type, field, value);
        if (value < 0) {
            throw new InvalidModelException(type, field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    public static double fraction(String type, String field, double value) {
        finite(type, field, value);
        if (value < 0 || value > 1) {
            throw new InvalidModelException(type, field, "must be a fraction between 0 and 1 (got " + value + ")");
        }
        return value;
    }

    public static long notNegative(String type, String field, long value) {
        if (value < 0) {
            throw new InvalidModelException(type, field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    /** A present optional whose value, when there is one, is finite ("not available" is empty, never NaN). */
    public static OptionalDouble finite(String type, String field, OptionalDouble value) {
        present(type, field, value);
        if (value.isPresent()) {
            finite(type, field, value.getAsDouble());
        }
        return value;
    }

    public static <T> Optional<T> optional(String type, String field, Optional<T> value) {
        return present(type, field, value);
    }

    /** An immutable copy with no null element, naming the index of the first null. */
    public static <T> List<T> list(String type, String field, List<T> values) {
        present(type, field, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidModelException(type, field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }
}
