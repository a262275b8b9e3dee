package io.cmkit.core.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stored form of an {@link Interaction} in a store's text column: JSON written field by field
 * (no reflection), so it does not follow the record's shape by accident, and read back equal.
 * Instants are ISO-8601 in UTC with their full precision; languages are BCP 47 tags.
 */
public final class InteractionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InteractionJson() {
    }

    /** The JSON text of {@code i}. */
    public static String write(Interaction i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", i.id());
        n.put("platform", i.account().platform().id());
        n.put("account", i.account().handle());
        n.put("kind", i.kind().name());
        ObjectNode a = n.putObject("author");
        Author au = i.author();
        a.put("id", au.id());
        a.put("handle", au.handle());
        au.displayName().ifPresent(v -> a.put("displayName", v));
        au.accountCreatedAt().ifPresent(v -> a.put("accountCreatedAt", v.toString()));
        au.followers().ifPresent(v -> a.put("followers", v));
        a.put("verified", au.verified());
        n.put("text", i.text());
        n.put("createdAt", i.createdAt().toString());
        ObjectNode t = n.putObject("thread");
        i.thread().rootId().ifPresent(v -> t.put("rootId", v));
        i.thread().parentId().ifPresent(v -> t.put("parentId", v));
        t.put("depth", i.thread().depth());
        t.put("replyToBrand", i.thread().replyToBrand());
        i.language().ifPresent(v -> n.put("language", v.toLanguageTag()));
        i.url().ifPresent(v -> n.put("url", v.toString()));
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write interaction " + i.key() + " as JSON", e);
        }
    }

    /**
     * The interaction written by {@link #write(Interaction)}.
     *
     * @throws IllegalArgumentException when the text is not such JSON, naming the missing or bad field
     */
    public static Interaction read(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored interaction is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode a = field(n, "author");
        JsonNode t = field(n, "thread");
        Author author = new Author(text(a, "id"), text(a, "handle"), optional(a, "displayName"),
                optional(a, "accountCreatedAt").map(Instant::parse),
                a.has("followers") ? OptionalLong.of(a.get("followers").asLong()) : OptionalLong.empty(),
                field(a, "verified").asBoolean());
        ThreadPosition thread = new ThreadPosition(optional(t, "rootId"), optional(t, "parentId"),
                field(t, "depth").asInt(), field(t, "replyToBrand").asBoolean());
        return new Interaction(text(n, "id"), new Account(Platform.of(text(n, "platform")), text(n, "account")),
                Interaction.Kind.valueOf(text(n, "kind")), author, text(n, "text"), Instant.parse(text(n, "createdAt")),
                thread, optional(n, "language").map(Locale::forLanguageTag), optional(n, "url").map(URI::create));
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("stored interaction lacks field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        return field(n, name).asText();
    }

    private static Optional<String> optional(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
