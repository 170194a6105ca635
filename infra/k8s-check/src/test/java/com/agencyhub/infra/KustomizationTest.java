package com.agencyhub.infra;

import com.agencyhub.infra.Kustomization.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renderer does what Kustomize does for the fields it knows, and refuses the others. */
class KustomizationTest {

    @TempDir
    Path folder;

    @Test
    void rendersFoldersAndFilesWithTheNamespaceAndTheImage() throws IOException {
        write("kustomization.yaml", """
                namespace: prod
                resources: [namespace.yaml, app]
                images:
                  - name: agencyhub/backend
                    newName: registry.example/agencyhub/backend
                    newTag: "1.2.3"
                """);
        write("namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n");
        write("app/kustomization.yaml", "resources: [app.yaml]\n");
        write("app/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: backend
                spec:
                  template:
                    spec:
                      containers:
                        - name: backend
                          image: agencyhub/backend
                        - name: other
                          image: agencyhub/backend-tools:1
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: elsewhere
                """);

        List<Manifest> manifests = Kustomization.render(folder);

        assertThat(manifests).extracting(Manifest::kind).containsExactly("Namespace", "Deployment", "ConfigMap");
        assertThat(manifests.get(0).object().at("/metadata/namespace").isMissingNode()).isTrue();
        assertThat(manifests.get(1).object().at("/metadata/namespace").asString()).isEqualTo("prod");
        assertThat(manifests.get(2).object().at("/metadata/namespace").asString()).isEqualTo("prod");
        assertThat(manifests.get(1).object().at("/spec/template/spec/containers/0/image").asString())
                .isEqualTo("registry.example/agencyhub/backend:1.2.3");
        assertThat(manifests.get(1).object().at("/spec/template/spec/containers/1/image").asString())
                .isEqualTo("agencyhub/backend-tools:1");
    }

    @Test
    void refusesWhatItCannotRender() throws IOException {
        write("kustomization.yaml", "resources: []\npatches:\n  - path: patch.yaml\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("'patches'");

        write("kustomization.yaml", "images:\n  - name: a\n    digest: sha256:00\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("images.digest");

        write("kustomization.yaml", "resources: [missing.yaml]\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("missing.yaml");
    }

    private void write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
