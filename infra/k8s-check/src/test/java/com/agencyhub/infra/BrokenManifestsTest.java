package com.agencyhub.infra;

import com.agencyhub.infra.Kustomization.Manifest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check must fail for the mistakes people make: each file in src/test/resources/broken holds one object with
 * one mistake (its first line says which), and must be refused.
 */
class BrokenManifestsTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken");

    static Stream<Path> brokenManifests() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            List<Path> all = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(10);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("brokenManifests")
    void isRefused(Path file) {
        List<Manifest> manifests = Kustomization.readAll(file);
        assertThat(manifests).hasSize(1);
        List<String> problems = ManifestSchemas.problems(manifests.get(0).object());
        assertThat(problems).as(file.toString()).isNotEmpty();
    }
}
