package io.cmkit.connectors.http.internal;

import io.cmkit.connectors.http.ApiError;
import io.cmkit.core.spi.ConnectorException;
import java.time.Instant;
import java.util.Optional;

/**
 * How one attempt failed, for the retry loop: the exception the caller would get, whether trying
 * again may help, whether the platform may already have acted, and when to try again.
 */
final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient ConnectorException error;
    final boolean retryable;
    final boolean mayHaveBeenApplied;
    final transient Optional<Instant> retryAt;
    final transient Optional<ApiError> expiredCredentials;

    private AttemptFailure(ConnectorException error, boolean retryable, boolean mayHaveBeenApplied,
                           Optional<Instant> retryAt, Optional<ApiError> expiredCredentials) {
        super(error.getMessage(), null, false, false);
        this.error = error;
        this.retryable = retryable;
        this.mayHaveBeenApplied = mayHaveBeenApplied;
        this.retryAt = retryAt;
        this.expiredCredentials = expiredCredentials;
    }

    /** The platform certainly did not act (a refused connection, a 429). */
    static AttemptFailure notApplied(ConnectorException error, Optional<Instant> retryAt) {
        return new AttemptFailure(error, true, false, retryAt, Optional.empty());
    }

    /** The platform may have acted (a timeout, a reset, a 5xx, an unreadable answer). */
    static AttemptFailure ambiguous(ConnectorException error, Optional<Instant> retryAt) {
        return new AttemptFailure(error, true, true, retryAt, Optional.empty());
    }

    /** The platform said the credentials expired: refresh, then replay once. */
    static AttemptFailure expired(ConnectorException error, ApiError cause) {
        return new AttemptFailure(error, false, false, Optional.empty(), Optional.of(cause));
    }
}
