package com.agencyhub.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the configuration of the backend's image tarball without a container engine: reads the image's config from
 * the tar (OCI layout, as Jib writes it, or the layout of {@code docker save}) and lists what is not as
 * docs/operations.md ("The container image") promises. Run by the {@code image} profile after Jib
 * ({@code ./mvnw -Pimage -pl backend -am verify}); {@code ImageConfigurationCheckTest} shows that it fails on each
 * wrong setting.
 */
public final class ImageConfigurationCheck {

    static final String MAIN_CLASS = "com.agencyhub.AgencyHubApplication";
    static final Set<String> PORTS = Set.of("8080/tcp", "8081/tcp");
    static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC");
    static final String AHEAD_OF_TIME = "-Dspring.aot.enabled=true";
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";
    /** What the entry point must pass to java, and why: flags there stay when JDK_JAVA_OPTIONS is replaced. */
    static final Map<String, String> ENTRYPOINT_FLAGS = Map.of(
            AHEAD_OF_TIME, "the build's bean definitions",
            TRIM_NATIVE_HEAP, "native memory freed by the JVM goes back to the system");
    static final String LABEL = "org.opencontainers.image.";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final long LARGEST_METADATA = 1 << 20; // layers are skipped: configs and manifests are small
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImageConfigurationCheck() {
    }

    /** Usage: ImageConfigurationCheck IMAGE.tar VERSION REVISION; exits with 1 and the problems if there are any. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ImageConfigurationCheck IMAGE.tar VERSION REVISION");
            System.exit(2);
        }
        JsonNode config = readConfig(Path.of(args[0]));
        List<String> problems = problems(config, args[1], args[2]);
        if (!problems.isEmpty()) {
            System.err.println(args[0] + ": the image's configuration is wrong:");
            problems.forEach(problem -> System.err.println("  - " + problem));
            System.exit(1);
        }
        String source = config.path("config").path("Labels").path(LABEL + "source").asString();
        if (!source.contains("://")) {
            System.err.println("warning: label " + LABEL + "source is '" + source + "', not the repository's URL "
                    + "(pass -Dimage.source=...)");
        }
        System.out.println(args[0] + ": configuration checked (user " + config.path("config").path("User").asString()
                + ", ports " + PORTS + ", entry point, environment, labels)");
    }

    /** What is wrong with an image configuration (the config JSON of the OCI image spec); empty when nothing is. */
    static List<String> problems(JsonNode image, String version, String revision) {
        JsonNode config = image.path("config");
        List<String> problems = new ArrayList<>();

        String user = config.path("User").asString();
        String uid = user.split(":", 2)[0];
        if (!uid.matches("\\d+") || Long.parseLong(uid) == 0) {
            problems.add("User must be a numeric non-root user id (Kubernetes' runAsNonRoot checks it), is '" + user
                    + "'");
        }

        Set<String> ports = new TreeSet<>(config.path("ExposedPorts").propertyNames());
        if (!ports.equals(new TreeSet<>(PORTS))) {
            problems.add("ExposedPorts must be " + new TreeSet<>(PORTS) + " (API, management), are " + ports);
        }

        List<String> entrypoint = strings(config.path("Entrypoint"));
        if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java")
                || !entrypoint.get(entrypoint.size() - 1).equals(MAIN_CLASS)) {
            problems.add("Entrypoint must run java with " + MAIN_CLASS + ", is " + entrypoint);
        } else {
            new TreeMap<>(ENTRYPOINT_FLAGS).forEach((flag, why) -> {
                if (!entrypoint.contains(flag)) {
                    problems.add("Entrypoint must contain " + flag + " (" + why + "), is " + entrypoint);
                }
            });
        }
        if (!strings(config.path("Cmd")).isEmpty()) {
            problems.add("Cmd must be empty (every setting comes from the environment), is " + config.path("Cmd"));
        }

        Map<String, String> env = environment(config.path("Env"));
        if (!"2".equals(env.get("MALLOC_ARENA_MAX"))) {
            problems.add("Env must set MALLOC_ARENA_MAX=2, sets " + env.get("MALLOC_ARENA_MAX"));
        }
        List<String> jvmOptions = List.of(env.getOrDefault("JDK_JAVA_OPTIONS", "").split("\\s+"));
        for (String option : JVM_OPTIONS) {
            if (!jvmOptions.contains(option)) {
                problems.add("Env JDK_JAVA_OPTIONS must contain " + option + ", is " + jvmOptions);
            }
        }
        if (!env.getOrDefault("LANG", "").toUpperCase().matches(".*UTF-?8")) {
            problems.add("Env LANG must name a UTF-8 locale, is " + env.get("LANG"));
        }

        JsonNode labels = config.path("Labels");
        expectLabel(problems, labels, "version", version);
        expectLabel(problems, labels, "revision", revision);
        if (!COMMIT.matcher(revision).matches()) {
            problems.add("the revision to check must be a full commit id, is '" + revision + "'");
        }
        for (String name : List.of("title", "source", "created")) {
            if (labels.path(LABEL + name).asString().isBlank()) {
                problems.add("Labels must have " + LABEL + name);
            }
        }
        return problems;
    }

    private static void expectLabel(List<String> problems, JsonNode labels, String name, String expected) {
        String actual = labels.path(LABEL + name).asString();
        if (!actual.equals(expected)) {
            problems.add("Labels " + LABEL + name + " must be '" + expected + "', is '" + actual + "'");
        }
    }

    /** The image configuration in an image tarball (one image). */
    static JsonNode readConfig(Path tar) throws IOException {
        Map<String, byte[]> files = metadataFiles(tar);
        String configPath;
        if (files.containsKey("index.json")) {
            JsonNode index = JSON.readTree(files.get("index.json"));
            JsonNode manifest = JSON.readTree(blob(files, index.path("manifests").path(0).path("digest").asString()));
            configPath = blobPath(manifest.path("config").path("digest").asString());
        } else if (files.containsKey("manifest.json")) {
            configPath = JSON.readTree(files.get("manifest.json")).path(0).path("Config").asString();
        } else {
            throw new IOException(tar + " is not an image tarball (neither index.json nor manifest.json)");
        }
        return JSON.readTree(file(files, configPath));
    }

    private static byte[] blob(Map<String, byte[]> files, String digest) throws IOException {
        return file(files, blobPath(digest));
    }

    private static String blobPath(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static byte[] file(Map<String, byte[]> files, String path) throws IOException {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IOException("the image tarball has no " + path);
        }
        return content;
    }

    private static Map<String, byte[]> metadataFiles(Path tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isFile() && entry.getSize() <= LARGEST_METADATA) {
                    files.put(entry.getName().replaceFirst("^\\./", ""), entries.readAllBytes());
                }
            }
        }
        return files;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static Map<String, String> environment(JsonNode env) {
        Map<String, String> variables = new HashMap<>();
        for (String entry : strings(env)) {
            String[] nameAndValue = entry.split("=", 2);
            variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        return variables;
    }
}
