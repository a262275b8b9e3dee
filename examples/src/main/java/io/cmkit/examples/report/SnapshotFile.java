package io.cmkit.examples.report;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metric snapshots kept in a CSV file, one counter a line:
 * {@code taken_at,platform,account,post_id,metric,value} ({@code post_id} empty for the account's
 * own counters such as followers). What a host appends after each {@code Metrics} call; a database
 * table with the same columns works the same way.
 */
public final class SnapshotFile {

    static final String HEADER = "taken_at,platform,account,post_id,metric,value";

    private SnapshotFile() {
    }

    /** Writes the snapshots, one line per counter, in the order given. */
    public static void write(Path file, List<MetricSnapshot> snapshots) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (MetricSnapshot s : snapshots) {
            s.values().entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.id().compareTo(b.id())))
                    .forEach(e -> text.append(s.takenAt()).append(',').append(s.account().platform().id()).append(',')
                            .append(s.account().handle()).append(',').append(s.postId().orElse("")).append(',')
                            .append(e.getKey().id()).append(',').append(e.getValue()).append('\n'));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Reads the snapshots back: the lines of one time, account and post make one snapshot. A bad
     * line is reported with its file, line and field, and nothing is returned.
     */
    public static List<MetricSnapshot> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(file.getFileName() + ":1: the header must be '" + HEADER + "'");
        }
        record Key(Instant takenAt, Account account, Optional<String> postId) {
        }
        Map<Key, Map<Metric, Long>> grouped = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length != 6) {
                throw new IllegalArgumentException(where + ": expected 6 fields (" + HEADER + "), found " + cells.length);
            }
            Instant takenAt;
            try {
                takenAt = Instant.parse(cells[0]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": taken_at must be an ISO instant like 2026-03-02T08:00:00Z, found '"
                        + cells[0] + "'");
            }
            long value;
            try {
                value = Long.parseLong(cells[5]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": value must be a whole number, found '" + cells[5] + "'");
            }
            Account account = new Account(Platform.of(cells[1]), cells[2]);
            Key key = new Key(takenAt, account, cells[3].isEmpty() ? Optional.empty() : Optional.of(cells[3]));
            grouped.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(new Metric(cells[4]), value);
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        grouped.forEach((key, values) -> snapshots.add(new MetricSnapshot(key.account(), key.postId(), key.takenAt(), values)));
        return snapshots;
    }
}
