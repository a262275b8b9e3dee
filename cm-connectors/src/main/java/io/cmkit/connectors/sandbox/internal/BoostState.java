package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Money;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A paid boost of one post. After a short review it spends its budget evenly until its end (or
 * until it is cancelled, or its post deleted), buying impressions at the platform's CPM; spend is
 * rounded down to the currency's minor unit, so it never exceeds the budget.
 */
final class BoostState {

    static final long REVIEW_MS = 10 * 60_000L;

    final String id;
    final BoostRequest request;
    final PostState post;
    final long createdMs;
    final long startMs;
    final long endMs;
    /** Paid impressions bought by the whole budget. */
    final double impressions;
    /** Comments and quotes per paid impression. */
    final double eventsPerImpression;
    long stoppedMs = Long.MAX_VALUE;
    boolean cancelled;

    BoostState(String id, BoostRequest request, PostState post, long createdMs, double cpm, double eventsPerImpression) {
        this.id = id;
        this.request = request;
        this.post = post;
        this.createdMs = createdMs;
        this.startMs = Math.max(request.start().toEpochMilli(), createdMs + REVIEW_MS);
        this.endMs = request.end().toEpochMilli();
        this.impressions = request.budget().amount().doubleValue() / cpm * 1_000.0;
        this.eventsPerImpression = eventsPerImpression;
    }

    /** The share of the budget spent by time t, in [0, 1]. */
    double spentFraction(long tMs) {
        long until = Math.min(tMs, Math.min(stoppedMs, endMs));
        if (until <= startMs) {
            return 0;
        }
        return Math.min(1.0, (double) (until - startMs) / (endMs - startMs));
    }

    Money spent(long tMs) {
        Money budget = request.budget();
        int digits = Math.max(0, budget.currency().getDefaultFractionDigits());
        BigDecimal amount = budget.amount().multiply(BigDecimal.valueOf(spentFraction(tMs)))
                .setScale(digits, RoundingMode.FLOOR);
        if (amount.compareTo(budget.amount()) > 0) {
            amount = budget.amount();
        }
        return new Money(amount, budget.currency());
    }

    Boost.Status status(long tMs) {
        if (cancelled && tMs >= stoppedMs) {
            return Boost.Status.CANCELLED;
        }
        if (tMs >= endMs) {
            return Boost.Status.COMPLETED;
        }
        return tMs < startMs ? Boost.Status.PENDING_REVIEW : Boost.Status.ACTIVE;
    }

    Boost view(long tMs) {
        return new Boost(id, request, spent(tMs), status(tMs));
    }

    /** Comments and quotes per second the boost brings at time t. */
    double eventRate(long tMs) {
        return tMs >= startMs && tMs < Math.min(stoppedMs, endMs) ? maxEventRate() : 0;
    }

    /** A bound of {@link #eventRate} from {@code fromMs} on. */
    double eventRateBound(long fromMs) {
        return fromMs < Math.min(stoppedMs, endMs) ? maxEventRate() : 0;
    }

    private double maxEventRate() {
        return impressions * eventsPerImpression / ((endMs - startMs) / 1_000.0);
    }

    /** Stops spending now, for good: cancelled, or its post deleted. What was spent stays spent. */
    void cancel(long tMs) {
        if (tMs < stoppedMs && tMs < endMs) {
            stoppedMs = tMs;
            cancelled = true;
        }
    }
}
