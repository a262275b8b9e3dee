package io.cmkit.core.spi;

import io.cmkit.core.model.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Pay to show a post to more people.
 *
 * @param post the organic post to boost
 * @param budget the most to spend, in total
 * @param start when the boost starts
 * @param end when it ends; after start
 * @param idempotencyKey the same key for every attempt, so a retry never pays twice
 */
public record BoostRequest(PostRef post, Money budget, Instant start, Instant end, String idempotencyKey) {

    public BoostRequest {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (budget.amount().signum() == 0) {
            throw new IllegalArgumentException("BoostRequest.budget must be above zero");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("BoostRequest.end must be after start " + start + " (got " + end + ")");
        }
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("BoostRequest.idempotencyKey must not be blank");
        }
    }
}
