package io.microplatform.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads an OpenAPI 3 document (as JSON) for {@link OpenApiContract}: its operations, the limits it states on each
 * request's values, and requests built from its examples with one value just past or at a limit.
 */
final class OpenApiLimits {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    /** A uuid the document need not give as an example: an id in a path or query is opaque. */
    private static final String SOME_UUID = "0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01";
    /** Characters one of which a pattern is likely to refuse, tried in this order to make a value it refuses. */
    private static final List<String> STRANGERS = List.of("-", " ", "!", "\u00e9", "\u0001", "/");
    private static final int MAX_DEPTH = 8;

    private OpenApiLimits() {
    }

    record Operation(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One value of a request: a parameter (in path, query or header) or a body property, at a bean path. */
    private record Target(Operation operation, String in, String name, List<Object> bodyPath) {

        boolean inBody() {
            return in.equals("body");
        }

        /** As the service names it in an "Invalid request" problem: items[0].quantity, or the parameter's name. */
        String field() {
            if (!inBody()) {
                return name;
            }
            StringBuilder field = new StringBuilder();
            for (Object segment : bodyPath) {
                field.append(segment instanceof Integer index ? "[" + index + "]"
                        : (field.isEmpty() ? "" : ".") + segment);
            }
            return field.toString();
        }
    }

    /** A request with one value changed; inconsistent when that value breaks another limit the document states. */
    record Attempt(String description, Request request, String inconsistency) {

        void assumeConsistent() {
            Assumptions.assumeTrue(inconsistency == null, () -> inconsistency);
        }
    }

    record Limit(Operation operation, String field, boolean inBody, String keyword, JsonNode bound, Attempt past,
            Attempt at) {

        @Override
        public String toString() {
            return operation + " " + (inBody ? "body " : "parameter ") + field + " " + keyword + " " + bound;
        }
    }

    /** A request as the document's examples make it, changed one value at a time. */
    static final class Request {

        private final Operation operation;
        private final Map<String, String> path = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private JsonNode body;

        private Request(Operation operation) {
            this.operation = operation;
        }

        private Request copy() {
            Request copy = new Request(operation);
            copy.path.putAll(path);
            copy.query.putAll(query);
            copy.headers.putAll(headers);
            copy.body = body == null ? null : body.deepCopy();
            return copy;
        }

        private Request with(Target target, JsonNode value) {
            Request changed = copy();
            switch (target.in()) {
                case "path" -> changed.path.put(target.name(), value.asText());
                case "query" -> changed.query.put(target.name(), value.asText());
                case "header" -> changed.headers.put(target.name(), value.asText());
                default -> changed.body = set(changed.body, target.bodyPath(), 0, value);
            }
            return changed;
        }

        MockHttpServletRequestBuilder build() throws Exception {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(operation.path());
            Map<String, String> variables = new LinkedHashMap<>(path);
            query.forEach((name, value) -> {
                uri.queryParam(name, "{query-" + variables.size() + "}");
                variables.put("query-" + variables.size(), value);
            });
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                    HttpMethod.valueOf(operation.method().toUpperCase()), uri.encode().buildAndExpand(variables).toUri())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            headers.forEach(request::header);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
            }
            return request;
        }

