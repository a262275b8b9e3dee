package io.cmkit.analytics.boost;

import io.cmkit.core.model.Money;
import java.util.List;
import java.util.Objects;

/**
 * A budget split across boost candidates.
 *
 * @param envelope the budget to split
 * @param lines one per candidate, in the candidates' order; some may get zero
 * @param unallocated what is left when every funded post is at its cap (or there is no candidate)
 * @param seed the seed of the draws: the same seed and candidates give the same allocation
 * @param draws how many Thompson draws were made
 */
public record Allocation(Money envelope, List<AllocationLine> lines, Money unallocated, long seed, int draws) {

    public Allocation {
        Objects.requireNonNull(envelope, "envelope");
        lines = List.copyOf(lines);
        Objects.requireNonNull(unallocated, "unallocated");
    }

    /** The lines that get money. */
    public List<AllocationLine> funded() {
        return lines.stream().filter(l -> l.amount().amount().signum() > 0).toList();
    }

    /** The sum given to posts. */
    public Money allocated() {
        return envelope.minus(unallocated);
    }
}
