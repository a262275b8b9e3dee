package io.cmkit.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A scheduler instance's temporary right to publish one publication. The store hands it out in
 * {@link ScheduleStore#claimDue}; every later write about that publication must present its
 * {@code token}. Once {@code expiresAt} has passed another instance may take the publication
 * over, and the token stops working.
 *
 * @param owner the id of the scheduler instance holding it
 * @param token unique per claim, made by the store; the guard of every write under the lease
 * @param expiresAt when the publication may be taken over
 */
public record Lease(String owner, String token, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(owner, "Lease.owner");
        Objects.requireNonNull(token, "Lease.token");
        Objects.requireNonNull(expiresAt, "Lease.expiresAt");
        if (owner.isBlank() || token.isBlank()) {
            throw new IllegalArgumentException("Lease.owner and Lease.token must not be blank");
        }
    }

    /** Whether the lease has run out at this instant (expiry is exclusive: at {@code expiresAt} it is out). */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
