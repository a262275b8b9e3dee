package io.cmkit.core.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Invariant checks shared by the model's records; every failure names record and field. */
final class Checks {

    private Checks() {
    }

    static <T> T present(String type, String field, T value) {
        if (value == null) {
            throw new InvalidModelException(type, field, "is required");
        }
        return value;
    }

    static String notBlank(String type, String field, String value) {
        present(type, field, value);
        if (value.isBlank()) {
            throw new InvalidModelException(type, field, "must not be blank");
        }
        return value.strip();
    }

    static String maxLength(String type, String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidModelException(type, field,
                    "must be at most " + max + " characters (got " + value.length() + ")");
        }
        return value;
    }

    static long notNegative(String type, String field, long value) {
        if (value < 0) {
            throw new InvalidModelException(type, field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    static double notNegative(String type, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidModelException(type, field, "must be a finite number (got " + value + ")");
        }
        if (value < 0) {
            throw new InvalidModelException(type, field, "must not be negative (got " + value + ")");
        }
        return value;
    }

    static <T> Optional<T> optional(String type, String field, Optional<T> value) {
        return present(type, field, value);
    }

    /** An immutable copy with no null element; a null list is an error. */
    static <T> List<T> list(String type, String field, List<T> values) {
        present(type, field, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidModelException(type, field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    static <T> List<T> nonEmptyList(String type, String field, List<T> values) {
        List<T> copy = list(type, field, values);
        if (copy.isEmpty()) {
            throw new InvalidModelException(type, field, "must not be empty");
        }
        return copy;
    }

    static <T> Set<T> set(String type, String field, Set<T> values) {
        present(type, field, values);
        for (T value : values) {
            if (value == null) {
                throw new InvalidModelException(type, field, "must not contain null");
            }
        }
        return Set.copyOf(values);
    }

    /** Blank-free, stripped strings; an immutable copy. */
    static List<String> strings(String type, String field, List<String> values) {
        List<String> copy = list(type, field, values);
        return java.util.stream.IntStream.range(0, copy.size())
                .mapToObj(i -> notBlank(type, field + "[" + i + "]", copy.get(i)))
                .toList();
    }

    static <K, V> Map<K, V> map(String type, String field, Map<K, V> values) {
        present(type, field, values);
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidModelException(type, field, "must not contain null keys or values");
            }
        });
        return Map.copyOf(values);
    }

    /** Fails on the first element whose key was already seen, naming its index. */
    static <T, K> void unique(String type, String field, Collection<T> values, Function<T, K> key,
                              String what) {
        Set<K> seen = new HashSet<>();
        int i = 0;
        for (T value : values) {
            K k = key.apply(value);
            if (!seen.add(k)) {
                throw new InvalidModelException(type, field + "[" + i + "]",
                        "duplicates " + what + " '" + k + "'");
            }
            i++;
        }
    }
}
