package com.agencyhub.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The image check passes the configuration the image profile makes and fails on each setting that differs. */
class ImageConfigurationCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERSION = "1.2.3";
    private static final String REVISION = "6757e41979344b8b04d45fdf7a71029385ea6fec";
    // the shape of what Jib writes for the image profile (backend/pom.xml)
    private static final String GOOD = """
            {"architecture":"amd64","os":"linux","config":{
              "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","MALLOC_ARENA_MAX=2",
                     "JDK_JAVA_OPTIONS=-Xms128m -Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"],
              "Entrypoint":["java","-Dspring.aot.enabled=true","-XX:TrimNativeHeapInterval=5000","-cp",
                            "@/app/jib-classpath-file","com.agencyhub.AgencyHubApplication"],
              "ExposedPorts":{"8080/tcp":{},"8081/tcp":{}},
              "Labels":{"org.opencontainers.image.title":"AgencyHub backend",
                        "org.opencontainers.image.version":"1.2.3",
                        "org.opencontainers.image.revision":"6757e41979344b8b04d45fdf7a71029385ea6fec",
                        "org.opencontainers.image.created":"2026-12-03T09:41:28Z",
                        "org.opencontainers.image.source":"https://git.example.com/agencyhub"},
              "User":"65532:65532","WorkingDir":"/home/nonroot"},
             "rootfs":{"type":"layers","diff_ids":[]}}
            """;

    @TempDir
    Path dir;

    @Test
    void theProfilesConfigurationPasses() {
        assertThat(ImageConfigurationCheck.problems(good(), VERSION, REVISION)).isEmpty();
    }

    @Test
    void readsTheConfigFromAnOciLayoutAndFromADockerSaveTarball() throws IOException {
        String configDigest = "sha256:" + "c".repeat(64);
        String manifestDigest = "sha256:" + "a".repeat(64);
        Path oci = tar("oci.tar",
                "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}",
                "index.json", "{\"manifests\":[{\"digest\":\"" + manifestDigest + "\"}]}",
                "blobs/sha256/" + "a".repeat(64), "{\"config\":{\"digest\":\"" + configDigest + "\"},\"layers\":[]}",
                "blobs/sha256/" + "c".repeat(64), GOOD);
        Path dockerSave = tar("docker.tar",
                "manifest.json", "[{\"Config\":\"config.json\",\"Layers\":[]}]",
                "config.json", GOOD);

        assertThat(ImageConfigurationCheck.readConfig(oci)).isEqualTo(good());
        assertThat(ImageConfigurationCheck.readConfig(dockerSave)).isEqualTo(good());
        assertThatThrownBy(() -> ImageConfigurationCheck.readConfig(tar("empty.tar", "README", "no image")))
                .isInstanceOf(IOException.class).hasMessageContaining("not an image tarball");
    }

    @Test
    void aRootOrNamedUserFails() {
        assertThat(problemsWith(config -> config.put("User", "0:0"))).singleElement().asString().contains("User");
        assertThat(problemsWith(config -> config.put("User", "root"))).singleElement().asString().contains("User");
        assertThat(problemsWith(config -> config.remove("User"))).singleElement().asString().contains("User");
        // a name cannot be checked by runAsNonRoot
        assertThat(problemsWith(config -> config.put("User", "nonroot"))).singleElement().asString().contains("User");
    }

    @Test
    void aMissingOrExtraPortFails() {
        assertThat(problemsWith(config -> ((ObjectNode) config.get("ExposedPorts")).remove("8081/tcp")))
                .singleElement().asString().contains("ExposedPorts");
        assertThat(problemsWith(config -> ((ObjectNode) config.get("ExposedPorts")).putObject("5005/tcp")))
                .singleElement().asString().contains("ExposedPorts");
    }

    @Test
    void anotherEntryPointOrACommandFails() {
        assertThat(problemsWith(config -> config.putArray("Entrypoint").add("/bin/sh").add("-c").add("java -jar app")))
                .singleElement().asString().contains("Entrypoint");
        assertThat(problemsWith(config -> config.remove("Entrypoint")))
                .singleElement().asString().contains("Entrypoint");
        assertThat(problemsWith(config -> config.putArray("Cmd").add("--server.port=9000")))
                .singleElement().asString().contains("Cmd");
        assertThat(problemsWith(config -> config.putArray("Entrypoint").add("java").add("-cp")
                .add("@/app/jib-classpath-file").add("com.agencyhub.AgencyHubApplication")))
                .satisfiesExactly(
                        problem -> assertThat(problem).contains("-Dspring.aot.enabled=true"),
                        problem -> assertThat(problem).contains("-XX:TrimNativeHeapInterval=5000"));
        assertThat(problemsWith(config -> config.putArray("Entrypoint").add("java").add("-Dspring.aot.enabled=true")
                .add("-cp").add("@/app/jib-classpath-file").add("com.agencyhub.AgencyHubApplication")))
                .singleElement().asString().contains("-XX:TrimNativeHeapInterval=5000");
    }

    @Test
    void missingJvmSettingsFail() {
        assertThat(problemsWith(config -> config.putArray("Env").add("LANG=C.UTF-8")
                .add("JDK_JAVA_OPTIONS=-Xmx128m -XX:+UseSerialGC")))
                .singleElement().asString().contains("MALLOC_ARENA_MAX");
        assertThat(problemsWith(config -> config.putArray("Env").add("LANG=C.UTF-8").add("MALLOC_ARENA_MAX=2")
                .add("JDK_JAVA_OPTIONS=-Xmx512m")))
                .hasSize(2).allSatisfy(problem -> assertThat(problem).contains("JDK_JAVA_OPTIONS"));
        assertThat(problemsWith(config -> config.putArray("Env").add("LANG=C").add("MALLOC_ARENA_MAX=2")
                .add("JDK_JAVA_OPTIONS=-Xmx128m -XX:+UseSerialGC")))
                .singleElement().asString().contains("LANG");
    }

    @Test
    void wrongOrMissingLabelsFail() {
        assertThat(ImageConfigurationCheck.problems(good(), "1.2.4", REVISION))
                .singleElement().asString().contains("version");
        assertThat(ImageConfigurationCheck.problems(good(), VERSION, "b".repeat(40)))
                .singleElement().asString().contains("revision");
        assertThat(problemsWith(config -> ((ObjectNode) config.get("Labels")).remove(ImageConfigurationCheck.LABEL
                + "source"))).singleElement().asString().contains("source");
        assertThat(problemsWith(config -> ((ObjectNode) config.get("Labels")).remove(ImageConfigurationCheck.LABEL
                + "created"))).singleElement().asString().contains("created");
        // a build outside git has no commit to name
        assertThat(problemsWith(config -> ((ObjectNode) config.get("Labels")).put(ImageConfigurationCheck.LABEL
                + "revision", "${git.commit.id}"))).isNotEmpty();
    }

    private static JsonNode good() {
        return JSON.readTree(GOOD);
    }

    private static java.util.List<String> problemsWith(Consumer<ObjectNode> change) {
        JsonNode image = good();
        change.accept((ObjectNode) image.get("config"));
        return ImageConfigurationCheck.problems(image, VERSION, REVISION);
    }

    private Path tar(String name, String... pathsAndContents) throws IOException {
        Path tar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream entries = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                byte[] content = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(pathsAndContents[i]);
                entry.setSize(content.length);
                entries.putArchiveEntry(entry);
                entries.write(content);
                entries.closeArchiveEntry();
            }
        }
        return tar;
    }
}
