package io.cmkit.core.calendar.internal;

import io.cmkit.core.calendar.CalendarEntry;
import io.cmkit.core.calendar.PillarMix;
import io.cmkit.core.calendar.PillarShare;
import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.EditorialLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Computes a {@link PillarMix} from the entries of a period. */
public final class PillarMixes {

    private PillarMixes() {
    }

    public static PillarMix of(DateRange period, EditorialLine line, List<CalendarEntry> entries) {
        int total = entries.size();
        Map<String, List<CalendarEntry>> known = new LinkedHashMap<>();
        for (ContentPillar p : line.pillars()) {
            known.put(p.name(), new ArrayList<>());
        }
        Map<String, List<CalendarEntry>> unknown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<CalendarEntry> without = new ArrayList<>();
        for (CalendarEntry e : entries) {
            Optional<String> name = e.post().pillar();
            if (name.isEmpty()) {
                without.add(e);
                continue;
            }
            Optional<ContentPillar> pillar = line.pillar(name.get());
            if (pillar.isPresent()) {
                known.get(pillar.get().name()).add(e);
            } else {
                unknown.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(e);
            }
        }
        List<PillarShare> shares = new ArrayList<>();
        for (ContentPillar p : line.pillars()) {
            shares.add(share(p.name(), p.targetShare(), known.get(p.name()), total));
        }
        List<PillarShare> strangers = new ArrayList<>();
        unknown.forEach((name, list) -> strangers.add(share(name,
                0, list, total)));
        return new PillarMix(period, total, shares, strangers, without);
    }

    private static PillarShare share(String name, double target, List<CalendarEntry> list, int total) {
        double planned = total == 0 ? 0 : 100.0 * list.size() / total;
        return new PillarShare(name, target, list.size(), planned, planned - target, list);
    }
}
