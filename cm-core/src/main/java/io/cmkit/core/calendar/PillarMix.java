package io.cmkit.core.calendar;

import io.cmkit.core.model.DateRange;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The planned mix of content pillars over a period against the editorial line's targets.
 *
 * <p>Every entry of the period counts once (a post planned on three accounts counts three
 * times: that is what the audience sees). Shares are percentages of all the period's entries,
 * including those whose post names no pillar or a pillar the editorial line does not know, so
 * those show as missing share rather than vanishing: the planned shares of the known pillars add
 * up to 100 only when every entry has a known pillar.
 *
 * @param period the days checked, in the brand's time zone
 * @param total how many entries the period holds
 * @param pillars every pillar of the editorial line, in its order, including those with no entry
 * @param unknownPillars pillars named by posts but not in the editorial line (target 0), by name
 * @param withoutPillar entries whose post names no pillar
 */
public record PillarMix(DateRange period, int total, List<PillarShare> pillars, List<PillarShare> unknownPillars,
                        List<CalendarEntry> withoutPillar) {

    public PillarMix {
        Objects.requireNonNull(period, "PillarMix.period");
        pillars = List.copyOf(pillars);
        unknownPillars = List.copyOf(unknownPillars);
        withoutPillar = List.copyOf(withoutPillar);
    }

    /** The share of an editorial-line pillar, by name ignoring case. */
    public Optional<PillarShare> pillar(String name) {
        return pillars.stream().filter(p -> p.pillar().equalsIgnoreCase(name)).findFirst();
    }

    /** The percentage of entries with no pillar. */
    public double withoutPillarShare() {
        return total == 0 ? 0 : 100.0 * withoutPillar.size() / total;
    }

    /** The editorial-line pillar furthest from its target, if there are entries at all. */
    public Optional<PillarShare> largestGap() {
        if (total == 0) {
            return Optional.empty();
        }
        return pillars.stream().max(Comparator.comparingDouble(p -> Math.abs(p.gapPoints())));
    }

    /**
     * Whether every pillar is within {@code tolerancePoints} of its target and no entry lacks a
     * known pillar.
     */
    public boolean withinTolerance(double tolerancePoints) {
        return withoutPillar.isEmpty() && unknownPillars.isEmpty()
                && pillars.stream().allMatch(p -> Math.abs(p.gapPoints()) <= tolerancePoints);
    }
}
