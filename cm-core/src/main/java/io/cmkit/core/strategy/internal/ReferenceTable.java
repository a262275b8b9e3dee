package io.cmkit.core.strategy.internal;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of a platform reference, immutable, as {@link ReferenceParser} read them. Every
 * figure is a percentage from 0 to 100; a missing figure is an empty {@link OptionalDouble}.
 */
public final class ReferenceTable {

    /** The key of the country row used for countries the table does not list. */
    public static final String DEFAULT_COUNTRY = "*";

    private final String source;
    private final SortedSet<Platform> platforms;
    private final List<AgeRange> ageBands;
    private final double[] population;
    private final Map<Platform, double[]> ageShares;
    private final Map<String, Map<Platform, Double>> countries;
    private final Map<String, Map<Platform, Double>> interests;
    private final Map<String, Map<Platform, Double>> behaviours;

    ReferenceTable(String source, SortedSet<Platform> platforms, List<AgeRange> ageBands, double[] population,
                   Map<Platform, double[]> ageShares, Map<String, Map<Platform, Double>> countries,
                   Map<String, Map<Platform, Double>> interests, Map<String, Map<Platform, Double>> behaviours) {
        this.source = source;
        this.platforms = Collections.unmodifiableSortedSet(new TreeSet<>(platforms));
        this.ageBands = List.copyOf(ageBands);
        this.population = population.clone();
        Map<Platform, double[]> shares = new TreeMap<>();
        ageShares.forEach((p, s) -> shares.put(p, s.clone()));
        this.ageShares = Collections.unmodifiableMap(shares);
        this.countries = freeze(countries);
        this.interests = freeze(interests);
        this.behaviours = freeze(behaviours);
    }

    private static Map<String, Map<Platform, Double>> freeze(Map<String, Map<Platform, Double>> rows) {
        Map<String, Map<Platform, Double>> out = new TreeMap<>();
        rows.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    /** The name of the table, usually its file. */
    public String source() {
        return source;
    }

    /** Every platform with at least one column in the table, by id. */
    public SortedSet<Platform> platforms() {
        return platforms;
    }

    /** The age bands, in the table's order; they do not overlap. */
    public List<AgeRange> ageBands() {
        return ageBands;
    }

    /** Share of the reference population in band {@code i}, above 0. */
    public double population(int band) {
        return population[band];
    }

    /** Whether the table has an age distribution for this platform. */
    public boolean hasAges(Platform platform) {
        return ageShares.containsKey(platform);
    }

    /** Share of the platform's users in band {@code i}; only when {@link #hasAges}. */
    public double ageShare(Platform platform, int band) {
        return ageShares.get(platform)[band];
    }

    /** The listed countries, upper case, without the default row. */
    public SortedSet<String> countries() {
        TreeSet<String> out = new TreeSet<>(countries.keySet());
        out.remove(DEFAULT_COUNTRY);
        return Collections.unmodifiableSortedSet(out);
    }

    /** The country's own figure for the platform, without falling back to the default row. */
    public OptionalDouble penetration(String country, Platform platform) {
        return cell(countries, country, platform);
    }

    /** The default row's figure for the platform, used for countries without their own. */
    public OptionalDouble defaultPenetration(Platform platform) {
        return cell(countries, DEFAULT_COUNTRY, platform);
    }

    /** The interest tags, lower case. */
    public SortedSet<String> interests() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(interests.keySet()));
    }

    /** The behaviour tags, lower case. */
    public SortedSet<String> behaviours() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(behaviours.keySet()));
    }

    /** The platform's affinity with an interest tag. */
    public OptionalDouble interest(String tag, Platform platform) {
        return cell(interests, tag, platform);
    }

    /** The platform's affinity with a behaviour tag. */
    public OptionalDouble behaviour(String tag, Platform platform) {
        return cell(behaviours, tag, platform);
    }

    private static OptionalDouble cell(Map<String, Map<Platform, Double>> rows, String key, Platform platform) {
        Map<Platform, Double> row = rows.get(key);
        Double value = row == null ? null : row.get(platform);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
