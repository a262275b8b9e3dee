package io.cmkit.connectors.testkit;

import java.time.Instant;
import java.util.Optional;

/**
 * Makes the platform behind a connector under test misbehave on its next calls, whatever they
 * are. Each harness maps these onto what its platform can do: WireMock faults for an HTTP
 * connector, injected faults for the sandbox. A fault a harness cannot produce is named in
 * {@link #cannotSimulate}, and the kit skips what needs it, saying why.
 */
public interface FaultDriver {

    /** The faults the kit asks for. */
    enum Kind {
        /** A 429 (or the platform's equivalent) with a reset time. */
        RATE_LIMIT,
        /** A 401: the credentials are refused. */
        UNAUTHORIZED,
        /** A 5xx (or the platform's equivalent). */
        SERVER_ERROR,
        /** The connection is reset by the peer mid-call. */
        CONNECTION_RESET,
        /** A 200 whose JSON body is malformed or cut short. */
        MALFORMED_JSON,
        /** A refusal for good (a 422) with the platform's reason. */
        REJECTED
    }

    /** Why this fault cannot be produced for this connector; empty when it can. */
    default Optional<String> cannotSimulate(Kind kind) {
        return Optional.empty();
    }

    /** The next call is rate limited until {@code resetAt}, as the platform states it. */
    void rateLimitOnce(Instant resetAt);

    /** The next calls are refused for bad credentials. */
    void unauthorized(int times);

    /** The next calls fail with a server error. */
    void serverErrors(int times);

    /** The next calls have their connection reset. */
    void connectionResets(int times);

    /** The next calls succeed with a malformed JSON body. */
    void malformedJson(int times);

    /** The next call is refused for good with this reason, in the platform's words. */
    void rejectOnce(String reason);

    /** Forgets the faults still waiting. */
    void clear();
}
