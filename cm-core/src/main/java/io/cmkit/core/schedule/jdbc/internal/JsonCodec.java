package io.cmkit.core.schedule.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.PublicationOptions;
import io.cmkit.core.schedule.ReplyTarget;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.schedule.Transition;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON kept in the store's text columns, written field by field (no reflection), so the
 * stored form does not follow the records' shapes by accident. Instants are ISO-8601 in UTC with
 * their full precision.
 */
final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {
    }

    /**
     * What a post row's body holds: everything of a ScheduledPost but its key, state, version and
     * history. Bodies written before schema version 3 also hold the history, which the V3 migration
     * moves to its table ({@link HistoryMove}); later bodies have none.
     */
    record Body(Post post, List<Account> accounts, Optional<Instant> scheduledAt, List<Transition> history,
                Map<String, PublicationOptions> options) {
    }

    /** The body of a post row: its history is kept in a table of its own, not here. */
    static String body(ScheduledPost p) {
        return body(p.post(), p.accounts(), p.scheduledAt(), List.of(), p.options());
    }

    static String body(Post post, List<Account> accounts, Optional<Instant> scheduledAt, List<Transition> history,
                       Map<String, PublicationOptions> options) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("post", post(post));
        ArrayNode acc = root.putArray("accounts");
        accounts.forEach(a -> acc.add(account(a)));
        scheduledAt.ifPresent(t -> root.put("scheduledAt", t.toString()));
        if (!history.isEmpty()) {
            history(root.putArray("history"), history);
        }
        if (!options.isEmpty()) {
            ObjectNode opts = root.putObject("options");
            options.forEach((account, o) -> {
                ObjectNode n = opts.putObject(account);
                o.idempotencyKey().ifPresent(k -> n.put("idempotencyKey", k));
                o.replyTo().ifPresent(r -> n.set("replyTo", replyToNode(r)));
            });
        }
        return write(root);
    }

    private static void history(ArrayNode hist, List<Transition> history) {
        for (Transition t : history) {
            ObjectNode n = hist.addObject();
            n.put("action", t.action().name());
            t.from().ifPresent(f -> n.put("from", f.name()));
            n.put("to", t.to().name());
            n.put("actor", t.actor());
            n.put("at", t.at().toString());
            t.comment().ifPresent(c -> n.put("comment", c));
        }
    }

    static Body body(String json) {
        JsonNode root = read(json);
        Post post = post(root.get("post"));
        List<Account> accounts = new ArrayList<>();
        root.get("accounts").forEach(n -> accounts.add(account(n)));
        Optional<Instant> scheduledAt = optText(root, "scheduledAt").map(Instant::parse);
        List<Transition> history = new ArrayList<>();
        for (JsonNode n : root.path("history")) {
            history.add(new Transition(PostAction.valueOf(n.get("action").asText()),
                    optText(n, "from").map(PostState::valueOf), PostState.valueOf(n.get("to").asText()),
                    n.get("actor").asText(), Instant.parse(n.get("at").asText()), optText(n, "comment")));
        }
        Map<String, PublicationOptions> options = new LinkedHashMap<>();
        JsonNode opts = root.get("options");
        if (opts != null) {
            opts.fields().forEachRemaining(e -> options.put(e.getKey(), new PublicationOptions(
                    optText(e.getValue(), "idempotencyKey"),
                    Optional.ofNullable(e.getValue().get("replyTo")).map(JsonCodec::replyTo))));
        }
        return new Body(post, accounts, scheduledAt, history, options);
    }

    static String replyTo(ReplyTarget target) {
        return write(replyToNode(target));
    }

    static ReplyTarget replyTo(String json) {
        return replyTo(read(json));
    }

    private static ObjectNode replyToNode(ReplyTarget target) {
        ObjectNode n = MAPPER.createObjectNode();
        if (target instanceof ReplyTarget.ExistingPost e) {
            n.set("post", refNode(e.ref()));
        } else if (target instanceof ReplyTarget.Parent p) {
            ArrayNode chain = n.putArray("parent");
            p.chain().forEach(chain::add);
            n.put("onGap", p.onGap().name());
        }
        return n;
    }

    private static ReplyTarget replyTo(JsonNode n) {
        if (n.has("post")) {
            return new ReplyTarget.ExistingPost(ref(n.get("post")));
        }
        List<String> chain = new ArrayList<>();
        n.get("parent").forEach(k -> chain.add(k.asText()));
        return new ReplyTarget.Parent(chain, ReplyTarget.GapRule.valueOf(n.get("onGap").asText()));
    }

    private static ObjectNode refNode(PostRef ref) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("platform", ref.platform().id());
        n.put("id", ref.id());
        ref.version().ifPresent(v -> n.put("version", v));
        ref.url().ifPresent(u -> n.put("url", u.toString()));
        return n;
    }

    private static PostRef ref(JsonNode n) {
        return new PostRef(new Platform(n.get("platform").asText()), n.get("id").asText(),
                optText(n, "version"), optText(n, "url").map(URI::create));
    }

    static String variant(PostVariant v) {
        return write(variantNode(v));
    }

    static PostVariant variant(String json) {
        return variant(read(json));
    }

    static String published(PublishedPost p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("platform", p.ref().platform().id());
        n.put("id", p.ref().id());
        p.ref().version().ifPresent(v -> n.put("version", v));
        p.ref().url().ifPresent(u -> n.put("url", u.toString()));
        n.put("publishedAt", p.publishedAt().toString());
        n.put("idempotencyKey", p.idempotencyKey());
        return write(n);
    }

    static PublishedPost published(String json) {
        JsonNode n = read(json);
        PostRef ref = new PostRef(new Platform(n.get("platform").asText()), n.get("id").asText(),
                optText(n, "version"), optText(n, "url").map(URI::create));
        return new PublishedPost(ref, Instant.parse(n.get("publishedAt").asText()), n.get("idempotencyKey").asText());
    }

    private static ObjectNode post(Post p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id());
        n.put("brandId", p.brandId());
        p.pillar().ifPresent(v -> n.put("pillar", v));
        p.campaign().ifPresent(v -> n.put("campaign", v));
        ArrayNode variants = n.putArray("variants");
        p.variants().forEach(v -> variants.add(variantNode(v)));
        return n;
    }

    private static Post post(JsonNode n) {
        List<PostVariant> variants = new ArrayList<>();
        n.get("variants").forEach(v -> variants.add(variant(v)));
        return new Post(n.get("id").asText(), n.get("brandId").asText(), optText(n, "pillar"), optText(n, "campaign"),
                variants);
    }

    private static ObjectNode variantNode(PostVariant v) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("platform", v.platform().id());
        n.put("text", v.text());
        ArrayNode media = n.putArray("media");
        for (MediaAsset m : v.media()) {
            ObjectNode mn = media.addObject();
            mn.put("kind", m.kind().name());
            mn.put("source", m.source().toString());
            mn.put("mimeType", m.mimeType());
            mn.put("sizeBytes", m.sizeBytes());
            m.altText().ifPresent(a -> mn.put("altText", a));
        }
        return n;
    }

    private static PostVariant variant(JsonNode n) {
        List<MediaAsset> media = new ArrayList<>();
        for (JsonNode m : n.get("media")) {
            media.add(new MediaAsset(MediaAsset.Kind.valueOf(m.get("kind").asText()), URI.create(m.get("source").asText()),
                    m.get("mimeType").asText(), m.get("sizeBytes").asLong(), optText(m, "altText")));
        }
        return new PostVariant(new Platform(n.get("platform").asText()), n.get("text").asText(), media);
    }

    private static ObjectNode account(Account a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("platform", a.platform().id());
        n.put("handle", a.handle());
        return n;
    }

    private static Account account(JsonNode n) {
        return new Account(new Platform(n.get("platform").asText()), n.get("handle").asText());
    }

    private static Optional<String> optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds JSON it cannot read: " + e.getOriginalMessage(), e);
        }
    }
}