        private static JsonNode set(JsonNode node, List<Object> path, int depth, JsonNode value) {
            if (depth == path.size()) {
                return value;
            }
            Object segment = path.get(depth);
            if (segment instanceof Integer index) {
                ((ArrayNode) node).set(index, set(node.get(index), path, depth + 1, value));
            }
            else {
                ((ObjectNode) node).set((String) segment, set(node.get((String) segment), path, depth + 1, value));
            }
            return node;
        }
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> METHODS.stream()
                .filter(method -> path.getValue().has(method))
                .forEach(method -> operations.add(new Operation(method, path.getKey(), path.getValue().get(method)))));
        return operations;
    }

    /** The operation's required parameters and its body from the document's examples. */
    static Request exampleRequest(JsonNode document, Operation operation) {
        Request request = new Request(operation);
        for (JsonNode parameter : operation.node().path("parameters")) {
            if (parameter.path("required").asBoolean() || parameter.path("in").asText().equals("path")) {
                JsonNode example = example(document, parameter, parameter.path("schema"));
                request = request.with(parameterTarget(operation, parameter), require(example, operation, parameter
                        .path("name").asText()));
            }
        }
        JsonNode body = bodySchema(operation);
        if (!body.isMissingNode()) {
            request.body = require(example(document, null, body), operation, "body");
        }
        return request;
    }

    static List<Limit> limits(JsonNode document) {
        List<Limit> limits = new ArrayList<>();
        for (Operation operation : operations(document)) {
            Request example = null;
            for (JsonNode parameter : operation.node().path("parameters")) {
                Target target = parameterTarget(operation, parameter);
                JsonNode schema = resolve(document, parameter.path("schema"));
                if (!hasLimits(schema)) {
                    continue;
                }
                example = example == null ? exampleRequest(document, operation) : example;
                JsonNode value = require(example(document, parameter, schema), operation, target.name());
                limits.addAll(limitsOf(target, schema, value, example));
            }
            JsonNode body = resolve(document, bodySchema(operation));
            if (!body.isMissingNode()) {
                example = example == null ? exampleRequest(document, operation) : example;
                walk(document, operation, body, new ArrayList<>(), example.body, example, limits, 0);
            }
        }
        return limits;
    }

    private static void walk(JsonNode document, Operation operation, JsonNode object, List<Object> path,
            JsonNode value, Request example, List<Limit> limits, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        object.path("properties").fields().forEachRemaining(property -> {
            List<Object> propertyPath = new ArrayList<>(path);
            propertyPath.add(property.getKey());
            JsonNode propertyValue = value.path(property.getKey());
            if (propertyValue.isMissingNode()) {
                return;
            }
            Target target = new Target(operation, "body", property.getKey(), propertyPath);
            JsonNode schema = resolve(document, property.getValue());
            limits.addAll(limitsOf(target, schema, propertyValue, example));
            if (schema.has("properties")) {
                walk(document, operation, schema, propertyPath, propertyValue, example, limits, depth + 1);
            }
            if (schema.has("items") && !propertyValue.isEmpty()) {
                JsonNode items = resolve(document, schema.get("items"));
                List<Object> itemPath = new ArrayList<>(propertyPath);
                itemPath.add(0);
                limits.addAll(limitsOf(new Target(operation, "body", property.getKey(), itemPath), items,
                        propertyValue.get(0), example));
                walk(document, operation, items, itemPath, propertyValue.get(0), example, limits, depth + 1);
            }
        });
    }

    private static List<Limit> limitsOf(Target target, JsonNode schema, JsonNode value, Request example) {
        List<Limit> limits = new ArrayList<>();
        boolean numeric = value.isNumber() || schema.path("type").asText().matches("integer|number");
        if (!numeric && (value.isTextual() || !target.inBody())) {
            String text = value.asText();
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                limits.add(limit(target, schema, "maxLength", example, fit(text, max + 1), fit(text, max)));
            }
            if (schema.path("minLength").asInt() > 0) {
                int min = schema.get("minLength").asInt();
                limits.add(limit(target, schema, "minLength", example, fit(text, min - 1), fit(text, min)));
            }
            if (schema.has("pattern")) {
                limits.add(limit(target, schema, "pattern", example, refusedBy(schema, text), text));
            }
            if (schema.has("enum")) {
                limits.add(limit(target, schema, "enum", example, "NOT-" + text, text));
            }
        }
        if (numeric) {
            if (schema.has("maximum")) {
                BigDecimal max = schema.get("maximum").decimalValue();
                boolean exclusive = schema.path("exclusiveMaximum").asBoolean();
                limits.add(limit(target, schema, "maximum", example, exclusive ? max : max.add(BigDecimal.ONE),
                        exclusive ? max.subtract(BigDecimal.ONE) : max));
            }
            if (schema.has("minimum")) {
                BigDecimal min = schema.get("minimum").decimalValue();
                boolean exclusive = schema.path("exclusiveMinimum").asBoolean();
                limits.add(limit(target, schema, "minimum", example, exclusive ? min : min.subtract(BigDecimal.ONE),
                        exclusive ? min.add(BigDecimal.ONE) : min));
            }
        }
        if (value.isArray() && !value.isEmpty()) {
            if (schema.has("maxItems")) {
                int max = schema.get("maxItems").asInt();
                limits.add(limit(target, schema, "maxItems", example, copies(value.get(0), max + 1),
                        copies(value.get(0), max)));
            }
            if (schema.path("minItems").asInt() > 0) {
                int min = schema.get("minItems").asInt();
                limits.add(limit(target, schema, "minItems", example, copies(value.get(0), min - 1),
                        copies(value.get(0), min)));
            }
        }
        return limits;
    }

    private static Limit limit(Target target, JsonNode schema, String keyword, Request example, Object past,
            Object at) {
        JsonNode pastValue = node(past);
        JsonNode atValue = node(at);
        return new Limit(target.operation(), target.field(), target.inBody(), keyword, schema.get(keyword),
                new Attempt(describe(pastValue), example.with(target, pastValue), null),
                new Attempt(describe(atValue), example.with(target, atValue), inconsistency(schema, atValue)));
    }

    /** Why a value at one limit breaks another the same schema states, or null: a document that contradicts itself. */
    private static String inconsistency(JsonNode schema, JsonNode value) {
        List<String> broken = new ArrayList<>();
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()
                    || text.length() < schema.path("minLength").asInt()) {
                broken.add("its length");
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                broken.add("pattern " + schema.get("pattern").asText());
            }
        }
        if (value.isArray() && (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()
                || value.size() < schema.path("minItems").asInt())) {
            broken.add("its number of items");
        }
        return broken.isEmpty() ? null
                : "no value at this limit keeps the schema's other limits (" + String.join(", ", broken)
                        + "): the limit is implied by them";
    }

    /** A value of an allowed length that the pattern refuses, made from the example by one strange character. */
    private static String refusedBy(JsonNode schema, String example) {
        Pattern pattern = Pattern.compile(schema.get("pattern").asText());
        int min = Math.max(1, schema.path("minLength").asInt());
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        Stream<String> candidates = STRANGERS.stream().flatMap(stranger -> Stream.of(
                stranger + example.substring(Math.min(1, example.length())),
                example.length() < max ? example + stranger : example.substring(0, example.length() - 1) + stranger));
        return Stream.concat(candidates, Stream.of(example.toLowerCase(), example.toUpperCase()))
                .filter(candidate -> candidate.length() >= min && candidate.length() <= max)
                .filter(candidate -> !pattern.matcher(candidate).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError("pattern " + pattern + " refuses no value made from example '"
                        + example + "'; give an example that shows what the pattern is for"));
    }

    /** The example's characters repeated or cut to {@code length}, so that its character set stays the same. */
    private static String fit(String example, int length) {
        if (example.isEmpty()) {
            return "x".repeat(length);
        }
        return example.repeat(length / example.length() + 1).substring(0, length);
    }

    private static ArrayNode copies(JsonNode element, int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(element.deepCopy());
        }
        return array;
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof BigDecimal number) {
            return number.scale() <= 0 ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number);
        }
        return NODES.textNode((String) value);
    }

    private static String describe(JsonNode value) {
        if (value.isArray()) {
            return value.size() + " items";
        }
        if (value.isTextual()) {
            String text = value.asText();
            String shown = text.length() > 24 ? text.substring(0, 12) + "..." : text;
            return text.length() + " characters '" + shown.chars().mapToObj(c -> c < 0x20 || c == 0x7f
                    ? String.format("\\u%04x", c) : Character.toString(c)).collect(Collectors.joining()) + "'";
        }
        return value.toString();
    }

    /** The document's example for a value: its own, or one built from its schema's properties and items. */
    private static JsonNode example(JsonNode document, JsonNode parameter, JsonNode schema) {
        if (parameter != null && parameter.has("example")) {
            return parameter.get("example");
        }
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("properties")) {
            ObjectNode object = NODES.objectNode();
            List<String> required = new ArrayList<>();
            resolved.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = resolved.get("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode value = example(document, null, property.getValue());
                if (value != null) {
                    object.set(property.getKey(), value);
                }
                else if (required.contains(property.getKey())) {
                    throw new AssertionError("the document gives no example for required property "
                            + property.getKey() + " (@Schema(example = ...)): " + resolved);
                }
            }
            return object;
        }
        if (resolved.has("items")) {
            JsonNode item = example(document, null, resolved.get("items"));
            return item == null ? null : copies(item, Math.max(1, resolved.path("minItems").asInt()));
        }
        if (resolved.path("format").asText().equals("uuid")) {
            return NODES.textNode(SOME_UUID);
        }
        return null;
    }

    private static JsonNode require(JsonNode example, Operation operation, String name) {
        if (example == null) {
            throw new AssertionError(operation + ": the document gives no example for " + name
                    + " (@Schema(example = ...) or @Parameter(example = ...))");
        }
        return example;
    }

    private static boolean hasLimits(JsonNode schema) {
        return Stream.of("maxLength", "pattern", "enum", "maximum", "minimum", "maxItems").anyMatch(schema::has)
                || schema.path("minLength").asInt() > 0 || schema.path("minItems").asInt() > 0;
    }

    private static Target parameterTarget(Operation operation, JsonNode parameter) {
        return new Target(operation, parameter.path("in").asText(), parameter.path("name").asText(), List.of());
    }

    private static JsonNode bodySchema(Operation operation) {
        return operation.node().path("requestBody").path("content").path(MediaType.APPLICATION_JSON_VALUE)
                .path("schema");
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/") ? resolve(document, document.at(ref.substring(1))) : schema;
    }
}
