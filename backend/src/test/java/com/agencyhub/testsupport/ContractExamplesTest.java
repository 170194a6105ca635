package com.agencyhub.testsupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example in the contract validates against its own schema: request and response bodies of every operation
 * (shared responses included) and the examples of every component schema. Front-end developers copy them.
 */
class ContractExamplesTest {

    private final List<String> failures = new ArrayList<>();
    private int examples;

    @Test
    void everyExampleMatchesItsSchema() {
        JsonNode spec = OpenApiContract.spec();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
            bodies(spec, at + "/requestBody", operation.getValue().path("requestBody"));
            operation.getValue().path("responses").properties().forEach(response ->
                    bodies(spec, at + "/responses/" + response.getKey(), response.getValue()));
        }));
        spec.path("components").path("schemas").properties().forEach(schema -> {
            String pointer = "/components/schemas/" + escape(schema.getKey());
            for (JsonNode example : schema.getValue().path("examples")) {
                check(pointer, example, pointer + "/examples");
            }
        });
        System.out.printf("Contract examples: %d checked%n", examples);
        assertThat(examples).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /** The examples of a request body or response, wherever its {@code $ref} leads. */
    private void bodies(JsonNode spec, String pointer, JsonNode node) {
        if (node.has("$ref")) {
            pointer = node.get("$ref").asString().substring(1);
            node = spec.at(pointer);
        }
        for (Map.Entry<String, JsonNode> media : node.path("content").properties()) {
            String schema = pointer + "/content/" + escape(media.getKey()) + "/schema";
            if (media.getValue().has("example")) {
                check(schema, media.getValue().get("example"), pointer + " example");
            }
            for (Map.Entry<String, JsonNode> example : media.getValue().path("examples").properties()) {
                JsonNode value = example.getValue().has("$ref")
                        ? spec.at(example.getValue().get("$ref").asString().substring(1)).path("value")
                        : example.getValue().path("value");
                check(schema, value, pointer + " example '" + example.getKey() + "'");
            }
        }
    }

    private void check(String schemaPointer, JsonNode example, String where) {
        examples++;
        List<String> violations = OpenApiContract.violations(schemaPointer, example.toString());
        if (!violations.isEmpty()) {
            failures.add(where + ": " + violations);
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
