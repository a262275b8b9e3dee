package io.cmkit.analytics.boost;

import io.cmkit.core.model.Money;
import java.util.Objects;

/**
 * Spend against the envelope and the campaign's elapsed time.
 *
 * @param envelope the campaign's budget
 * @param spent what the platforms report spent so far
 * @param committed what is spent or promised: budgets of running boosts, spend of finished ones
 * @param available what may still be committed: envelope − committed
 * @param elapsed the fraction of the campaign elapsed, 0 to 1
 * @param expectedSpend envelope × elapsed: a linear pace
 * @param status under, on or over pace
 * @param dailyToStayOnPace what is left to spend divided by the whole days left (the rest when under a day)
 */
public record SpendPacing(Money envelope, Money spent, Money committed, Money available, double elapsed,
                          Money expectedSpend, Status status, Money dailyToStayOnPace) {

    /** Spend against a linear pace, with {@link SpendTracker#TOLERANCE}. */
    public enum Status { NOT_STARTED, UNDER_PACE, ON_PACE, OVER_PACE, FINISHED }

    public SpendPacing {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(committed, "committed");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(expectedSpend, "expectedSpend");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dailyToStayOnPace, "dailyToStayOnPace");
    }
}
