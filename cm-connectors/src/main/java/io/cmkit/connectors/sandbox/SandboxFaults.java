package io.cmkit.connectors.sandbox;

import io.cmkit.connectors.sandbox.internal.World;
import io.cmkit.core.model.Account;
import io.cmkit.core.spi.Capability;
import java.util.Objects;
import java.util.Optional;

/**
 * Failures waiting for one sandbox account's next calls, to test retries, rate-limit holds and
 * re-authentication elsewhere. Calls take them in the order they were asked for; the calls that
 * count are those that would reach the platform (publish, delete, reads, moderation actions,
 * snapshots, profile and boost calls), not the ones answering from the connector's own knowledge
 * ({@code limits()}, {@code idempotency()}, {@code supportedOperations()}...).
 *
 * <pre>{@code
 * world.faults(account)
 *      .failNext(2, Fault.transientFailure())
 *      .failNext(1, Fault.rateLimited(Duration.ofMinutes(15)), Capability.PUBLISHING);
 * }</pre>
 */
public final class SandboxFaults {

    private final World world;
    private final Account account;

    SandboxFaults(World world, Account account) {
        this.world = world;
        this.account = account;
    }

    /** Makes the account's next {@code times} calls fail this way. */
    public SandboxFaults failNext(int times, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        world.addFault(account, fault.spec(), times, Optional.empty());
        return this;
    }

    /** Makes the account's next {@code times} calls of one capability fail this way; other calls pass. */
    public SandboxFaults failNext(int times, Fault fault, Capability capability) {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(capability, "capability");
        world.addFault(account, fault.spec(), times, Optional.of(capability));
        return this;
    }

    /** How many failures are still waiting. */
    public int pending() {
        return world.pendingFaults(account);
    }

    /** Forgets every waiting failure. */
    public void clear() {
        world.clearFaults(account);
    }

    @Override
    public String toString() {
        return "SandboxFaults[" + account + ", pending=" + pending() + "]";
    }
}
