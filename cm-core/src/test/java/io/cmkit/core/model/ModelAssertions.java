package io.cmkit.core.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on broken invariants: what the message says, and where it points. */
final class ModelAssertions {

    private ModelAssertions() {
    }

    /**
     * Asserts that building a value fails with an {@link InvalidModelException} carrying exactly
     * this message and pointing at this record and field.
     */
    static void assertRejected(ThrowingCallable build, String recordType, String field, String message) {
        assertThatThrownBy(build)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    InvalidModelException invalid = (InvalidModelException) e;
                    org.assertj.core.api.Assertions.assertThat(invalid.recordType()).as("recordType").isEqualTo(recordType);
                    org.assertj.core.api.Assertions.assertThat(invalid.field()).as("field").isEqualTo(field);
                    org.assertj.core.api.Assertions.assertThat(message)
                            .as("message = recordType.field problem")
                            .isEqualTo(recordType + "." + field + " " + invalid.problem());
                });
    }
}
