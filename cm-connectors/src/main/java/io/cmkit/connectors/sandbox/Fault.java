package io.cmkit.connectors.sandbox;

import io.cmkit.connectors.sandbox.internal.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure to inject into a sandbox account's next calls, with {@link SandboxFaults#failNext}.
 * Each produces the typed exception a real connector would throw, with its data.
 */
public final class Fault {

    private final FaultSpec spec;
    private final String description;

    private Fault(FaultSpec spec, String description) {
        this.spec = spec;
        this.description = description;
    }

    /** A {@link io.cmkit.core.spi.TransientException}: the platform is unavailable; nothing happened. */
    public static Fault transientFailure() {
        return new Fault(new FaultSpec(FaultSpec.Kind.TRANSIENT, Optional.empty(), Optional.empty(), Optional.empty()),
                "transient failure");
    }

    /** A {@link io.cmkit.core.spi.RateLimitedException} whose reset is this long after the failing call. */
    public static Fault rateLimited(Duration resetAfter) {
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (resetAfter.isNegative()) {
            throw new IllegalArgumentException("resetAfter must not be negative (got " + resetAfter + ")");
        }
        return new Fault(new FaultSpec(FaultSpec.Kind.RATE_LIMITED, Optional.empty(), Optional.of(resetAfter),
                Optional.empty()), "rate limited for " + resetAfter);
    }

    /** A {@link io.cmkit.core.spi.RateLimitedException} resetting at this instant. */
    public static Fault rateLimitedUntil(Instant resetAt) {
        Objects.requireNonNull(resetAt, "resetAt");
        return new Fault(new FaultSpec(FaultSpec.Kind.RATE_LIMITED, Optional.of(resetAt), Optional.empty(),
                Optional.empty()), "rate limited until " + resetAt);
    }

    /** An {@link io.cmkit.core.spi.AuthenticationException}: the token was refused. */
    public static Fault authenticationFailure() {
        return new Fault(new FaultSpec(FaultSpec.Kind.AUTHENTICATION, Optional.empty(), Optional.empty(),
                Optional.empty()), "authentication failure");
    }

    /** A {@link io.cmkit.core.spi.RejectedException} with this reason, as the platform's own words. */
    public static Fault rejected(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        return new Fault(new FaultSpec(FaultSpec.Kind.REJECTED, Optional.empty(), Optional.empty(), Optional.of(reason)),
                "rejected: " + reason);
    }

    /**
     * The call takes effect, then its answer is lost: a {@link io.cmkit.core.spi.TransientException}
     * after the post went out. The case idempotency keys and reconciliation exist for.
     */
    public static Fault lostResponse() {
        return new Fault(new FaultSpec(FaultSpec.Kind.LOST_RESPONSE, Optional.empty(), Optional.empty(),
                Optional.empty()), "lost response");
    }

    FaultSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Fault[" + description + "]";
    }
}
