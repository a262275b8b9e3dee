package io.cmkit.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The carried copies stand on their own: every reference resolves, every licence is beside its copy. */
@DisplayName("the carried contracts")
class CarriedContractsTest {

    @Test
    @DisplayName("every $ref of the Mastodon subset resolves inside it")
    void mastodonRefs() throws IOException {
        JsonNode doc = read("contracts/mastodon/openapi.json");
        List<String> dangling = new ArrayList<>();
        walk(doc, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && doc.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
        });
        assertThat(dangling).isEmpty();
        assertThat(doc.path("info").path("x-cmkit-subset").asText()).contains("carry_contracts.py");
    }

    @Test
    @DisplayName("every lexicon reference resolves, or names a lexicon listed as absent from the source")
    void lexiconRefs() {
        Lexicons lexicons = new Lexicons("contracts/bluesky");
        List<String> dangling = new ArrayList<>();
        for (String id : lexicons.ids()) {
            walk(lexiconDoc(id), node -> {
                List<String> refs = new ArrayList<>();
                if ("ref".equals(node.path("type").asText())) {
                    refs.add(node.path("ref").asText());
                }
                if ("union".equals(node.path("type").asText())) {
                    node.path("refs").forEach(r -> refs.add(r.asText()));
                }
                for (String ref : refs) {
                    if (lexicons.resolve(ref, id).isEmpty() && !lexicons.isAbsent(ref.startsWith("#") ? id : ref)) {
                        dangling.add(id + " -> " + ref);
                    }
                }
            });
        }
        assertThat(dangling).isEmpty();
    }

    @Test
    @DisplayName("each copy has its licence beside it")
    void licences() {
        for (String licence : List.of("contracts/mastodon/LICENSE", "contracts/mastodon/LICENSE-GFDL-1.3.txt",
                "contracts/bluesky/LICENSE-MIT.txt")) {
            assertThat(getClass().getClassLoader().getResource(licence)).as(licence).isNotNull();
        }
    }

    private static JsonNode lexiconDoc(String id) {
        try {
            return read("contracts/bluesky/" + id.replace('.', '/') + ".json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = CarriedContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Bodies.MAPPER.readTree(in);
        }
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(node);
        }
        node.forEach(child -> walk(child, visit));
    }
}
