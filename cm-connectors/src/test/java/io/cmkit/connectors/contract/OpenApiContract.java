package io.cmkit.connectors.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract read from an OpenAPI 3.1 document: operations found by method and path template,
 * required parameters checked, request and response bodies validated against the operation's
 * schemas (JSON Schema 2020-12, {@code $ref}s resolved into the document's components).
 *
 * <p>One reading differs from the letter of the document: {@code oneOf} is read as
 * {@code anyOf}. Mastodon's document uses {@code oneOf} for alternatives that overlap (a status
 * with text and media matches both {@code TextStatus} and {@code MediaStatus}, which its own
 * prose allows), so the letter would refuse valid requests.
 */
public final class OpenApiContract implements Contract {

    private static final String BASE = "https://contracts.cmkit.test/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final List<String> DOCUMENT_KEYS = List.of("openapi", "info", "servers", "security", "paths",
            "components", "tags", "externalDocs", "webhooks", "jsonSchemaDialect");
    private static final Pattern INTERNAL_KEY = Pattern.compile("^/components/schemas/x-cmkit-[0-9]+/?");
    private static final Pattern TEMPLATE_VAR = Pattern.compile("\\{([^}/]+)}");
    private static volatile OpenApiContract mastodon;

    private final String name;
    private final String uri;
    private final List<Operation> operations;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig strict;
    private final SchemaValidatorsConfig loose;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String name, String resource, ObjectNode document) {
        this.name = name;
        this.uri = BASE + resource;
        ObjectNode componentSchemas = document.withObjectProperty("components").withObjectProperty("schemas");
        this.operations = index(document, componentSchemas);
        readOneOfAsAnyOf(document);
        String text = document.toString();
        // The document's own top-level keys are not schema keywords: declare them, so the
        // validator neither warns nor tries to read them.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(DOCUMENT_KEYS.stream().map(NonValidationKeyword::new).toList())
                // The stock e-mail format checks the domain against the list of real TLDs, which
                // refuses the reserved test domains (RFC 2606: .example, .test) stubs should use.
                .format(PatternFormat.of("email", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "an e-mail address"))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(uri, text))));
        this.strict = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).build();
        this.loose = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).typeLoose(true).build();
    }

    /** Mastodon's API, from the carried {@code contracts/mastodon/openapi.json}. Loaded once. */
    public static OpenApiContract mastodon() {
        OpenApiContract c = mastodon;
        if (c == null) {
            synchronized (OpenApiContract.class) {
                c = mastodon;
                if (c == null) {
                    c = fromClasspath("Mastodon", "contracts/mastodon/openapi.json");
                    mastodon = c;
                }
            }
        }
        return c;
    }

    /** Any OpenAPI 3.1 JSON document on the test class path. */
    public static OpenApiContract fromClasspath(String name, String resource) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract on the class path: " + resource);
            }
            JsonNode doc = Bodies.MAPPER.readTree(in);
            return new OpenApiContract(name, resource, (ObjectNode) doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> endpoint(String method, String path) {
        return find(method, path).map(Operation::label);
    }

    /** Every operation of the document, as {@code METHOD /template}. */
    public List<String> endpoints() {
        return operations.stream().map(Operation::label).toList();
    }

    @Override
    public List<Violation> checkRequest(ContractRequest request) {
        List<Violation> out = new ArrayList<>();
        Optional<Operation> found = find(request.method(), request.path());
        if (found.isEmpty()) {
            out.add(unknown(request.method(), request.path()));
            return out;
        }
        Operation op = found.get();
        checkParameters(op, request, out);
        checkRequestBody(op, request, out);
        return out;
    }

    @Override
    public List<Violation> checkResponse(String method, String path, int status, String contentType, String body) {
        List<Violation> out = new ArrayList<>();
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            out.add(unknown(method, path));
            return out;
        }
        Operation op = found.get();
        String part = "response " + status + " body";
        JsonNode response = op.node.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = op.node.path("responses").path((status / 100) + "XX");
        }
        if (response.isMissingNode()) {
            if (status >= 200 && status < 300) {
                List<String> documented = new ArrayList<>();
                op.node.path("responses").fieldNames().forEachRemaining(documented::add);
                out.add(new Violation(op.label(), "response " + status, "",
                        "status " + status + " is not a documented response (documented: " + documented + ")"));
            }
            return out;
        }
        String schemaKey = op.responseSchemas.get(String.valueOf(status));
        if (schemaKey == null) {
            schemaKey = op.responseSchemas.get((status / 100) + "XX");
        }
        if (schemaKey == null) {
            return out; // the contract gives no JSON body for this status
        }
        if (body == null || body.isBlank()) {
            out.add(new Violation(op.label(), part, "", "empty, but the contract gives a JSON body for " + status));
            return out;
        }
        if (contentType != null && !ContractRequest.mediaTypeOf(contentType).endsWith("json")) {
            out.add(new Violation(op.label(), part, "", "Content-Type is " + contentType + ", the contract says application/json"));
        }
        validate(op.label(), part, schemaKey, body, false, out);
        return out;
    }

    private void checkParameters(Operation op, ContractRequest request, List<Violation> out) {
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode p : op.parameters) {
            String in = p.path("in").asText();
            String pname = p.path("name").asText();
            boolean required = p.path("required").asBoolean(false);
            if (in.equals("query")) {
                queryParams.put(pname, p);
                boolean array = "array".equals(p.path("schema").path("type").asText());
                List<String> values = request.query().get(pname);
                if (values == null && array) {
                    values = request.query().get(pname + "[]");
                }
                if (values == null) {
                    if (required) {
                        out.add(new Violation(op.label(), "query", "/" + Bodies.token(pname), "required query parameter '" + pname + "' is missing"));
                    }
                    continue;
                }
                JsonNode schema = array ? p.path("schema").path("items") : p.path("schema");
                for (String v : values) {
                    checkSimpleValue(op, pname, schema, v, out);
                }
            } else if (in.equals("header") && required && request.header(pname).isEmpty()) {
                out.add(new Violation(op.label(), "headers", "/" + Bodies.token(pname), "required header '" + pname + "' is missing"));
            }
        }
        for (String q : request.query().keySet()) {
            String base = q.endsWith("[]") ? q.substring(0, q.length() - 2) : q;
            if (!queryParams.containsKey(q) && !queryParams.containsKey(base)) {
                out.add(new Violation(op.label(), "query", "/" + Bodies.token(q),
                        "query parameter '" + q + "' is not defined for this operation (defined: " + queryParams.keySet() + ")"));
            }
        }
    }

    private static void checkSimpleValue(Operation op, String pname, JsonNode schema, String value, List<Violation> out) {
        String type = schema.path("type").asText("");
        String where = "/" + Bodies.token(pname);
        switch (type) {
            case "integer" -> {
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    out.add(new Violation(op.label(), "query", where, "'" + value + "' is not an integer"));
                }
            }
            case "boolean" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    out.add(new Violation(op.label(), "query", where, "'" + value + "' is not a boolean (true or false)"));
                }
            }
            default -> {
                // Strings, and enums through $ref: the server ignores what it does not know.
            }
        }
    }

    private void checkRequestBody(Operation op, ContractRequest request, List<Violation> out) {
        JsonNode requestBody = op.node.path("requestBody");
        if (requestBody.isMissingNode()) {
            if (request.hasBody()) {
                out.add(new Violation(op.label(), "request body", "", "this operation takes no body, but the request has " + request.body().length + " bytes"));
            }
            return;
        }
        if (!request.hasBody()) {
            if (requestBody.path("required").asBoolean(false)) {
                out.add(new Violation(op.label(), "request body", "", "required, but the request has none"));
            }
            return;
        }
        Optional<String> mediaType = request.mediaType();
        if (mediaType.isEmpty()) {
            out.add(new Violation(op.label(), "request body", "", "has no Content-Type"));
            return;
        }
        String json = op.requestSchemas.get("application/json");
        String multipart = op.requestSchemas.get("multipart/form-data");
        String anySchema = json != null ? json : multipart != null ? multipart : op.requestSchemas.values().stream().findFirst().orElse(null);
        switch (mediaType.get()) {
            case "application/json" -> {
                if (json == null) {
                    out.add(new Violation(op.label(), "request body", "", "sent as JSON, the contract takes " + op.requestSchemas.keySet()));
                    return;
                }
                validate(op.label(), "request body", json, request.bodyText(), false, out);
            }
            case "application/x-www-form-urlencoded" -> {
                // Mastodon (Rails) reads form parameters the same way as JSON ones.
                if (anySchema != null) {
                    ObjectNode form = Bodies.form(ContractRequest.parseQuery(request.bodyText()));
                    validate(op.label(), "request body", anySchema, form, true, out);
                }
            }
            case "multipart/form-data" -> {
                Optional<ObjectNode> parts = Bodies.multipart(request.header("content-type").orElseThrow(), request.body());
                if (parts.isEmpty()) {
                    out.add(new Violation(op.label(), "request body", "", "multipart without a boundary"));
                } else if (anySchema != null) {
                    validate(op.label(), "request body", anySchema, parts.get(), true, out);
                }
            }
            default -> out.add(new Violation(op.label(), "request body", "",
                    "Content-Type " + mediaType.get() + " is not one the contract takes " + op.requestSchemas.keySet()));
        }
    }

    private void validate(String label, String part, String schemaKey, String text, boolean typeLoose, List<Violation> out) {
        JsonNode node;
        try {
            node = Bodies.json(text);
        } catch (JsonProcessingException e) {
            out.add(new Violation(label, part, "", "not JSON: " + e.getOriginalMessage()));
            return;
        }
        validate(label, part, schemaKey, node, typeLoose, out);
    }

    private void validate(String label, String part, String schemaKey, JsonNode node, boolean typeLoose, List<Violation> out) {
        JsonSchema schema = schemas.computeIfAbsent(schemaKey + (typeLoose ? "~loose" : ""), k -> factory.getSchema(
                SchemaLocation.of(uri + "#/components/schemas/" + schemaKey), typeLoose ? loose : strict));
        java.util.Set<Violation> found = new java.util.LinkedHashSet<>();
        for (ValidationMessage m : sorted(schema.validate(node))) {
            found.add(toViolation(label, part, m));
        }
        out.addAll(found);
    }

    static List<ValidationMessage> sorted(java.util.Set<ValidationMessage> messages) {
        List<ValidationMessage> list = new ArrayList<>(messages);
        list.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()).thenComparing(ValidationMessage::getMessage));
        return list;
    }

    static Violation toViolation(String label, String part, ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            pointer = pointer + "/" + Bodies.token(m.getProperty());
        }
        String message = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        // Where in the operation's schema: drop the internal key the schema is registered under.
        String where = INTERNAL_KEY.matcher(m.getEvaluationPath().toString()).replaceFirst("");
        return new Violation(label, part, pointer, message + " (schema: " + (where.isEmpty() ? "/" : where) + ")");
    }

    private Violation unknown(String method, String path) {
        List<String> sameMethod = operations.stream().filter(o -> o.method.equalsIgnoreCase(method)).map(o -> o.template).toList();
        List<String> samePath = operations.stream().filter(o -> o.pattern.matcher(path).matches()).map(o -> o.method).toList();
        String hint = samePath.isEmpty() ? "no operation has this path" : "this path takes " + samePath;
        return new Violation(method.toUpperCase(Locale.ROOT) + " " + path, "request", "",
                "not an operation of the " + name + " contract (" + hint + "; carried " + method.toUpperCase(Locale.ROOT)
                        + " operations: " + sameMethod + ")");
    }

    private Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(o -> o.method.equalsIgnoreCase(method) && o.pattern.matcher(path).matches())
                .max(Comparator.comparingInt(o -> o.literalLength));
    }

    @Override
    public List<String> examplePaths(String method) {
        return operations.stream()
                .filter(o -> method == null || o.method.equalsIgnoreCase(method))
                .map(o -> o.sample).distinct().toList();
    }

    private static List<Operation> index(ObjectNode document, ObjectNode componentSchemas) {
        List<Operation> ops = new ArrayList<>();
        int[] counter = {0};
        document.path("paths").fields().forEachRemaining(pathEntry -> {
            String template = pathEntry.getKey();
            JsonNode item = pathEntry.getValue();
            for (String method : METHODS) {
                JsonNode node = item.get(method);
                if (node == null) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                item.path("parameters").forEach(params::add);
                node.path("parameters").forEach(params::add);
                Map<String, String> requestSchemas = new LinkedHashMap<>();
                node.path("requestBody").path("content").fields().forEachRemaining(c -> {
                    if (c.getValue().has("schema")) {
                        String key = "x-cmkit-" + (counter[0]++);
                        componentSchemas.set(key, c.getValue().get("schema"));
                        requestSchemas.put(c.getKey().toLowerCase(Locale.ROOT), key);
                    }
                });
                Map<String, String> responseSchemas = new LinkedHashMap<>();
                node.path("responses").fields().forEachRemaining(r -> {
                    JsonNode content = r.getValue().path("content");
                    Iterator<Map.Entry<String, JsonNode>> it = content.fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> c = it.next();
                        if (c.getKey().contains("json") && c.getValue().has("schema")) {
                            String key = "x-cmkit-" + (counter[0]++);
                            componentSchemas.set(key, c.getValue().get("schema"));
                            responseSchemas.put(r.getKey(), key);
                            break;
                        }
                    }
                });
                ops.add(new Operation(method.toUpperCase(Locale.ROOT), template, node, params, requestSchemas, responseSchemas));
            }
        });
        return List.copyOf(ops);
    }

    private static void readOneOfAsAnyOf(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode oneOf = o.remove("oneOf");
            if (oneOf != null) {
                o.set("anyOf", oneOf);
            }
            o.forEach(OpenApiContract::readOneOfAsAnyOf);
        } else if (node instanceof ArrayNode a) {
            a.forEach(OpenApiContract::readOneOfAsAnyOf);
        }
    }

    private static final class Operation {
        final String method;
        final String template;
        final JsonNode node;
        final List<JsonNode> parameters;
        final Map<String, String> requestSchemas;
        final Map<String, String> responseSchemas;
        final Pattern pattern;
        final String sample;
        final int literalLength;

        Operation(String method, String template, JsonNode node, List<JsonNode> parameters,
                  Map<String, String> requestSchemas, Map<String, String> responseSchemas) {
            this.method = method;
            this.template = template;
            this.node = node;
            this.parameters = parameters;
            this.requestSchemas = requestSchemas;
            this.responseSchemas = responseSchemas;
            StringBuilder regex = new StringBuilder();
            Matcher m = TEMPLATE_VAR.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            this.pattern = Pattern.compile(regex.toString());
            this.sample = TEMPLATE_VAR.matcher(template).replaceAll("109348012345678901");
            this.literalLength = TEMPLATE_VAR.matcher(template).replaceAll("").length();
        }

        String label() {
            return method + " " + template;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
