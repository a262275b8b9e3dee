package io.cmkit.connectors.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contract read from AT Protocol lexicons: XRPC endpoints ({@code /xrpc/<nsid>}, queries by
 * GET and procedures by POST), their parameters, input and output, and the records and objects
 * they carry. Records sent through {@code createRecord}/{@code putRecord} are checked against
 * their collection's lexicon, as the PDS does.
 *
 * <p>The checks follow the lexicon rules: required and nullable fields, types, string
 * {@code maxLength} in UTF-8 bytes and {@code maxGraphemes} in graphemes, closed enums, formats
 * (at-uri, did, handle, cid, datetime, nsid, uri, language, tid, record-key), unions by
 * {@code $type} (an unknown type fails only where the union is closed), blobs.
 */
public final class LexiconContract implements Contract {

    private static volatile LexiconContract bluesky;

    private final String name;
    private final Lexicons lexicons;

    private LexiconContract(String name, String folder) {
        this.name = name;
        this.lexicons = new Lexicons(folder);
    }

    /** Bluesky's lexicons, from the carried {@code contracts/bluesky}. Loaded once. */
    public static LexiconContract bluesky() {
        LexiconContract c = bluesky;
        if (c == null) {
            synchronized (LexiconContract.class) {
                c = bluesky;
                if (c == null) {
                    c = new LexiconContract("Bluesky", "contracts/bluesky");
                    bluesky = c;
                }
            }
        }
        return c;
    }

    /** Lexicons under a class-path folder that lists them in its {@code index.txt}. */
    public static LexiconContract fromClasspath(String name, String folder) {
        return new LexiconContract(name, folder);
    }

    @Override
    public String name() {
        return name;
    }

    /** The lexicon ids carried. */
    public List<String> lexiconIds() {
        return List.copyOf(lexicons.ids());
    }

    @Override
    public Optional<String> endpoint(String method, String path) {
        return xrpc(path).flatMap(nsid -> lexicons.main(nsid)
                .filter(def -> method.equalsIgnoreCase(httpMethod(def.node())))
                .map(def -> label(nsid)));
    }

    @Override
    public List<Violation> checkRequest(ContractRequest request) {
        List<Violation> out = new ArrayList<>();
        Optional<Lexicons.Def> found = method(request.method(), request.path(), out);
        if (found.isEmpty()) {
            return out;
        }
        String nsid = found.get().lexicon();
        JsonNode def = found.get().node();
        String label = label(nsid);
        checkParameters(label, nsid, def.path("parameters"), request, out);
        JsonNode input = def.path("input");
        if (input.isMissingNode()) {
            if (request.hasBody()) {
                out.add(new Violation(label, "request body", "", "this " + def.path("type").asText()
                        + " takes no input, but the request has a " + request.body().length + "-byte body"));
            }
            return out;
        }
        String encoding = input.path("encoding").asText();
        if (!request.hasBody()) {
            out.add(new Violation(label, "request body", "", "the input (" + encoding + ") is missing"));
            return out;
        }
        Optional<String> mediaType = request.mediaType();
        if (mediaType.isEmpty()) {
            out.add(new Violation(label, "request body", "", "has no Content-Type (the lexicon says " + encoding + ")"));
            return out;
        }
        if (!encoding.equals("*/*") && !encoding.equals(mediaType.get())) {
            out.add(new Violation(label, "request body", "", "Content-Type is " + mediaType.get() + ", the lexicon says " + encoding));
            return out;
        }
        if (encoding.equals("application/json") && input.has("schema")) {
            JsonNode body = parse(label, "request body", request.bodyText(), out);
            if (body != null) {
                new LexiconValidator(lexicons, label, "request body", out).validate(body, input.get("schema"), nsid, "");
                checkRecordInput(label, body, out);
            }
        }
        return out;
    }

