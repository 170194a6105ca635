package com.agencyhub.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Bad request bodies generated from an operation's request schema in the contract: for every property of the
 * contract's example (nested ones too), values of the wrong JSON type, {@code null}, null array items, empty and
 * blank strings, NUL and lone surrogates, overlong strings, numbers out of range or not finite, impossible dates,
 * unknown enum values; and for the whole body, unknown properties, broken and empty JSON and the wrong media type.
 * Each case must be refused with a 4xx problem that names the field, and change nothing.
 */
public final class HostileBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HostileBodies() {
    }

    /** One bad request: what it tries, the field the answer must name (null for the whole body), the body. */
    public record Case(String what, String field, String contentType, String body) {
    }

    public static List<Case> of(ContractOperations.Operation operation) {
        List<Case> cases = new ArrayList<>();
        JsonNode schema = operation.bodySchema().orElse(null);
        if (schema == null) {
            return cases;
        }
        ObjectNode example = operation.bodyExample().filter(JsonNode::isObject).map(node -> (ObjectNode) node.deepCopy())
                .orElseGet(JSON::objectNode);
        String valid = example.toString();
        cases.add(new Case("broken JSON", null, "application/json", valid.substring(0, valid.length() - 1)));
        cases.add(new Case("empty body", null, "application/json", ""));
        cases.add(new Case("an array for the object", null, "application/json", "[" + valid + "]"));
        cases.add(new Case("text/plain", null, "text/plain", valid));
        ObjectNode unknown = example.deepCopy();
        unknown.put("unexpectedProperty", 1);
        cases.add(new Case("an unknown property", "unexpectedProperty", "application/json", unknown.toString()));
        properties(example, example, schema, "", cases);
        return cases;
    }

    /** Mutations of each property of {@code object} (a node inside {@code root}), described by {@code schema}. */
    private static void properties(ObjectNode root, ObjectNode object, JsonNode schema, String prefix, List<Case> cases) {
        schema.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            String field = prefix + name;
            JsonNode propertySchema = ContractOperations.resolve(property.getValue());
            for (JsonNode bad : badValues(propertySchema)) {
                JsonNode original = object.get(name);
                object.set(name, bad);
                cases.add(new Case(describe(bad), field, "application/json", escaped(root)));
                if (original == null) {
                    object.remove(name);
                } else {
                    object.set(name, original);
                }
            }
            JsonNode present = object.get(name);
            if (present instanceof ObjectNode nested) {
                properties(root, nested, propertySchema, field + ".", cases);
            } else if (present instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode item) {
                properties(root, item, ContractOperations.resolve(propertySchema.path("items")), field + "[0].", cases);
            }
        });
    }

    private static List<JsonNode> badValues(JsonNode schema) {
        Set<String> types = types(schema);
        List<JsonNode> bad = new ArrayList<>();
        if (!types.contains("null")) {
            bad.add(JSON.nullNode());
        }
        if (types.contains("string")) {
            bad.add(JSON.numberNode(12345));
            bad.add(JSON.booleanNode(true));
            bad.addAll(badStrings(schema));
        }
        if (types.contains("integer") || types.contains("number")) {
            bad.add(JSON.stringNode("5"));
            bad.add(JSON.booleanNode(true));
            bad.add(JSON.numberNode(new java.math.BigDecimal("1e309")));
            if (types.contains("integer")) {
                bad.add(JSON.numberNode(1.5));
            }
            if (schema.has("maximum")) {
                bad.add(JSON.numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
            }
            if (schema.has("minimum")) {
                bad.add(JSON.numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
            }
        }
        if (types.contains("boolean")) {
            bad.add(JSON.numberNode(1));
            bad.add(JSON.stringNode("true"));
        }
        if (types.contains("array")) {
            bad.add(JSON.stringNode("not a list"));
            bad.add(JSON.arrayNode().add(JSON.nullNode()));
            JsonNode items = ContractOperations.resolve(schema.path("items"));
            if (types(items).contains("string")) {
                for (JsonNode item : badStrings(items)) {
                    bad.add(JSON.arrayNode().add(item));
                }
            }
        }
        if (types.contains("object")) {
            bad.add(JSON.stringNode("not an object"));
        }
        return bad;
    }

    private static List<JsonNode> badStrings(JsonNode schema) {
        List<JsonNode> bad = new ArrayList<>();
        bad.add(JSON.stringNode("a\u0000b"));
        bad.add(JSON.stringNode("lone \ud800 surrogate"));
        String format = schema.path("format").asString("");
        int minLength = schema.path("minLength").asInt(0);
        for (String empty : List.of("", "   ")) {
            boolean refused = minLength >= 1 || !format.isEmpty() || schema.has("enum")
                    || (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(empty).find());
            if (refused) {
                bad.add(JSON.stringNode(empty));
            }
        }
        if (schema.has("maxLength")) {
            bad.add(JSON.stringNode("x".repeat(schema.get("maxLength").asInt() + 1)));
        }
        switch (format) {
            case "uuid" -> bad.add(JSON.stringNode("not-a-uuid"));
            case "date" -> bad.add(JSON.stringNode("+99999-12-31"));
            case "date-time" -> bad.add(JSON.stringNode("+99999-12-31T00:00:00Z"));
            case "email" -> bad.add(JSON.stringNode("no-at-sign"));
            default -> {
            }
        }
        if (schema.has("enum")) {
            bad.add(JSON.stringNode("no-such-value"));
        }
        return bad;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type.isString()) {
            types.add(type.asString());
        } else if (schema.has("properties")) {
            types.add("object");
        } else if (schema.has("enum")) {
            types.add("string");
        }
        return types;
    }

    /**
     * The body with every non-ASCII character written as a JSON escape: a lone surrogate would otherwise be replaced
     * by "?" on its way into UTF-8 and never reach the server.
     */
    private static String escaped(JsonNode body) {
        StringBuilder json = new StringBuilder();
        body.toString().chars().forEach(c -> json.append(c < 0x80 ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return json.toString();
    }

    /** The value as printable ASCII (reports must not carry NUL or lone surrogates themselves). */
    private static String describe(JsonNode bad) {
        StringBuilder text = new StringBuilder();
        bad.toString().chars().limit(40).forEach(c -> text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return text.toString();
    }
}
