package io.cmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InvalidModelException")
class InvalidModelExceptionTest {

    @Test
    @DisplayName("its message is '<Record>.<field> <problem>', and each part is available to code")
    void parts() {
        InvalidModelException e = new InvalidModelException("Brand", "accounts[2]", "duplicates account 'x:cafe'");

        assertThat(e).hasMessage("Brand.accounts[2] duplicates account 'x:cafe'");
        assertThat(e.recordType()).isEqualTo("Brand");
        assertThat(e.field()).isEqualTo("accounts[2]");
        assertThat(e.problem()).isEqualTo("duplicates account 'x:cafe'");
    }

    @Test
    @DisplayName("is an IllegalArgumentException, so callers that know nothing of cmkit still catch it")
    void isIllegalArgument() {
        assertThat(new InvalidModelException("Brand", "name", "must not be blank"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
