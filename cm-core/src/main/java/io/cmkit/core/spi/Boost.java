package io.cmkit.core.spi;

import io.cmkit.core.model.Money;
import java.util.Objects;

/**
 * A boost as the platform runs it.
 *
 * @param id the platform's id for the boost (campaign, promotion)
 * @param request what was asked
 * @param spent how much has been spent so far, never more than the budget
 * @param status where it stands
 */
public record Boost(String id, BoostRequest request, Money spent, Status status) {

    /** Where a boost stands. */
    public enum Status { PENDING_REVIEW, ACTIVE, COMPLETED, CANCELLED, REJECTED }

    public Boost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(status, "status");
        if (spent.compareTo(request.budget()) > 0) {
            throw new IllegalArgumentException("Boost.spent " + spent + " exceeds the budget " + request.budget());
        }
    }
}
