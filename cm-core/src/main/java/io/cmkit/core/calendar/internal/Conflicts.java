package io.cmkit.core.calendar.internal;

import io.cmkit.core.calendar.CalendarEntry;
import io.cmkit.core.calendar.Conflict;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Finds the conflicts between entries, per account. */
public final class Conflicts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private Conflicts() {
    }

    /**
     * Entries of one account closer than the platform's gap (each pair of neighbours in time), and
     * entries of one account whose text has the same fingerprint as the latest earlier entry with
     * that fingerprint, within the window.
     *
     * @param entries all entries, any order
     */
    public static List<Conflict> find(List<CalendarEntry> entries, Function<Platform, Duration> minimumGap,
                                      Duration duplicateWindow) {
        Map<Account, List<CalendarEntry>> byAccount = new LinkedHashMap<>();
        entries.stream().sorted().forEach(e -> byAccount.computeIfAbsent(e.account(), a -> new ArrayList<>()).add(e));
        List<Conflict> out = new ArrayList<>();
        for (Map.Entry<Account, List<CalendarEntry>> group : byAccount.entrySet()) {
            Account account = group.getKey();
            List<CalendarEntry> list = group.getValue();
            Duration gap = minimumGap.apply(account.platform());
            for (int i = 1; i < list.size(); i++) {
                CalendarEntry a = list.get(i - 1);
                CalendarEntry b = list.get(i);
                Duration apart = Duration.between(a.instant(), b.instant());
                if (apart.compareTo(gap) < 0) {
                    out.add(new Conflict(Conflict.Rule.TOO_CLOSE, account, a, b, apart, gap,
                            "too close on " + account + ": '" + a.id() + "' at " + WHEN.format(a.start())
                                    + " and '" + b.id() + "' at " + WHEN.format(b.start()) + " are "
                                    + human(apart) + " apart; the minimum gap on "
                                    + account.platform().displayName() + " is " + human(gap)));
                }
            }
            Map<String, CalendarEntry> latest = new HashMap<>();
            for (CalendarEntry b : list) {
                String key = TextFingerprint.of(b.variant().text());
                if (key.isEmpty()) {
                    continue; // media-only variants: no text to compare
                }
                CalendarEntry a = latest.put(key, b);
                if (a != null) {
                    Duration apart = Duration.between(a.instant(), b.instant());
                    if (apart.compareTo(duplicateWindow) <= 0) {
                        out.add(new Conflict(Conflict.Rule.DUPLICATE_CONTENT, account, a, b, apart, duplicateWindow,
                                "duplicate content on " + account + ": '" + a.id() + "' at " + WHEN.format(a.start())
                                        + " and '" + b.id() + "' at " + WHEN.format(b.start())
                                        + " have the same text once case, spaces and URLs are ignored, "
                                        + human(apart) + " apart (window " + human(duplicateWindow) + ")"));
                    }
                }
            }
        }
        out.sort(Comparator.comparing((Conflict c) -> c.second().instant()).thenComparing(c -> c.rule()));
        return List.copyOf(out);
    }

    /** "45 min", "1 h", "1 h 30 min", "7 d", "2 d 3 h". */
    public static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes == 0) {
            return d.isZero() ? "0 min" : d.toSeconds() + " s";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append(" d");
        }
        if (hours > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (mins > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(mins).append(" min");
        }
        return sb.toString();
    }
}
