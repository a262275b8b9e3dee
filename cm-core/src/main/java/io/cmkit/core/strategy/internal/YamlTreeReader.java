package io.cmkit.core.strategy.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Walks Jackson's YAML token stream into a tree of {@link Node}s that keep their positions.
 *
 * <p>Problems of the document's shape are reported as they are met: duplicate keys (the first
 * value is kept), YAML tags, anchors, aliases and merge keys (all refused: a brand kit is plain
 * data), a second document. Syntax errors, nesting deeper than {@link BrandKitReader#MAX_DEPTH}
 * and an empty document end the reading: then no tree is returned, and the mapper does not run.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder()
                    // Our own depth check reports first, with a position; this is the backstop.
                    .maxNestingDepth(BrandKitReader.MAX_DEPTH + 1)
                    .maxDocumentLength(BrandKitReader.MAX_BYTES)
                    .maxStringLength(BrandKitReader.MAX_BYTES)
                    .maxNumberLength(100)
                    .build())
            .build();

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(BrandKitReader.MAX_BYTES + 1);
        options.setNestingDepthLimit(BrandKitReader.MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** Reading cannot go on: already reported. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final Problems problems;
    private YAMLParser parser;

    private YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or empty when it cannot be mapped (reported in {@code problems}). */
    static Optional<Node> read(String text, Problems problems) {
        return new YamlTreeReader(problems).read(text);
    }

    private Optional<Node> read(String text) {
        try (YAMLParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add("", Mark.START, "the document is empty; a brand kit starts with 'cmkit: 1'");
                return Optional.empty();
            }
            Node root = value(first, "", here(), 1);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                problems.add("", here(), "a brand kit is a single YAML document, but a second one starts here");
            }
            return Optional.of(root);
        } catch (Stop stop) {
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            problems.add("", at(e.getLocation()), "the document exceeds a safety limit: " + e.getOriginalMessage());
            return Optional.empty();
        } catch (JsonProcessingException e) {
            syntax(e);
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add("", Mark.START, "the document cannot be read as YAML: " + e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            problems.add("", Mark.START, "the document cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Node value(JsonToken token, String path, Mark mark, int depth) throws IOException, Stop {
        Mark own = here();
        String tag = parser.getTypeId();
        if (tag != null) {
            problems.note(path, own, "YAML tags (here '!" + tag.replace("tag:yaml.org,2002:", "!")
                    + "') are not supported; write the plain value, quoted if it must stay text");
        }
        switch (token) {
            case START_OBJECT -> {
                depth(path, own, depth);
                anchor(path, own);
                return mapping(path, mark, depth);
            }
            case START_ARRAY -> {
                depth(path, own, depth);
                anchor(path, own);
                return sequence(path, mark, depth);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                if (parser.isCurrentAlias()) {
                    problems.add(path, own, "aliases (here '*" + parser.getText()
                            + "') are not supported; write the value out in full");
                    return new Node.Broken(own, path);
                }
                return scalar(token, path, own);
            }
            default -> {
                problems.add(path, own, "unexpected YAML content (" + token + ")");
                return new Node.Broken(own, path);
            }
        }
    }

    private Node.Mapping mapping(String path, Mark mark, int depth) throws IOException, Stop {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Mark> seen = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Mark keyMark = here();
            String keyPath = Node.child(path, key);
            JsonToken valueToken = parser.nextToken();
            if (key.equals("<<")) {
                problems.add(keyPath, keyMark, "merge keys ('<<') are not supported; write the keys out in full");
                parser.skipChildren();
            } else if (seen.containsKey(key)) {
                problems.note(keyPath, keyMark, "duplicate key '" + key + "' (first at line "
                        + seen.get(key).line() + "); only the first is used");
                value(valueToken, keyPath, keyMark, depth + 1);
            } else {
                seen.put(key, keyMark);
                entries.add(new Node.Entry(key, keyMark, value(valueToken, keyPath, keyMark, depth + 1)));
            }
        }
        if (token != JsonToken.END_OBJECT) {
            problems.add(path, here(), "unexpected YAML content (" + token + ")");
            throw new Stop();
        }
        return new Node.Mapping(mark, path, List.copyOf(entries));
    }

    private Node.Sequence sequence(String path, Mark mark, int depth) throws IOException, Stop {
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                problems.add(path, here(), "unexpected end of the document");
                throw new Stop();
            }
            String itemPath = Node.item(path, items.size());
            items.add(value(token, itemPath, here(), depth + 1));
        }
        return new Node.Sequence(mark, path, List.copyOf(items));
    }

    private Node.Scalar scalar(JsonToken token, String path, Mark mark) throws IOException {
        String text = parser.getText();
        return switch (token) {
            case VALUE_NULL -> new Node.Scalar(mark, path, text == null ? "" : text, Node.Kind.NULL, null);
            case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(mark, path, text, Node.Kind.BOOLEAN, null);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node.Scalar(mark, path, text, Node.Kind.NUMBER, number(text));
            default -> new Node.Scalar(mark, path, text, Node.Kind.STRING, decimal(text));
        };
    }

    private Double number(String text) {
        try {
            return parser.getDoubleValue();
        } catch (IOException | RuntimeException e) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> null;
            };
        }
    }

    /** A quoted number ({@code "12"}) still reads as one; anything else is no number. */
    private static Double decimal(String text) {
        String t = text.strip();
        return DECIMAL.matcher(t).matches() ? Double.valueOf(t) : null;
    }

    private void depth(String path, Mark mark, int depth) throws Stop {
        if (depth > BrandKitReader.MAX_DEPTH) {
            problems.add(path, mark, "the document nests deeper than " + BrandKitReader.MAX_DEPTH
                    + " levels; a brand kit never needs more than 6");
            throw new Stop();
        }
    }

    private void anchor(String path, Mark mark) throws IOException {
        String anchor = parser.getObjectId();
        if (anchor != null) {
            problems.note(path, mark, "anchors (here '&" + anchor + "') are not supported; write each value out in full");
        }
    }

    private void syntax(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            org.yaml.snakeyaml.error.Mark mark = marked.getProblemMark();
            String message = "YAML syntax error: " + marked.getProblem().strip();
            if (marked.getContext() != null) {
                org.yaml.snakeyaml.error.Mark contextMark = marked.getContextMark();
                message += " (" + marked.getContext().strip()
                        + (contextMark != null ? " that starts at " + (contextMark.getLine() + 1) + ":" + (contextMark.getColumn() + 1) : "")
                        + ")";
            }
            if (marked.getProblem().contains("'@'") || marked.getProblem().contains("'`'")) {
                message += "; a value that starts with '@' or '`' must be quoted";
            }
            problems.add("", new Mark(mark.getLine() + 1, mark.getColumn() + 1), message);
        } else {
            problems.add("", at(e.getLocation()), "YAML syntax error: " + e.getOriginalMessage());
        }
    }

    private Mark here() {
        return at(parser.currentTokenLocation());
    }

    private static Mark at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Mark.NONE;
        }
        return new Mark(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }
}
