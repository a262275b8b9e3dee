package io.cmkit.connectors.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The lexicons carried under one class-path folder, listed in its {@code index.txt}. */
final class Lexicons {

    /** A definition and the lexicon it belongs to (for its local {@code #refs}). */
    record Def(String lexicon, String name, JsonNode node) {
        String id() {
            return name.equals("main") ? lexicon : lexicon + "#" + name;
        }
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final Set<String> absent = new LinkedHashSet<>();

    Lexicons(String folder) {
        String index = read(folder + "/index.txt");
        for (String line : index.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("absent ")) {
                absent.add(l.substring("absent ".length()));
                continue;
            }
            try {
                JsonNode doc = Bodies.MAPPER.readTree(read(folder + "/" + l.replace('.', '/') + ".json"));
                documents.put(doc.path("id").asText(), doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Set<String> ids() {
        return documents.keySet();
    }

    /** The main definition of a lexicon ({@code com.atproto.repo.createRecord}). */
    Optional<Def> main(String nsid) {
        return resolve(nsid, nsid);
    }

    /**
     * Resolves {@code app.bsky.feed.defs#postView}, {@code app.bsky.embed.images} (its main) or
     * {@code #replyRef} (local to {@code from}).
     */
    Optional<Def> resolve(String ref, String from) {
        String full = ref.startsWith("#") ? from + ref : ref;
        int hash = full.indexOf('#');
        String nsid = hash < 0 ? full : full.substring(0, hash);
        String name = hash < 0 ? "main" : full.substring(hash + 1);
        JsonNode doc = documents.get(nsid);
        if (doc == null) {
            return Optional.empty();
        }
        JsonNode def = doc.path("defs").get(name);
        return def == null ? Optional.empty() : Optional.of(new Def(nsid, name, def));
    }

    /** True when the lexicon is referenced by what is carried but was not published with it. */
    boolean isAbsent(String ref) {
        int hash = ref.indexOf('#');
        return absent.contains(hash < 0 ? ref : ref.substring(0, hash));
    }

    /** Normalises a reference to {@code nsid#name}, {@code main} spelt out. */
    static String normalise(String ref, String from) {
        String full = ref.startsWith("#") ? from + ref : ref;
        return full.contains("#") ? full : full + "#main";
    }

    private static String read(String resource) {
        try (InputStream in = Lexicons.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("not on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