    @Override
    public List<Violation> checkResponse(String method, String path, int status, String contentType, String body) {
        List<Violation> out = new ArrayList<>();
        Optional<Lexicons.Def> found = method(method, path, out);
        if (found.isEmpty()) {
            return out;
        }
        String nsid = found.get().lexicon();
        String label = label(nsid);
        String part = "response " + status + " body";
        if (status >= 400) {
            if (body != null && !body.isBlank()) {
                JsonNode error = parse(label, part, body, out);
                if (error != null && (!error.isObject() || !error.path("error").isTextual())) {
                    out.add(new Violation(label, part, "/error", "an XRPC error body is {\"error\": \"<Name>\", \"message\": \"...\"}"));
                } else if (error != null && error.has("message") && !error.get("message").isTextual()) {
                    out.add(new Violation(label, part, "/message", "the error message must be a string"));
                }
            }
            return out;
        }
        if (status != 200) {
            out.add(new Violation(label, "response " + status, "", "XRPC answers 200 on success, not " + status));
            return out;
        }
        JsonNode output = found.get().node().path("output");
        if (!output.has("schema") || !"application/json".equals(output.path("encoding").asText())) {
            return out;
        }
        if (body == null || body.isBlank()) {
            out.add(new Violation(label, part, "", "empty, but the lexicon gives a JSON output"));
            return out;
        }
        if (contentType != null && !ContractRequest.mediaTypeOf(contentType).equals("application/json")) {
            out.add(new Violation(label, part, "", "Content-Type is " + contentType + ", the lexicon says application/json"));
        }
        JsonNode node = parse(label, part, body, out);
        if (node != null) {
            new LexiconValidator(lexicons, label, part, out).validate(node, output.get("schema"), nsid, "");
        }
        return out;
    }

    /**
     * Checks a record against its collection's lexicon, e.g.
     * {@code checkRecord("app.bsky.feed.post", "{\"text\":\"...\",\"createdAt\":\"...\"}")}.
     */
    public List<Violation> checkRecord(String collection, String json) {
        List<Violation> out = new ArrayList<>();
        JsonNode node = parse(collection, "record", json, out);
        Optional<Lexicons.Def> def = lexicons.main(collection).filter(d -> d.node().path("type").asText().equals("record"));
        if (def.isEmpty()) {
            out.add(new Violation(collection, "record", "", "not a record lexicon carried by the " + name + " contract"));
        } else if (node != null) {
            new LexiconValidator(lexicons, collection, "record", out).validate(node, def.get().node(), collection, "");
        }
        return out;
    }

    /**
     * Checks a value against any definition, e.g. {@code checkValue("app.bsky.feed.defs#postView", json)}
     * for a stub's building block.
     */
    public List<Violation> checkValue(String ref, String json) {
        List<Violation> out = new ArrayList<>();
        JsonNode node = parse(ref, "value", json, out);
        Optional<Lexicons.Def> def = lexicons.resolve(ref, ref);
        if (def.isEmpty()) {
            out.add(new Violation(ref, "value", "", "no such definition in the " + name + " contract"));
        } else if (node != null) {
            new LexiconValidator(lexicons, ref, "value", out).validate(node, def.get().node(), def.get().lexicon(), "");
        }
        return out;
    }

    private void checkRecordInput(String label, JsonNode body, List<Violation> out) {
        JsonNode collection = body.get("collection");
        JsonNode record = body.get("record");
        if (collection == null || !collection.isTextual() || record == null || !record.isObject()) {
            return;
        }
        Optional<Lexicons.Def> def = lexicons.main(collection.asText()).filter(d -> d.node().path("type").asText().equals("record"));
        if (def.isEmpty()) {
            return; // a collection the contract does not carry: the PDS checks it
        }
        JsonNode type = record.get("$type");
        if (type != null && !type.asText().equals(collection.asText())) {
            out.add(new Violation(label, "request body", "/record/$type", "'" + type.asText() + "' is not the collection '" + collection.asText() + "'"));
        }
        if (type == null) {
            // Without $type the generic "unknown" check did not look inside: check it here.
            new LexiconValidator(lexicons, label, "request body", out).validate(record, def.get().node(), collection.asText(), "/record");
        }
    }

