package io.cmkit.moderation.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmkit.core.text.Span;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Adjustment;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of a {@link Decision}: JSON written field by field (no reflection), so it does
 * not follow the record's shape by accident, and read back equal.
 */
final class DecisionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DecisionJson() {
    }

    static String write(Decision d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("interactionKey", d.interactionKey());
        d.rule().ifPresent(v -> n.put("rule", v));
        d.category().ifPresent(v -> n.put("category", v));
        actions(n.putArray("requested"), d.requested());
        actions(n.putArray("actions"), d.actions());
        ArrayNode evidence = n.putArray("evidence");
        for (Evidence e : d.evidence()) {
            ObjectNode en = evidence.addObject();
            en.put("kind", e.kind().name());
            en.put("pattern", e.pattern());
            e.category().ifPresent(v -> en.put("category", v));
            e.span().ifPresent(s -> {
                en.put("start", s.start());
                en.put("end", s.end());
            });
            en.put("text", e.text());
        }
        ArrayNode adjustments = n.putArray("adjustments");
        for (Adjustment a : d.adjustments()) {
            ObjectNode an = adjustments.addObject();
            an.put("kind", a.kind().name());
            an.put("requested", a.requested().name());
            a.replacement().ifPresent(v -> an.put("replacement", v.name()));
            an.put("reason", a.reason());
        }
        d.reply().ifPresent(v -> n.put("reply", v));
        n.put("dryRun", d.dryRun());
        n.put("decidedAt", d.decidedAt().toString());
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the decision on " + d.interactionKey() + " as JSON", e);
        }
    }

    static Decision read(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored decision is not JSON: " + e.getOriginalMessage(), e);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode en : n.path("evidence")) {
            Optional<Span> span = en.has("start") ? Optional.of(new Span(en.get("start").asInt(), en.get("end").asInt()))
                    : Optional.empty();
            evidence.add(new Evidence(Evidence.Kind.valueOf(en.get("kind").asText()), en.get("pattern").asText(),
                    optional(en, "category"), span, en.get("text").asText()));
        }
        List<Adjustment> adjustments = new ArrayList<>();
        for (JsonNode an : n.path("adjustments")) {
            adjustments.add(new Adjustment(Adjustment.Kind.valueOf(an.get("kind").asText()),
                    Action.valueOf(an.get("requested").asText()), optional(an, "replacement").map(Action::valueOf),
                    an.get("reason").asText()));
        }
        return new Decision(n.get("interactionKey").asText(), optional(n, "rule"), optional(n, "category"),
                actions(n.path("requested")), actions(n.path("actions")), evidence, adjustments, optional(n, "reply"),
                n.get("dryRun").asBoolean(), Instant.parse(n.get("decidedAt").asText()));
    }

    private static void actions(ArrayNode out, List<Action> actions) {
        actions.forEach(a -> out.add(a.name()));
    }

    private static List<Action> actions(JsonNode array) {
        List<Action> out = new ArrayList<>();
        array.forEach(a -> out.add(Action.valueOf(a.asText())));
        return out;
    }

    private static Optional<String> optional(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
