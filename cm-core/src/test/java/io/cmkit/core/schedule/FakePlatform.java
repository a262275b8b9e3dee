package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.TransientException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector for tests that publishes into memory. It honours idempotency keys the way its
 * {@link Publishing.Idempotency} says (NATIVE: a repeated key returns the first post; LOOKUP:
 * {@link #findPublished} knows every key; NONE: neither), counts every post it creates, and
 * plays scripted faults: throw before accepting, accept then crash the caller, accept then lose
 * the response.
 */
final class FakePlatform implements Connector, Publishing {

    /** Stands for the death of the scheduler's process right after the platform accepted a post. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash after the platform accepted the post");
        }
    }

    private sealed interface Fault permits Accept, Refuse, AcceptThenCrash, AcceptThenLoseResponse, Explode {
    }

    /** No fault: the call goes through (queued before a later fault). */
    private record Accept() implements Fault {
    }

    private record Refuse(ConnectorException exception) implements Fault {
    }

    private record AcceptThenCrash() implements Fault {
    }

    private record AcceptThenLoseResponse() implements Fault {
    }

    private record Explode() implements Fault {
    }

    private final Account account;
    private final Idempotency idempotency;
    private final Clock clock;
    private PlatformLimits limits;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private ConnectorException always;
    private final Map<String, PublishedPost> byKey = new HashMap<>();
    private final Map<String, Integer> createdPerKey = new HashMap<>();
    private final List<PublishRequest> calls = new ArrayList<>();
    private int lookups;
    private int sequence;

    FakePlatform(Account account, Idempotency idempotency, Clock clock) {
        this.account = account;
        this.idempotency = idempotency;
        this.clock = clock;
        this.limits = PlatformLimits.defaultsFor(account.platform());
    }

    synchronized FakePlatform withLimits(PlatformLimits custom) {
        this.limits = custom;
        return this;
    }

    /** The next publish call throws this, and nothing is published. */
    synchronized FakePlatform failNext(ConnectorException e) {
        faults.add(new Refuse(e));
        return this;
    }

    /** Every publish call throws this until {@link #recover()}. */
    synchronized FakePlatform failAlways(ConnectorException e) {
        this.always = e;
        return this;
    }

    synchronized FakePlatform recover() {
        this.always = null;
        return this;
    }

    /** The next publish call is accepted, then the caller "dies" ({@link SimulatedCrash}). */
    synchronized FakePlatform crashAfterAcceptingNext() {
        faults.add(new AcceptThenCrash());
        return this;
    }

    /** The next {@code calls} publish calls are accepted, and the caller "dies" after the last one ({@link SimulatedCrash}). */
    synchronized FakePlatform crashAfterAccepting(int calls) {
        for (int i = 1; i < calls; i++) {
            faults.add(new Accept());
        }
        faults.add(new AcceptThenCrash());
        return this;
    }

    /** The next publish call is accepted, but the answer is lost (a timeout, as a {@link TransientException}). */
    synchronized FakePlatform loseResponseAfterAcceptingNext() {
        faults.add(new AcceptThenLoseResponse());
        return this;
    }

    /** The next publish call throws an unexpected runtime exception after accepting the post. */
    synchronized FakePlatform explodeAfterAcceptingNext() {
        faults.add(new Explode());
        return this;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public synchronized PlatformLimits limits() {
        return limits;
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(this);
    }

    @Override
    public synchronized PublishedPost publish(PublishRequest request) throws ConnectorException {
        calls.add(request);
        if (always != null) {
            throw always;
        }
        Fault fault = faults.poll();
        if (fault instanceof Refuse refuse) {
            throw refuse.exception();
        }
        String key = request.idempotencyKey();
        PublishedPost post;
        if (idempotency == Idempotency.NATIVE && byKey.containsKey(key)) {
            post = byKey.get(key);
        } else {
            post = new PublishedPost(PostRef.of(account.platform(), account.platform().id() + "-" + (++sequence)),
                    clock.instant(), key);
            byKey.putIfAbsent(key, post);
            createdPerKey.merge(key, 1, Integer::sum);
        }
        if (fault instanceof AcceptThenCrash) {
            throw new SimulatedCrash();
        }
        if (fault instanceof AcceptThenLoseResponse) {
            throw new TransientException(account.platform(), "read timed out", Optional.empty(), null);
        }
        if (fault instanceof Explode) {
            throw new IllegalStateException("connection pool closed");
        }
        return post;
    }

    @Override
    public void delete(PostRef post) {
    }

    @Override
    public Idempotency idempotency() {
        return idempotency;
    }

    @Override
    public synchronized Optional<PublishedPost> findPublished(String idempotencyKey) {
        lookups++;
        return idempotency == Idempotency.NONE ? Optional.empty() : Optional.ofNullable(byKey.get(idempotencyKey));
    }

    @Override
    public boolean supportsNativeScheduling() {
        return false;
    }

    /** Posts that appeared on the platform, repeats with a NATIVE key not counted. */
    synchronized int postsCreated() {
        return createdPerKey.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many posts appeared on the platform for each idempotency key. */
    synchronized Map<String, Integer> createdPerKey() {
        return Map.copyOf(createdPerKey);
    }

    /** Every publish call, in order. */
    synchronized List<PublishRequest> calls() {
        return List.copyOf(calls);
    }

    /** What the platform holds for a key (the first post made with it), whatever its idempotency. */
    synchronized Optional<PublishedPost> postFor(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey));
    }

    synchronized int lookups() {
        return lookups;
    }
}
