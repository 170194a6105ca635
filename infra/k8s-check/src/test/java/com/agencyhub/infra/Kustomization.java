package com.agencyhub.infra;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} would, for the small part of Kustomize that
 * {@code infra/k8s} uses: {@code resources} (files and folders with their own kustomization.yaml), {@code namespace}
 * and {@code images} ({@code name}, {@code newName}, {@code newTag}). Any other field is refused, so that nothing is
 * silently left out of what gets checked.
 */
final class Kustomization {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomization() {
    }

    /** One object and the file it comes from. */
    record Manifest(Path source, ObjectNode object) {

        String kind() {
            return object.path("kind").asString();
        }

        String name() {
            return object.at("/metadata/name").asString();
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + source + ")";
        }
    }

    /** The objects of the kustomization in this folder, transformed as Kustomize would. */
    static List<Manifest> render(Path folder) {
        JsonNode kustomization = readOne(folder.resolve("kustomization.yaml"));
        kustomization.propertyNames().forEach(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException(folder + "/kustomization.yaml: field '" + field
                        + "' is not supported by this renderer (extend Kustomization or do without it)");
            }
        });
        List<Manifest> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = folder.resolve(resource.asString());
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                objects.addAll(readAll(path));
            } else {
                throw new IllegalStateException(folder + "/kustomization.yaml names " + resource.asString()
                        + ", which does not exist");
            }
        }
        String namespace = kustomization.path("namespace").asString(null);
        if (namespace != null) {
            objects.stream().filter(manifest -> !CLUSTER_SCOPED.contains(manifest.kind()))
                    .forEach(manifest -> manifest.object().withObject("/metadata").put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            image.propertyNames().forEach(field -> {
                if (!IMAGE_FIELDS.contains(field)) {
                    throw new IllegalStateException(folder + "/kustomization.yaml: images." + field
                            + " is not supported by this renderer");
                }
            });
            objects.forEach(manifest -> setImage(manifest.object(), image.path("name").asString(),
                    image.path("newName").asString(image.path("name").asString()), image.path("newTag").asString()));
        }
        return objects;
    }

    /** Every document of a YAML file (empty documents skipped). */
    static List<Manifest> readAll(Path file) {
        List<Manifest> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document instanceof ObjectNode object) {
                    documents.add(new Manifest(file, object));
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new IllegalStateException(file + ": a document that is not an object");
                }
            }
        } catch (JacksonException failure) {
            throw new IllegalStateException(file + ": " + failure.getMessage(), failure);
        }
        return documents;
    }

    private static JsonNode readOne(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException failure) {
            throw new IllegalStateException(file + ": " + failure.getMessage(), failure);
        }
    }

    private static void setImage(ObjectNode object, String name, String newName, String tag) {
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : object.at("/spec/template/spec/" + list)) {
                String image = container.path("image").asString("");
                if (image.equals(name) || image.startsWith(name + ":")) {
                    ((ObjectNode) container).put("image", newName + ":" + tag);
                }
            }
        }
    }
}
