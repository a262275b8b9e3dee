package io.cmkit.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A target audience: who the brand wants to reach, described by the facts platform choice
 * depends on, and the personas that make it concrete.
 *
 * @param name a short name, unique within a strategy
 * @param weight how much this audience matters relative to the strategy's others (positive)
 * @param ageRanges the age bands it spans; empty when unknown
 * @param countries ISO 3166-1 alpha-2 country codes, upper case, sorted; empty when unknown
 * @param interests free-form interest tags, lower case, sorted ("coffee", "gaming")
 * @param behaviours behaviour tags, lower case ("video", "professional-networking")
 * @param personas the personas that embody it
 */
public record Audience(String name, double weight, List<AgeRange> ageRanges, Set<String> countries,
                       Set<String> interests, Set<String> behaviours, List<Persona> personas) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public Audience {
        name = Checks.notBlank("Audience", "name", name);
        if (Double.isNaN(weight) || weight <= 0 || Double.isInfinite(weight)) {
            throw new InvalidModelException("Audience", "weight", "must be a positive number (got " + weight + ")");
        }
        ageRanges = Checks.list("Audience", "ageRanges", ageRanges);
        countries = Checks.set("Audience", "countries", countries);
        TreeSet<String> codes = new TreeSet<>();
        for (String country : countries) {
            String code = country.strip().toUpperCase(Locale.ROOT);
            if (!ISO_COUNTRIES.contains(code)) {
                throw new InvalidModelException("Audience", "countries",
                        "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
            }
            codes.add(code);
        }
        countries = Collections.unmodifiableSortedSet(codes);
        interests = tags("interests", interests);
        behaviours = tags("behaviours", behaviours);
        personas = Checks.list("Audience", "personas", personas);
        Checks.unique("Audience", "personas", personas, Persona::name, "persona");
    }

    private static Set<String> tags(String field, Set<String> values) {
        Checks.set("Audience", field, values);
        TreeSet<String> out = new TreeSet<>();
        for (String value : values) {
            out.add(Checks.notBlank("Audience", field, value).toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSortedSet(out);
    }
}
