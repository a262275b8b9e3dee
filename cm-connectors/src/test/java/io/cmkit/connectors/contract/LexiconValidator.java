package io.cmkit.connectors.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmkit.core.spi.TextCounting;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates JSON values against lexicon definitions, the way the AT Protocol's own validator
 * does: required fields, nullable fields, types, string lengths in UTF-8 bytes and in graphemes,
 * closed enums, string formats, unions by {@code $type} (closed or open), blobs, refs across
 * lexicons. Objects are open (unknown fields pass), as in the protocol.
 */
final class LexiconValidator {

    private static final Pattern DID = Pattern.compile("^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$");
    private static final Pattern HANDLE = Pattern.compile(
            "^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$");
    private static final Pattern NSID = Pattern.compile(
            "^[a-zA-Z]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?)+(\\.[a-zA-Z][a-zA-Z0-9]{0,62})$");
    private static final Pattern AT_URI = Pattern.compile("^at://([^/?#\\s]+)(/[a-zA-Z0-9.-]+(/[A-Za-z0-9._:~-]+)?)?(#\\S*)?$");
    private static final Pattern CID = Pattern.compile("^[a-zA-Z0-9+=]{8,256}$");
    private static final Pattern DATETIME = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$");
    private static final Pattern URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$");
    private static final Pattern LANGUAGE = Pattern.compile("^(i|[a-z]{2,3})(-[a-zA-Z0-9]+)*$");
    private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");
    private static final Pattern RECORD_KEY = Pattern.compile("^[A-Za-z0-9._:~-]{1,512}$");

    private final Lexicons lexicons;
    private final String endpoint;
    private final String part;
    private final List<Violation> out;

    LexiconValidator(Lexicons lexicons, String endpoint, String part, List<Violation> out) {
        this.lexicons = lexicons;
        this.endpoint = endpoint;
        this.part = part;
        this.out = out;
    }

