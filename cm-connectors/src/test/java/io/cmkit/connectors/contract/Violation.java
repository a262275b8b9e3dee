package io.cmkit.connectors.contract;

import java.util.Objects;

/**
 * One way an exchange breaks the platform's contract.
 *
 * @param endpoint the endpoint as the contract names it ({@code POST /api/v1/statuses},
 *                 {@code com.atproto.repo.createRecord}), or the raw method and path when the
 *                 contract has no such endpoint
 * @param part     which part is wrong: {@code request}, {@code request body}, {@code query},
 *                 {@code response 200 body}, {@code stub}...
 * @param pointer  JSON pointer into that part ({@code /record/text}); empty for the whole part
 * @param message  what is wrong, in plain words
 */
public record Violation(String endpoint, String part, String pointer, String message) {

    public Violation {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return endpoint + " " + part + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + message;
    }
}
