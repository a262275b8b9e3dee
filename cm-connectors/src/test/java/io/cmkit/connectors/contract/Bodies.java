package io.cmkit.connectors.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads request and response bodies into JSON trees for schema checks. */
final class Bodies {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern PART_NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*?\\bname=\"([^\"]*)\"");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");

    private Bodies() {
    }

    /** The parsed JSON, or the parser's complaint. */
    static JsonNode json(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * A form body as Rails reads it: {@code media_ids[]=1&media_ids[]=2} is an array,
     * {@code source[privacy]=public} a nested object, every leaf value a string.
     */
    static ObjectNode form(Map<String, List<String>> fields) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, values) -> {
            for (String value : values) {
                put(root, name, value);
            }
        });
        return root;
    }

    private static void put(ObjectNode root, String name, String value) {
        int open = name.indexOf('[');
        String head = open < 0 ? name : name.substring(0, open);
        Matcher m = BRACKETS.matcher(open < 0 ? "" : name.substring(open));
        ObjectNode node = root;
        String key = head;
        while (m.find()) {
            String next = m.group(1);
            if (next.isEmpty()) {
                JsonNode existing = node.get(key);
                ArrayNode array = existing instanceof ArrayNode a ? a : node.putArray(key);
                array.add(value);
                return;
            }
            JsonNode existing = node.get(key);
            node = existing instanceof ObjectNode o ? o : node.putObject(key);
            key = next;
        }
        JsonNode existing = node.get(key);
        if (existing instanceof ArrayNode a) {
            a.add(value);
        } else if (existing != null) {
            node.putArray(key).add(existing).add(value);
        } else {
            node.put(key, value);
        }
    }

    /**
     * The part names of a multipart/form-data body, each mapped to its text (or to
     * {@code "(binary)"} when the part has a file name).
     */
    static Optional<ObjectNode> multipart(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            return Optional.empty();
        }
        String delimiter = "--" + b.group(1);
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String part : text.split(Pattern.quote(delimiter))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            Matcher n = PART_NAME.matcher(headers);
            if (!n.find()) {
                continue;
            }
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            boolean file = headers.toLowerCase(java.util.Locale.ROOT).contains("filename=");
            out.put(n.group(1), file ? "(binary)"
                    : new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return Optional.of(out);
    }

    /** Escapes one reference token of a JSON pointer. */
    static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
