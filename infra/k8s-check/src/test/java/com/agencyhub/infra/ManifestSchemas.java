package com.agencyhub.infra;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one Kubernetes object offline, as the API server's strict field validation would, and answers what is
 * wrong with it (nothing: an empty list).
 *
 * <ul>
 * <li>Objects of the Kubernetes API itself are read by the models of the official Java client
 * ({@code io.kubernetes.client.openapi.models}, generated from the API's OpenAPI document), which refuse a field the
 * API does not define, a value of the wrong type and a missing required field.</li>
 * <li>Custom resources of the operators are checked against the vendored subsets of their definitions'
 * {@code openAPIV3Schema} ({@code src/test/resources/schemas/<group>/<version>/<Kind>.yaml}), every object in them
 * closed to unknown fields; their {@code metadata} is checked by the client's model.</li>
 * </ul>
 * A kind that is neither is an error: nothing passes unchecked.
 */
final class ManifestSchemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JsonMapper JSON = new JsonMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi30());
    private static final Map<String, Schema> CUSTOM = new ConcurrentHashMap<>();

    private ManifestSchemas() {
    }

    static List<String> problems(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String kind = object.path("kind").asString("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("apiVersion and kind are required");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Schema custom = customSchema(group, version, kind);
        if (custom != null) {
            List<String> problems = new ArrayList<>(custom.validate(object).stream()
                    .map(Error::toString).toList());
            problems.addAll(modelProblems("V1ObjectMeta", object.path("metadata")));
            return problems;
        }
        if (!isBuiltIn(group)) {
            return List.of("no schema for " + apiVersion + " " + kind + " (vendor its definition's subset under "
                    + "src/test/resources/schemas/" + group + "/" + version + "/" + kind + ".yaml)");
        }
        return modelProblems(Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind, object);
    }

    private static boolean isBuiltIn(String group) {
        return group.isEmpty() || group.endsWith(".k8s.io") && !group.contains(".x-k8s.io")
                || List.of("apps", "batch", "policy", "autoscaling").contains(group);
    }

    /** Reads the object with the client's model of that name, which validates it while reading. */
    private static List<String> modelProblems(String model, JsonNode object) {
        Method fromJson;
        try {
            fromJson = Class.forName(MODELS + model).getMethod("fromJson", String.class);
        } catch (ClassNotFoundException | NoSuchMethodException unknown) {
            return List.of("the Kubernetes API has no " + model + " (wrong apiVersion or kind?)");
        }
        try {
            fromJson.invoke(null, JSON.writeValueAsString(object));
            return List.of();
        } catch (InvocationTargetException refused) {
            Throwable cause = refused.getCause();
            return List.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Schema customSchema(String group, String version, String kind) {
        String resource = "/schemas/" + group + "/" + version + "/" + kind + ".yaml";
        if (ManifestSchemas.class.getResource(resource) == null) {
            return null;
        }
        return CUSTOM.computeIfAbsent(resource, ManifestSchemas::load);
    }

    private static Schema load(String resource) {
        try (InputStream in = ManifestSchemas.class.getResourceAsStream(resource)) {
            JsonNode schema = Kustomization.YAML.readTree(in);
            close(schema);
            return SCHEMAS.getSchema(schema);
        } catch (IOException failure) {
            throw new IllegalStateException(resource + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Refuses unknown fields, as {@code kubectl apply --validate=strict} does: every object schema that lists its
     * properties, and neither keeps unknown fields nor says what other fields may hold, allows only those.
     */
    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties") && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
            node.properties().forEach(entry -> close(entry.getValue()));
        } else if (schema != null && schema.isArray()) {
            schema.forEach(ManifestSchemas::close);
        }
    }
}