    /** Validates a value against a type node (an object, a ref, a string...) of lexicon {@code from}. */
    void validate(JsonNode value, JsonNode type, String from, String pointer) {
        String t = type.path("type").asText("");
        switch (t) {
            case "object", "params" -> object(value, type, from, pointer);
            case "record" -> validate(value, type.path("record"), from, pointer);
            case "ref" -> ref(value, type.path("ref").asText(), from, pointer);
            case "union" -> union(value, type, from, pointer);
            case "string" -> string(value, type, pointer);
            case "integer" -> integer(value, type, pointer);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    wrong(pointer, "boolean", value);
                } else if (type.has("const") && type.get("const").asBoolean() != value.asBoolean()) {
                    fail(pointer, "must be " + type.get("const"));
                }
            }
            case "null" -> {
                if (!value.isNull()) {
                    wrong(pointer, "null", value);
                }
            }
            case "array" -> array(value, type, from, pointer);
            case "blob" -> blob(value, type, pointer);
            case "bytes" -> bytes(value, type, pointer);
            case "cid-link" -> {
                if (!value.isObject() || !value.path("$link").isTextual()) {
                    fail(pointer, "expected a CID link {\"$link\": \"<cid>\"}, found " + describe(value));
                }
            }
            case "unknown" -> unknown(value, pointer);
            case "token" -> {
                if (!value.isTextual()) {
                    wrong(pointer, "string (a token)", value);
                }
            }
            default -> fail(pointer, "the lexicon has a type this checker does not know: '" + t + "'");
        }
    }

    private void object(JsonNode value, JsonNode type, String from, String pointer) {
        if (!value.isObject()) {
            wrong(pointer, "object", value);
            return;
        }
        List<String> nullable = strings(type.path("nullable"));
        for (String required : strings(type.path("required"))) {
            if (!value.has(required)) {
                fail(pointer + "/" + Bodies.token(required), "required field '" + required + "' is missing");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = type.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = value.get(f.getKey());
            if (v == null) {
                continue;
            }
            String p = pointer + "/" + Bodies.token(f.getKey());
            if (v.isNull()) {
                if (!nullable.contains(f.getKey())) {
                    fail(p, "is null, but the field is not nullable");
                }
                continue;
            }
            validate(v, f.getValue(), from, p);
        }
    }

    private void ref(JsonNode value, String ref, String from, String pointer) {
        var def = lexicons.resolve(ref, from);
        if (def.isEmpty()) {
            if (!lexicons.isAbsent(ref)) {
                fail(pointer, "the lexicon refers to " + ref + ", which is not carried");
            }
            return;
        }
        validate(value, def.get().node(), def.get().lexicon(), pointer);
    }

    private void union(JsonNode value, JsonNode type, String from, String pointer) {
        if (!value.isObject()) {
            wrong(pointer, "object with a $type (union)", value);
            return;
        }
        JsonNode typeField = value.get("$type");
        if (typeField == null || !typeField.isTextual()) {
            fail(pointer + "/$type", "a union member needs its $type");
            return;
        }
        String actual = Lexicons.normalise(typeField.asText(), from);
        List<String> refs = new ArrayList<>();
        for (JsonNode r : type.path("refs")) {
            String normal = Lexicons.normalise(r.asText(), from);
            refs.add(normal);
            if (normal.equals(actual)) {
                ref(value, normal, from, pointer);
                return;
            }
        }
        if (type.path("closed").asBoolean(false)) {
            fail(pointer + "/$type", "'" + typeField.asText() + "' is not one of the closed union's types " + refs);
            return;
        }
        // Open union: a type the contract knows is still checked; any other passes.
        if (lexicons.resolve(actual, from).isPresent()) {
            ref(value, actual, from, pointer);
        }
    }

    private void unknown(JsonNode value, String pointer) {
        if (!value.isObject()) {
            wrong(pointer, "object", value);
            return;
        }
        JsonNode typeField = value.get("$type");
        if (typeField != null && typeField.isTextual()) {
            var def = lexicons.resolve(typeField.asText(), typeField.asText());
            if (def.isPresent() && !def.get().node().path("type").asText().equals("query")
                    && !def.get().node().path("type").asText().equals("procedure")) {
                validate(value, def.get().node(), def.get().lexicon(), pointer);
            }
        }
    }

    private void string(JsonNode value, JsonNode type, String pointer) {
        if (!value.isTextual()) {
            wrong(pointer, "string", value);
            return;
        }
        String s = value.asText();
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (type.has("maxLength") && bytes > type.get("maxLength").asInt()) {
            fail(pointer, "is " + bytes + " UTF-8 bytes long, more than the maximum " + type.get("maxLength").asInt());
        }
        if (type.has("minLength") && bytes < type.get("minLength").asInt()) {
            fail(pointer, "is " + bytes + " UTF-8 bytes long, less than the minimum " + type.get("minLength").asInt());
        }
        if (type.has("maxGraphemes") || type.has("minGraphemes")) {
            int graphemes = TextCounting.graphemes().count(s);
            if (type.has("maxGraphemes") && graphemes > type.get("maxGraphemes").asInt()) {
                fail(pointer, "is " + graphemes + " graphemes long, more than the maximum " + type.get("maxGraphemes").asInt());
            }
            if (type.has("minGraphemes") && graphemes < type.get("minGraphemes").asInt()) {
                fail(pointer, "is " + graphemes + " graphemes long, less than the minimum " + type.get("minGraphemes").asInt());
            }
        }
        if (type.has("enum") && !strings(type.get("enum")).contains(s)) {
            fail(pointer, "'" + s + "' is not one of " + strings(type.get("enum")));
        }
        if (type.has("const") && !type.get("const").asText().equals(s)) {
            fail(pointer, "must be '" + type.get("const").asText() + "'");
        }
        if (type.has("format")) {
            format(s, type.get("format").asText(), pointer);
        }
    }

    void format(String s, String format, String pointer) {
        boolean ok = switch (format) {
            case "did" -> DID.matcher(s).matches() && s.length() <= 2048;
            case "handle" -> HANDLE.matcher(s).matches() && s.length() <= 253;
            case "at-identifier" -> DID.matcher(s).matches() || HANDLE.matcher(s).matches();
            case "nsid" -> NSID.matcher(s).matches() && s.length() <= 317;
            case "at-uri" -> {
                var m = AT_URI.matcher(s);
                yield m.matches() && (DID.matcher(m.group(1)).matches() || HANDLE.matcher(m.group(1)).matches());
            }
            case "cid" -> CID.matcher(s).matches();
            case "datetime" -> DATETIME.matcher(s).matches() && parses(s);
            case "uri" -> URI.matcher(s).matches() && s.length() <= 8192;
            case "language" -> LANGUAGE.matcher(s).matches();
            case "tid" -> TID.matcher(s).matches();
            case "record-key" -> RECORD_KEY.matcher(s).matches() && !s.equals(".") && !s.equals("..");
            default -> true;
        };
        if (!ok) {
            fail(pointer, "'" + abbreviate(s) + "' is not a valid " + format);
        }
    }

    private static boolean parses(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void integer(JsonNode value, JsonNode type, String pointer) {
        if (!value.isIntegralNumber()) {
            wrong(pointer, "integer", value);
            return;
        }
        long v = value.asLong();
        if (type.has("minimum") && v < type.get("minimum").asLong()) {
            fail(pointer, v + " is less than the minimum " + type.get("minimum").asLong());
        }
        if (type.has("maximum") && v > type.get("maximum").asLong()) {
            fail(pointer, v + " is more than the maximum " + type.get("maximum").asLong());
        }
        if (type.has("enum")) {
            boolean found = false;
            for (JsonNode e : type.get("enum")) {
                found |= e.asLong() == v;
            }
            if (!found) {
                fail(pointer, v + " is not one of " + type.get("enum"));
            }
        }
        if (type.has("const") && type.get("const").asLong() != v) {
            fail(pointer, "must be " + type.get("const"));
        }
    }

    private void array(JsonNode value, JsonNode type, String from, String pointer) {
        if (!value.isArray()) {
            wrong(pointer, "array", value);
            return;
        }
        if (type.has("maxLength") && value.size() > type.get("maxLength").asInt()) {
            fail(pointer, "has " + value.size() + " items, more than the maximum " + type.get("maxLength").asInt());
        }
        if (type.has("minLength") && value.size() < type.get("minLength").asInt()) {
            fail(pointer, "has " + value.size() + " items, less than the minimum " + type.get("minLength").asInt());
        }
        for (int i = 0; i < value.size(); i++) {
            validate(value.get(i), type.path("items"), from, pointer + "/" + i);
        }
    }

    private void blob(JsonNode value, JsonNode type, String pointer) {
        if (!value.isObject()) {
            wrong(pointer, "blob", value);
            return;
        }
        boolean typed = "blob".equals(value.path("$type").asText());
        boolean legacy = value.path("cid").isTextual() && value.path("mimeType").isTextual();
        if (!typed && !legacy) {
            fail(pointer, "expected a blob {\"$type\":\"blob\",\"ref\":{\"$link\":...},\"mimeType\":...,\"size\":...}, found " + describe(value));
            return;
        }
        if (typed) {
            if (!value.path("ref").path("$link").isTextual()) {
                fail(pointer + "/ref", "a blob needs ref.$link");
            }
            if (!value.path("mimeType").isTextual()) {
                fail(pointer + "/mimeType", "a blob needs its mimeType");
            }
            if (!value.path("size").isIntegralNumber()) {
                fail(pointer + "/size", "a blob needs its size (integer)");
            }
        }
        String mime = value.path("mimeType").asText();
        List<String> accept = strings(type.path("accept"));
        if (!accept.isEmpty() && accept.stream().noneMatch(a -> a.equals("*/*") || a.equals(mime)
                || (a.endsWith("/*") && mime.startsWith(a.substring(0, a.length() - 1))))) {
            fail(pointer + "/mimeType", "'" + mime + "' is not accepted here " + accept);
        }
        if (type.has("maxSize") && value.path("size").asLong() > type.get("maxSize").asLong()) {
            fail(pointer + "/size", value.path("size").asLong() + " bytes is more than the maximum " + type.get("maxSize").asLong());
        }
    }

    private void bytes(JsonNode value, JsonNode type, String pointer) {
        if (!value.isObject() || !value.path("$bytes").isTextual()) {
            fail(pointer, "expected bytes {\"$bytes\": \"<base64>\"}, found " + describe(value));
            return;
        }
        try {
            String b64 = value.get("$bytes").asText().replace("=", ""); // atproto leaves the padding out
            int n = Base64.getDecoder().decode(b64 + "=".repeat((4 - b64.length() % 4) % 4)).length;
            if (type.has("maxLength") && n > type.get("maxLength").asInt()) {
                fail(pointer, n + " bytes, more than the maximum " + type.get("maxLength").asInt());
            }
        } catch (IllegalArgumentException e) {
            fail(pointer, "$bytes is not base64");
        }
    }

    private void wrong(String pointer, String expected, JsonNode value) {
        fail(pointer, "expected " + expected + ", found " + describe(value));
    }

    private void fail(String pointer, String message) {
        out.add(new Violation(endpoint, part, pointer, message));
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase() + (value.isValueNode() ? " " + abbreviate(value.toString()) : "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