    private void checkParameters(String label, String nsid, JsonNode params, ContractRequest request, List<Violation> out) {
        LexiconValidator v = new LexiconValidator(lexicons, label, "query", out);
        for (String required : LexiconValidator.strings(params.path("required"))) {
            if (!request.query().containsKey(required)) {
                out.add(new Violation(label, "query", "/" + Bodies.token(required), "required parameter '" + required + "' is missing"));
            }
        }
        JsonNode properties = params.path("properties");
        for (Map.Entry<String, List<String>> q : request.query().entrySet()) {
            JsonNode type = properties.get(q.getKey());
            String pointer = "/" + Bodies.token(q.getKey());
            if (type == null) {
                List<String> defined = new ArrayList<>();
                properties.fieldNames().forEachRemaining(defined::add);
                out.add(new Violation(label, "query", pointer, "parameter '" + q.getKey() + "' is not defined (defined: " + defined + ")"));
                continue;
            }
            boolean array = type.path("type").asText().equals("array");
            if (!array && q.getValue().size() > 1) {
                out.add(new Violation(label, "query", pointer, "given " + q.getValue().size() + " times, but it is not an array"));
            }
            if (array && type.has("maxLength") && q.getValue().size() > type.get("maxLength").asInt()) {
                out.add(new Violation(label, "query", pointer, "given " + q.getValue().size() + " times, more than the maximum " + type.get("maxLength").asInt()));
            }
            JsonNode itemType = array ? type.path("items") : type;
            for (int i = 0; i < q.getValue().size(); i++) {
                String raw = q.getValue().get(i);
                String p = array ? pointer + "/" + i : pointer;
                JsonNode value = switch (itemType.path("type").asText()) {
                    case "integer" -> {
                        try {
                            yield LongNode.valueOf(Long.parseLong(raw));
                        } catch (NumberFormatException e) {
                            out.add(new Violation(label, "query", p, "'" + raw + "' is not an integer"));
                            yield null;
                        }
                    }
                    case "boolean" -> {
                        if (!raw.equals("true") && !raw.equals("false")) {
                            out.add(new Violation(label, "query", p, "'" + raw + "' is not a boolean (true or false)"));
                            yield null;
                        }
                        yield BooleanNode.valueOf(raw.equals("true"));
                    }
                    default -> TextNode.valueOf(raw);
                };
                if (value != null) {
                    v.validate(value, itemType, nsid, p);
                }
            }
        }
    }

    private Optional<Lexicons.Def> method(String method, String path, List<Violation> out) {
        Optional<String> nsid = xrpc(path);
        String raw = method.toUpperCase() + " " + path;
        if (nsid.isEmpty()) {
            out.add(new Violation(raw, "request", "", "not an XRPC path (/xrpc/<nsid>)"));
            return Optional.empty();
        }
        Optional<Lexicons.Def> def = lexicons.main(nsid.get())
                .filter(d -> d.node().path("type").asText().matches("query|procedure"));
        if (def.isEmpty()) {
            out.add(new Violation(raw, "request", "", "'" + nsid.get() + "' is not a query or procedure carried by the "
                    + name + " contract (carried: " + endpoints() + ")"));
            return Optional.empty();
        }
        String expected = httpMethod(def.get().node());
        if (!expected.equalsIgnoreCase(method)) {
            out.add(new Violation(label(nsid.get()), "request", "", "a " + def.get().node().path("type").asText()
                    + " is called with " + expected + ", not " + method.toUpperCase()));
            return Optional.empty();
        }
        return def;
    }

    @Override
    public List<String> examplePaths(String method) {
        List<String> out = new ArrayList<>();
        for (String id : endpoints()) {
            lexicons.main(id).filter(d -> method == null || httpMethod(d.node()).equalsIgnoreCase(method))
                    .ifPresent(d -> out.add("/xrpc/" + id));
        }
        return out;
    }

    /** The carried queries and procedures. */
    public List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (String id : lexicons.ids()) {
            lexicons.main(id).filter(d -> d.node().path("type").asText().matches("query|procedure")).ifPresent(d -> out.add(id));
        }
        return out;
    }

    private static String httpMethod(JsonNode def) {
        return switch (def.path("type").asText()) {
            case "query" -> "GET";
            case "procedure" -> "POST";
            default -> "(none)";
        };
    }

    private static Optional<String> xrpc(String path) {
        if (!path.startsWith("/xrpc/") || path.length() == "/xrpc/".length()) {
            return Optional.empty();
        }
        String nsid = path.substring("/xrpc/".length());
        return nsid.contains("/") ? Optional.empty() : Optional.of(nsid);
    }

    private static String label(String nsid) {
        return nsid;
    }

    private static JsonNode parse(String label, String part, String text, List<Violation> out) {
        try {
            return Bodies.json(text);
        } catch (JsonProcessingException e) {
            out.add(new Violation(label, part, "", "not JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

}
