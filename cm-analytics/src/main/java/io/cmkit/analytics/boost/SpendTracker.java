package io.cmkit.analytics.boost;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Money;
import io.cmkit.core.spi.Boost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's boosts against its envelope. A boost is known by its idempotency key; it commits
 * its budget while it may still spend (pending review, active) and its spend once it cannot
 * (completed, cancelled, rejected). {@link #reserve} refuses a boost that would take the
 * committed total above the envelope, so nothing is ever promised twice or beyond the budget.
 *
 * <p>Pacing is linear: by a fraction {@code f} of the campaign, {@code envelope × f} should be
 * spent; spend below {@code (1 − 10 %)} of that is under pace, above {@code (1 + 10 %)} over.
 * Thread-safe.
 */
public final class SpendTracker {

    /** The band around the linear pace that counts as on pace: 10 %. */
    public static final double TOLERANCE = 0.10;

    private final Money envelope;
    private final Instant start;
    private final Instant end;
    private final Clock clock;
    private final Map<String, Boost> boosts = new LinkedHashMap<>();
    private final Map<String, Money> reserved = new LinkedHashMap<>();

    /**
     * @param envelope the campaign's budget
     * @param start when the campaign starts
     * @param end when it ends, after start
     * @param clock tells now
     */
    public SpendTracker(Money envelope, Instant start, Instant end, Clock clock) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!end.isAfter(start)) {
            throw new AnalyticsException("end", "must be after the start " + start + " (got " + end + ")");
        }
    }

    /** The envelope. */
    public Money envelope() {
        return envelope;
    }

    /**
     * Reserves {@code amount} for the boost with this key before asking the platform.
     *
     * @return false, reserving nothing, when the key is already known (a boost was reserved or
     *         recorded under it) or the amount would take the committed total above the envelope
     */
    public synchronized boolean reserve(String idempotencyKey, Money amount) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(amount, "amount");
        if (boosts.containsKey(idempotencyKey) || reserved.containsKey(idempotencyKey)) {
            return false;
        }
        if (committed().plus(amount).compareTo(envelope) > 0) {
            return false;
        }
        reserved.put(idempotencyKey, amount);
        return true;
    }

    /** Frees a reservation the platform refused. */
    public synchronized void release(String idempotencyKey) {
        reserved.remove(idempotencyKey);
    }

    /** Records a boost as the platform reports it (after creating it or reading its status). */
    public synchronized void record(Boost boost) {
        Objects.requireNonNull(boost, "boost");
        String key = boost.request().idempotencyKey();
        reserved.remove(key);
        boosts.put(key, boost);
    }

    /** The boost recorded under this key. */
    public synchronized Optional<Boost> boost(String idempotencyKey) {
        return Optional.ofNullable(boosts.get(idempotencyKey));
    }

    /** Every recorded boost, in order of first record. */
    public synchronized List<Boost> boosts() {
        return List.copyOf(boosts.values());
    }

    /** What the platforms report spent. */
    public synchronized Money spent() {
        Money total = zero();
        for (Boost b : boosts.values()) {
            total = total.plus(b.spent());
        }
        return total;
    }

    /** Spent or promised: reservations, budgets of running boosts, spend of finished ones. */
    public synchronized Money committed() {
        Money total = zero();
        for (Money m : reserved.values()) {
            total = total.plus(m);
        }
        for (Boost b : boosts.values()) {
            boolean running = b.status() == Boost.Status.ACTIVE || b.status() == Boost.Status.PENDING_REVIEW;
            total = total.plus(running ? b.request().budget() : b.spent());
        }
        return total;
    }

    /** Spend against the linear pace, now. */
    public synchronized SpendPacing pacing() {
        Instant now = clock.instant();
        Money spent = spent();
        Money committed = committed();
        Money available = committed.compareTo(envelope) >= 0 ? zero() : envelope.minus(committed);
        double elapsed = now.isBefore(start) ? 0
                : Math.min(1, (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis());
        Money expected = new Money(envelope.amount().multiply(BigDecimal.valueOf(elapsed)), envelope.currency());
        Money left = spent.compareTo(envelope) >= 0 ? zero() : envelope.minus(spent);
        SpendPacing.Status status;
        Money daily;
        if (now.isBefore(start)) {
            status = SpendPacing.Status.NOT_STARTED;
            daily = perDay(left, Duration.between(start, end));
        } else if (!now.isBefore(end)) {
            status = SpendPacing.Status.FINISHED;
            daily = zero();
        } else {
            double s = spent.amount().doubleValue();
            double e = expected.amount().doubleValue();
            status = s > e * (1 + TOLERANCE) ? SpendPacing.Status.OVER_PACE
                    : s < e * (1 - TOLERANCE) ? SpendPacing.Status.UNDER_PACE : SpendPacing.Status.ON_PACE;
            daily = perDay(left, Duration.between(now, end));
        }
        return new SpendPacing(envelope, spent, committed, available, elapsed, expected, status, daily);
    }

    private Money perDay(Money left, Duration remaining) {
        long days = Math.max(1, remaining.toDays());
        return new Money(left.amount().divide(BigDecimal.valueOf(days), envelope.amount().scale(), RoundingMode.DOWN),
                envelope.currency());
    }

    private Money zero() {
        return new Money(BigDecimal.ZERO, envelope.currency());
    }
}
