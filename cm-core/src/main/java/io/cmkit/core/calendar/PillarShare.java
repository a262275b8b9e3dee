package io.cmkit.core.calendar;

import java.util.List;
import java.util.Objects;

/**
 * One pillar's place in the planned mix.
 *
 * @param pillar the pillar's name, as the editorial line spells it (or as the post spells it,
 *               for a pillar the editorial line does not know)
 * @param targetShare the target percentage from the editorial line; 0 for an unknown pillar
 * @param planned how many entries of the period belong to it
 * @param plannedShare their percentage of all the period's entries; 0 when there are none
 * @param gapPoints {@code plannedShare - targetShare}, in percentage points: negative when the
 *                  pillar is under-served
 * @param entries the entries, in time order
 */
public record PillarShare(String pillar, double targetShare, int planned, double plannedShare, double gapPoints,
                          List<CalendarEntry> entries) {

    public PillarShare {
        Objects.requireNonNull(pillar, "PillarShare.pillar");
        entries = List.copyOf(entries);
    }
}
