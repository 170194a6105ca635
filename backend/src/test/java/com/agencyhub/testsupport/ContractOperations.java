package com.agencyhub.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The operations of the contract, for tests that must cover each of them (a new operation is covered at once). */
public final class ContractOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ContractOperations() {
    }

    /**
     * One operation: its method, path template, id, the first example of its request body (when it takes one: JSON, or
     * a string for another media type, such as text/csv) with its media type, and its required query parameters with
     * their example values. {@code bodySchema} is that of a JSON body.
     */
    public record Operation(String method, String path, String id, Optional<JsonNode> bodyExample,
                            List<QueryValue> requiredQuery, Optional<JsonNode> bodySchema, String bodyMediaType) {

        /** The example body as sent: JSON text, or the string itself for other media types. */
        public Optional<String> bodyText() {
            return bodyExample.map(body -> bodyMediaType.contains("json") ? body.toString() : body.asString());
        }

        public boolean writes() {
            return !method.equals("GET");
        }

        public boolean hasPathParameters() {
            return path.contains("{");
        }
    }

    public record QueryValue(String name, String value) {
    }

    public static List<Operation> all() {
        JsonNode spec = OpenApiContract.spec();
        List<Operation> operations = new ArrayList<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            List<QueryValue> query = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(spec, parameter);
                if (resolved.path("in").asString().equals("query") && resolved.path("required").asBoolean()) {
                    query.add(new QueryValue(resolved.path("name").asString(), example(spec, resolved)
                            .orElseThrow(() -> new IllegalStateException("the contract gives no example for query "
                                    + "parameter " + resolved.path("name").asString() + " of "
                                    + operation.path("operationId").asString()))));
                }
            }
            JsonNode schema = resolve(spec, operation.path("requestBody")).path("content").path("application/json")
                    .path("schema");
            String mediaType = resolve(spec, operation.path("requestBody")).path("content").propertyNames().stream()
                    .findFirst().orElse("application/json");
            operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(),
                    operation.path("operationId").asString(), bodyExample(spec, operation, mediaType), query,
                    schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(spec, schema)), mediaType));
        }));
        return operations;
    }

    private static Optional<JsonNode> bodyExample(JsonNode spec, JsonNode operation, String mediaType) {
        JsonNode json = resolve(spec, operation.path("requestBody")).path("content").path(mediaType);
        if (json.isMissingNode()) {
            return Optional.empty();
        }
        if (json.has("example")) {
            return Optional.of(json.get("example"));
        }
        for (JsonNode example : json.path("examples")) {
            return Optional.of(resolve(spec, example).path("value"));
        }
        return Optional.of(JsonNodeFactory.instance.objectNode()); // no example: an empty object, refused as invalid
    }

    private static Optional<String> example(JsonNode spec, JsonNode parameter) {
        if (parameter.has("example")) {
            return Optional.of(parameter.get("example").asString());
        }
        JsonNode schema = resolve(spec, parameter.path("schema"));
        if (schema.has("examples") && !schema.get("examples").isEmpty()) {
            return Optional.of(schema.get("examples").get(0).asString());
        }
        for (JsonNode example : parameter.path("examples")) {
            return Optional.of(resolve(spec, example).path("value").asString());
        }
        return Optional.empty();
    }

    /** The (first) example of an operation's request body, as JSON. */
    public static JsonNode requestExample(String operationId) {
        return all().stream().filter(operation -> operation.id().equals(operationId)).findFirst()
                .flatMap(Operation::bodyExample)
                .orElseThrow(() -> new IllegalArgumentException("no request example of " + operationId));
    }

    /** The value of a named example of an operation's response with this status (its JSON body). */
    public static JsonNode responseExample(String operationId, String status, String example) {
        JsonNode spec = OpenApiContract.spec();
        for (var path : spec.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (operation.getValue().path("operationId").asString().equals(operationId)) {
                    return resolve(spec, operation.getValue().path("responses").path(status)).path("content")
                            .path("application/json").path("examples").path(example).path("value");
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId + " in the contract");
    }

    /** A schema or other node with its {@code $ref} followed, as often as it takes. */
    public static JsonNode resolve(JsonNode node) {
        return resolve(OpenApiContract.spec(), node);
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        return node.has("$ref") ? resolve(spec, spec.at(node.get("$ref").asString().substring(1))) : node;
    }
}
