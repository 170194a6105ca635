package com.agencyhub.infra;

import com.agencyhub.infra.Kustomization.Manifest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InfraManifestsTest {

    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    static final List<Manifest> MANIFESTS = Kustomization.render(REPOSITORY.resolve("infra/k8s"));

    @Test
    void everyObjectPassesTheSchemaOfItsKind() {
        assertThat(MANIFESTS).isNotEmpty();
        assertThat(MANIFESTS).allSatisfy(manifest ->
                assertThat(ManifestSchemas.problems(manifest.object())).as(manifest.toString()).isEmpty());
    }
}
