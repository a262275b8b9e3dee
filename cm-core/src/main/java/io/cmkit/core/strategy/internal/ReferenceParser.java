package io.cmkit.core.strategy.internal;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import io.cmkit.core.strategy.PlatformReferenceException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the platform reference format described in {@code docs/platform-fit.md}: comment lines
 * starting with {@code #}, sections {@code [age]}, {@code [country]}, {@code [interest]} and
 * {@code [behaviour]}, each a header row naming the platforms and rows of comma-separated
 * percentages. The first problem found is thrown with its line and cell; a parser instance reads
 * one table and is then discarded.
 */
public final class ReferenceParser {

    /** How far an age column may stray from 100 %, for rounding in published figures. */
    public static final double AGE_SUM_TOLERANCE = 2.0;

    /** The reserved age column holding the reference population's age distribution. */
    public static final String POPULATION = "population";

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(\\.\\d+)?");
    private static final Pattern SECTION = Pattern.compile("\\[\\s*([^\\]]*?)\\s*]");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private enum Section {
        AGE("age", "band"), COUNTRY("country", "country"), INTEREST("interest", "interest"),
        BEHAVIOUR("behaviour", "behaviour");

        final String name;
        final String keyLabel;

        Section(String name, String keyLabel) {
            this.name = name;
            this.keyLabel = keyLabel;
        }
    }

    private final String source;

    private Section section;
    private int sectionLine;
    private final Set<Section> seen = new java.util.HashSet<>();
    private List<String> header;           // cell texts, for messages
    private List<Platform> columns;        // null for the population column
    private int headerLine;
    private final Map<String, Integer> keyLines = new HashMap<>();

    private final Set<Platform> platforms = new TreeSet<>();
    private final List<AgeRange> bands = new ArrayList<>();
    private final List<Integer> bandLines = new ArrayList<>();
    private final List<Double> population = new ArrayList<>();
    private final Map<Platform, List<Double>> ageColumns = new LinkedHashMap<>();
    private final Map<String, Map<Platform, Double>> countries = new LinkedHashMap<>();
    private final Map<String, Map<Platform, Double>> interests = new LinkedHashMap<>();
    private final Map<String, Map<Platform, Double>> behaviours = new LinkedHashMap<>();

    private ReferenceParser(String source) {
        this.source = source;
    }

    /**
     * Reads a whole table.
     *
     * @param text the table's text
     * @param source its name for messages, usually the file name
     * @throws PlatformReferenceException at the first problem, with line and cell
     */
    public static ReferenceTable parse(String text, String source) {
        return new ReferenceParser(source).read(text);
    }

    private ReferenceTable read(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                endSection();
                startSection(line, lineNo);
            } else if (section == null) {
                throw fail(lineNo, 0, "expected a section header such as [age], [country], [interest] or "
                        + "[behaviour] before any data");
            } else if (header == null) {
                readHeader(cells(line), lineNo);
            } else {
                readRow(cells(line), lineNo);
            }
        }
        endSection();
        if (platforms.isEmpty()) {
            throw fail(0, 0, "the table names no platform");
        }
        double[] pop = population.stream().mapToDouble(Double::doubleValue).toArray();
        Map<Platform, double[]> ages = new HashMap<>();
        ageColumns.forEach((p, shares) -> ages.put(p, shares.stream().mapToDouble(Double::doubleValue).toArray()));
        return new ReferenceTable(source, new TreeSet<>(platforms), bands, pop, ages, countries, interests, behaviours);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
    }

    private void startSection(String line, int lineNo) {
        var m = SECTION.matcher(line);
        if (!m.matches()) {
            throw fail(lineNo, 0, "a section header is a name in square brackets, such as [age]; got '" + line + "'");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        Section found = null;
        for (Section s : Section.values()) {
            if (s.name.equals(name)) {
                found = s;
            }
        }
        if (found == null) {
            throw fail(lineNo, 0, "unknown section [" + m.group(1) + "]; the sections are [age], [country], "
                    + "[interest] and [behaviour]");
        }
        if (!seen.add(found)) {
            throw fail(lineNo, 0, "section [" + found.name + "] appears twice");
        }
        section = found;
        sectionLine = lineNo;
        header = null;
        columns = null;
        keyLines.clear();
    }

    private void readHeader(List<String> cells, int lineNo) {
        if (!cells.get(0).equalsIgnoreCase(section.keyLabel)) {
            throw fail(lineNo, 1, "the header of [" + section.name + "] starts with '" + section.keyLabel
                    + "', got '" + cells.get(0) + "'");
        }
        List<Platform> cols = new ArrayList<>();
        boolean hasPopulation = false;
        for (int c = 1; c < cells.size(); c++) {
            String name = cells.get(c).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw fail(lineNo, c + 1, "a header cell is empty; each column names a platform");
            }
            if (section == Section.AGE && name.equals(POPULATION)) {
                if (hasPopulation) {
                    throw fail(lineNo, c + 1, "column '" + POPULATION + "' appears twice");
                }
                hasPopulation = true;
                cols.add(null);
                continue;
            }
            Platform platform;
            try {
                platform = Platform.of(name); // reads "twitter" as x
            } catch (InvalidModelException e) {
                throw fail(lineNo, c + 1, "'" + cells.get(c) + "' is not a platform id: " + e.problem());
            }
            if (cols.contains(platform)) {
                throw fail(lineNo, c + 1, "column '" + cells.get(c) + "' names platform '" + platform
                        + "' a second time");
            }
            cols.add(platform);
        }
        if (cols.stream().noneMatch(p -> p != null)) {
            throw fail(lineNo, 0, "the header of [" + section.name + "] names no platform");
        }
        if (section == Section.AGE && !hasPopulation) {
            throw fail(lineNo, 0, "the header of [age] needs a '" + POPULATION
                    + "' column: the reference population's share of each band, which platform shares are compared with");
        }
        header = cells;
        columns = cols;
        headerLine = lineNo;
    }

    private void readRow(List<String> cells, int lineNo) {
        if (cells.size() != header.size()) {
            throw fail(lineNo, 0, "has " + cells.size() + " cells but the header of [" + section.name + "] (line "
                    + headerLine + ") has " + header.size() + (cells.size() > header.size()
                    ? "; write decimals with '.', not ','" : ""));
        }
        String key = readKey(cells.get(0), lineNo);
        Integer earlier = keyLines.putIfAbsent(key, lineNo);
        if (earlier != null) {
            throw fail(lineNo, 1, "'" + key + "' is already given on line " + earlier);
        }
        Map<Platform, Double> row = new LinkedHashMap<>();
        for (int c = 1; c < cells.size(); c++) {
            Platform platform = columns.get(c - 1);
            String text = cells.get(c);
            if (text.isEmpty()) {
                if (platform == null) {
                    throw fail(lineNo, c + 1, "the population share of band " + key + " is missing");
                }
                continue;
            }
            if (!NUMBER.matcher(text).matches() || Double.parseDouble(text) > 100) {
                throw fail(lineNo, c + 1, "'" + text + "' for " + key + " on '" + header.get(c)
                        + "' is not a percentage from 0 to 100 (digits, '.' for decimals, or empty for no data)");
            }
            double value = Double.parseDouble(text);
            if (platform == null) {
                if (value <= 0) {
                    throw fail(lineNo, c + 1, "the population share of band " + key + " must be above 0");
                }
                population.add(value);
            } else {
                row.put(platform, value);
            }
        }
        switch (section) {
            case AGE -> addBand(key, row, lineNo);
            case COUNTRY -> countries.put(key, row);
            case INTEREST -> interests.put(key, row);
            case BEHAVIOUR -> behaviours.put(key, row);
        }
    }

    private String readKey(String text, int lineNo) {
        if (text.isEmpty()) {
            throw fail(lineNo, 1, "the first cell must name the " + section.keyLabel);
        }
        switch (section) {
            case AGE -> {
                AgeRange band;
                try {
                    band = AgeRange.parse(text);
                } catch (InvalidModelException e) {
                    throw fail(lineNo, 1, "'" + text + "' is not an age band like 18-24 or 65+ (" + e.getMessage() + ")");
                }
                for (int b = 0; b < bands.size(); b++) {
                    if (bands.get(b).overlapYears(band) > 0) {
                        throw fail(lineNo, 1, "band " + band + " overlaps band " + bands.get(b)
                                + " of line " + bandLines.get(b));
                    }
                }
                return band.toString();
            }
            case COUNTRY -> {
                String code = text.toUpperCase(Locale.ROOT);
                if (!code.equals(ReferenceTable.DEFAULT_COUNTRY) && !ISO_COUNTRIES.contains(code)) {
                    throw fail(lineNo, 1, "'" + text + "' is not an ISO 3166-1 alpha-2 country code (or '*' for "
                            + "countries not listed)");
                }
                return code;
            }
            default -> {
                return text.toLowerCase(Locale.ROOT);
            }
        }
    }

    private void addBand(String key, Map<Platform, Double> row, int lineNo) {
        bands.add(AgeRange.parse(key));
        bandLines.add(lineNo);
        int index = bands.size() - 1;
        for (int c = 0; c < columns.size(); c++) {
            Platform platform = columns.get(c);
            if (platform == null) {
                continue;
            }
            List<Double> column = ageColumns.computeIfAbsent(platform, p -> new ArrayList<>());
            Double value = row.get(platform);
            // a column is all figures or all empty: record NaN for empty and check at the end
            column.add(value == null ? Double.NaN : value);
            if (column.size() != index + 1) {
                throw new IllegalStateException("age column out of step");
            }
        }
    }

    private void endSection() {
        if (section == null) {
            return;
        }
        if (header == null) {
            throw fail(sectionLine, 0, "section [" + section.name + "] has no header row");
        }
        for (Platform p : columns) {
            if (p != null) {
                platforms.add(p);
            }
        }
        if (section == Section.AGE) {
            checkAges();
        }
        section = null;
    }

    private void checkAges() {
        if (bands.isEmpty()) {
            throw fail(headerLine, 0, "section [age] has no bands");
        }
        double popSum = population.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(popSum - 100) > AGE_SUM_TOLERANCE) {
            throw fail(headerLine, header.indexOf(POPULATION) + 1, "the population shares add up to "
                    + round(popSum) + "%, not 100% (±" + round(AGE_SUM_TOLERANCE) + ")");
        }
        for (var it = ageColumns.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Platform platform = entry.getKey();
            List<Double> shares = entry.getValue();
            int column = columns.indexOf(platform) + 2;
            long empty = shares.stream().filter(d -> d.isNaN()).count();
            if (empty == shares.size()) {
                it.remove();
                continue;
            }
            if (empty > 0) {
                int band = 0;
                while (!shares.get(band).isNaN()) {
                    band++;
                }
                throw fail(bandLines.get(band), column, "the share of " + bands.get(band) + " for '" + platform
                        + "' is missing; give every band a share, or leave the whole column empty");
            }
            double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 100) > AGE_SUM_TOLERANCE) {
                throw fail(headerLine, column, "the age shares of '" + platform + "' add up to " + round(sum)
                        + "%, not 100% (±" + round(AGE_SUM_TOLERANCE) + ")");
            }
        }
    }

    private static String round(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private PlatformReferenceException fail(int line, int column, String problem) {
        return new PlatformReferenceException(source, line, column, problem);
    }
}
