package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Audience")
class AudienceTest {

    private static final Persona CAMILLE = new Persona("Camille", "", List.of(), List.of(), List.of());

    @Test
    @DisplayName("keeps its name, weight, age bands and personas")
    void accessors() {
        Audience audience = new Audience(" Lyon students ", 2.5, List.of(AgeRange.parse("18-24")), Set.of("FR"),
                Set.of(), Set.of(), List.of(CAMILLE));

        assertThat(audience.name()).isEqualTo("Lyon students");
        assertThat(audience.weight()).isEqualTo(2.5);
        assertThat(audience.ageRanges()).containsExactly(new AgeRange(18, 24));
        assertThat(audience.personas()).containsExactly(CAMILLE);
    }

    @Test
    @DisplayName("upper-cases and strips country codes")
    void countries() {
        Audience audience = audience(Set.of("fr", " be ", "Ch"));

        assertThat(audience.countries()).containsExactlyInAnyOrder("FR", "BE", "CH");
    }

    @Test
    @DisplayName("lower-cases interest and behaviour tags, merging those that differ only by case")
    void tags() {
        Audience audience = new Audience("Coffee lovers", 1, List.of(), Set.of(), Set.of("Coffee", " Latte Art "),
                Set.of("Video", "video"), List.of());

        assertThat(audience.interests()).containsExactlyInAnyOrder("coffee", "latte art");
        assertThat(audience.behaviours()).containsExactly("video");
    }

    @Test
    @DisplayName("keeps its own copies of lists and sets")
    void defensiveCopy() {
        List<AgeRange> ages = new ArrayList<>(List.of(AgeRange.parse("18-24")));
        Set<String> countries = new HashSet<>(Set.of("FR"));
        List<Persona> personas = new ArrayList<>(List.of(CAMILLE));
        Audience audience = new Audience("Students", 1, ages, countries, Set.of(), Set.of(), personas);

        ages.add(AgeRange.parse("25-34"));
        countries.add("BE");
        personas.clear();

        assertThat(audience.ageRanges()).hasSize(1);
        assertThat(audience.countries()).containsExactly("FR");
        assertThat(audience.personas()).containsExactly(CAMILLE);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a blank name")
        void blankName() {
            assertRejected(() -> new Audience("", 1, List.of(), Set.of(), Set.of(), Set.of(), List.of()), "Audience",
                    "name", "Audience.name must not be blank");
        }

        @Test
        @DisplayName("a weight that is not a positive number")
        void badWeight() {
            assertRejected(() -> weighing(0), "Audience", "weight", "Audience.weight must be a positive number (got 0.0)");
            assertRejected(() -> weighing(-1), "Audience", "weight", "Audience.weight must be a positive number (got -1.0)");
            assertRejected(() -> weighing(Double.NaN), "Audience", "weight",
                    "Audience.weight must be a positive number (got NaN)");
            assertRejected(() -> weighing(Double.POSITIVE_INFINITY), "Audience", "weight",
                    "Audience.weight must be a positive number (got Infinity)");
        }

        @Test
        @DisplayName("a country that is not an ISO 3166-1 alpha-2 code")
        void badCountry() {
            assertRejected(() -> audience(Set.of("UK")), "Audience", "countries",
                    "Audience.countries 'UK' is not an ISO 3166-1 alpha-2 country code");
            assertRejected(() -> audience(Set.of("France")), "Audience", "countries",
                    "Audience.countries 'France' is not an ISO 3166-1 alpha-2 country code");
        }

        @Test
        @DisplayName("missing sets and null members")
        void nulls() {
            assertRejected(() -> audience(null), "Audience", "countries", "Audience.countries is required");
            assertRejected(() -> audience(new HashSet<>(Arrays.asList("FR", null))), "Audience", "countries",
                    "Audience.countries must not contain null");
            assertRejected(() -> new Audience("A", 1, Arrays.asList((AgeRange) null), Set.of(), Set.of(), Set.of(),
                    List.of()), "Audience", "ageRanges[0]", "Audience.ageRanges[0] must not be null");
        }

        @Test
        @DisplayName("blank tags")
        void blankTags() {
            assertRejected(() -> new Audience("A", 1, List.of(), Set.of(), Set.of(" "), Set.of(), List.of()),
                    "Audience", "interests", "Audience.interests must not be blank");
            assertRejected(() -> new Audience("A", 1, List.of(), Set.of(), Set.of(), Set.of(""), List.of()),
                    "Audience", "behaviours", "Audience.behaviours must not be blank");
        }

        @Test
        @DisplayName("two personas with the same name")
        void duplicatePersona() {
            assertRejected(() -> new Audience("A", 1, List.of(), Set.of(), Set.of(), Set.of(), List.of(CAMILLE, CAMILLE)),
                    "Audience", "personas[1]", "Audience.personas[1] duplicates persona 'Camille'");
        }

        private Audience weighing(double weight) {
            return new Audience("A", weight, List.of(), Set.of(), Set.of(), Set.of(), List.of());
        }
    }

    private static Audience audience(Set<String> countries) {
        return new Audience("Lyon", 1, List.of(), countries, Set.of(), Set.of(), List.of());
    }
}
