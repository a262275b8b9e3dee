package io.cmkit.connectors.contract;

import java.util.List;
import java.util.Optional;

/**
 * One platform's public contract, as carried in the test resources. Implementations are
 * immutable and thread-safe; load them once per test class (or keep a static).
 */
public interface Contract {

    /** The platform, for messages ("Mastodon", "Bluesky"). */
    String name();

    /**
     * The endpoint the contract defines for this method and path, as it names it
     * ({@code DELETE /api/v1/statuses/{id}}, {@code com.atproto.repo.createRecord}).
     */
    Optional<String> endpoint(String method, String path);

    /** Checks a request: endpoint known, method, required parameters, body against its schema. */
    List<Violation> checkRequest(ContractRequest request);

    /**
     * Checks a response body against the schema the contract gives for that endpoint and status.
     * A status the contract does not describe is not checked, except a success status the
     * endpoint does not document.
     *
     * @param contentType the response's Content-Type, or null
     * @param body        the body text, or null/empty when there is none
     */
    List<Violation> checkResponse(String method, String path, int status, String contentType, String body);

    /**
     * One concrete path per endpoint the contract defines for this method (any method when null),
     * template variables filled in: used to tell which endpoints a stub's URL regex covers.
     */
    List<String> examplePaths(String method);

    /** Throws a {@link ContractViolationError} when the request breaks the contract. */
    default void assertRequest(ContractRequest request) {
        List<Violation> v = checkRequest(request);
        if (!v.isEmpty()) {
            throw new ContractViolationError(name() + " request " + request.method() + " " + request.path(), v);
        }
    }

    /** Throws a {@link ContractViolationError} when the response breaks the contract. */
    default void assertResponse(String method, String path, int status, String contentType, String body) {
        List<Violation> v = checkResponse(method, path, status, contentType, body);
        if (!v.isEmpty()) {
            throw new ContractViolationError(name() + " response " + status + " to " + method + " " + path, v);
        }
    }
}
