package io.cmkit.moderation.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.cmkit.moderation.RuleFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document read into nodes that remember their line and column (the idea of cm-core's
 * brand kit reader, kept small): Jackson's YAML token stream, never its data binding.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxDocumentLength(5_000_000).build())
            .build();

    /** A node and where it starts. */
    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        int column();

        String path();
    }

    /** A scalar as written; {@code quoted} false for plain, where YAML may read numbers and booleans. */
    record Scalar(int line, int column, String path, String text, JsonToken token) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** A key's position and value. */
    record Entry(String key, int line, int column, Node value) {
    }

    /** A mapping, keys in document order. */
    record Mapping(int line, int column, String path, Map<String, Entry> entries) implements Node {
    }

    /** A list. */
    record Sequence(int line, int column, String path, List<Node> items) implements Node {
    }

    private final List<RuleFileException.Problem> problems;
    private YAMLParser parser;

    private YamlTree(List<RuleFileException.Problem> problems) {
        this.problems = problems;
    }

    /** The root, or empty after a syntax error (reported). */
    static Optional<Node> read(String text, List<RuleFileException.Problem> problems) {
        YamlTree t = new YamlTree(problems);
        try (YAMLParser p = FACTORY.createParser(text)) {
            t.parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new RuleFileException.Problem(1, 1, "", "the rule file is empty; it starts with 'rules:'"));
                return Optional.empty();
            }
            return Optional.of(t.value(first, "", t.line(), t.column()));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new RuleFileException.Problem(l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "YAML syntax error: " + e.getOriginalMessage().strip()));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleFileException.Problem(0, 0, "", "the rule file cannot be read as YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private Node value(JsonToken token, String path, int line, int column) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int kl = line();
                    int kc = column();
                    String keyPath = path.isEmpty() ? key : path + "." + key;
                    Node v = value(parser.nextToken(), keyPath, kl, kc);
                    if (entries.containsKey(key)) {
                        problems.add(new RuleFileException.Problem(kl, kc, keyPath, "duplicate key '" + key
                                + "' (first at line " + entries.get(key).line() + ")"));
                    } else {
                        entries.put(key, new Entry(key, kl, kc, v));
                    }
                }
                return new Mapping(line, column, path, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    items.add(value(t, path + "[" + items.size() + "]", line(), column()));
                }
                return new Sequence(line, column, path, items);
            }
            default -> {
                return new Scalar(line(), column(), path, token == JsonToken.VALUE_NULL ? "" : parser.getText(), token);
            }
        }
    }

    private int line() {
        JsonLocation l = parser.currentTokenLocation();
        return l == null ? 0 : l.getLineNr();
    }

    private int column() {
        JsonLocation l = parser.currentTokenLocation();
        return l == null ? 0 : l.getColumnNr();
    }
}
