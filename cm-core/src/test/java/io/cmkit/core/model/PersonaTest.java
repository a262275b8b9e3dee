package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Persona")
class PersonaTest {

    @Test
    @DisplayName("keeps its name, profile and lists, stripped of surrounding spaces")
    void accessors() {
        Persona camille = new Persona(" Camille, 29, remote worker ", " Works from cafés three days a week. ",
                List.of(" finding a quiet table "), List.of("fast wifi"), List.of("Instagram stories at lunch"));

        assertThat(camille.name()).isEqualTo("Camille, 29, remote worker");
        assertThat(camille.profile()).isEqualTo("Works from cafés three days a week.");
        assertThat(camille.problems()).containsExactly("finding a quiet table");
        assertThat(camille.expectations()).containsExactly("fast wifi");
        assertThat(camille.socialBehaviour()).containsExactly("Instagram stories at lunch");
    }

    @Test
    @DisplayName("an empty profile and empty lists are allowed")
    void sparse() {
        Persona persona = new Persona("Léo", "", List.of(), List.of(), List.of());

        assertThat(persona.profile()).isEmpty();
        assertThat(persona.problems()).isEmpty();
    }

    @Test
    @DisplayName("keeps its own copy of the lists")
    void defensiveCopy() {
        List<String> problems = new ArrayList<>(List.of("noise"));
        Persona persona = new Persona("Léo", "", problems, List.of(), List.of());

        problems.add("prices");

        assertThat(persona.problems()).containsExactly("noise");
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a blank name")
        void blankName() {
            assertRejected(() -> new Persona(" ", "", List.of(), List.of(), List.of()), "Persona", "name",
                    "Persona.name must not be blank");
        }

        @Test
        @DisplayName("a missing profile")
        void missingProfile() {
            assertRejected(() -> new Persona("Léo", null, List.of(), List.of(), List.of()), "Persona", "profile",
                    "Persona.profile is required");
        }

        @Test
        @DisplayName("missing lists, null entries and blank entries, naming the entry")
        void badEntries() {
            assertRejected(() -> new Persona("Léo", "", null, List.of(), List.of()), "Persona", "problems",
                    "Persona.problems is required");
            assertRejected(() -> new Persona("Léo", "", List.of("ok", " "), List.of(), List.of()), "Persona",
                    "problems[1]", "Persona.problems[1] must not be blank");
            assertRejected(() -> new Persona("Léo", "", List.of(), Arrays.asList((String) null), List.of()), "Persona",
                    "expectations[0]", "Persona.expectations[0] must not be null");
            assertRejected(() -> new Persona("Léo", "", List.of(), List.of(), null), "Persona", "socialBehaviour",
                    "Persona.socialBehaviour is required");
        }
    }
}
