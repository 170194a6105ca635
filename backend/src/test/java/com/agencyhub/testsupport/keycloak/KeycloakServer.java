package com.agencyhub.testsupport.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak server (the {@code keycloak-quarkus-dist} zip from Maven Central) run as a child process
 * in {@code start-dev} mode, bound to 127.0.0.1 only. Plain Java, no Spring, so it serves both the tests and
 * the dev launcher.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * // dev launcher (spring-boot:test-run): persistent data under <repo>/.devstack/keycloak, ports 8180/9100
 * KeycloakServer keycloak = KeycloakServer.dev().start();
 * String issuer = keycloak.issuerUri();            // http://127.0.0.1:8180/realms/agencyhub
 *
 * // tests: one fresh server per test JVM on 18180/19100 (or KEYCLOAK_URL when set)
 * String baseUrl = KeycloakServer.sharedForTests(); // http://127.0.0.1:18180
 * }</pre>
 *
 * <h2>Where the Keycloak distribution comes from</h2>
 * The zip is resolved, first match wins: system property {@value #DIST_ZIP_PROPERTY} (set by surefire in
 * backend/pom.xml), environment variable {@code AGENCYHUB_KEYCLOAK_DIST_ZIP},
 * {@code <repo>/backend/target/keycloak-dist/keycloak-quarkus-dist.zip} (copied there by the build's
 * {@code generate-test-resources} phase, which also runs before {@code spring-boot:test-run}), and finally the
 * artifact in the local Maven repository ({@code ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/<version>}).
 * It is unpacked into the home folder once; later starts reuse the unpacked, already augmented server.
 *
 * <h2>Stale servers</h2>
 * The ids of the started processes are written to {@code <home>/keycloak.pid}. A start first kills a server
 * left alive by a crashed JVM (only processes whose command line points into this home), and refuses with a
 * clear message when a port is held by something else.
 */
public final class KeycloakServer implements AutoCloseable {

    /** System property naming the dist zip (set by surefire). */
    public static final String DIST_ZIP_PROPERTY = "agencyhub.keycloak.dist-zip";
    /** System property naming the Keycloak version (set by surefire; only used to find the zip in ~/.m2). */
    public static final String VERSION_PROPERTY = "agencyhub.keycloak.version";
    /** Matches {@code keycloak-server.version} in the root pom; a fallback for launches outside Maven. */
    public static final String DEFAULT_VERSION = "26.7.3";

    /** Realm and clients of {@code infra/keycloak/agencyhub-realm.json}. The secrets and passwords are DEV-ONLY values. */
    public static final String REALM = "agencyhub";
    public static final String BACKEND_CLIENT_ID = "agencyhub-backend";
    public static final String BACKEND_CLIENT_DEV_SECRET = "agencyhub-backend-dev-secret";
    public static final String WEB_CLIENT_ID = "agencyhub-web";
    public static final String API_AUDIENCE = "agencyhub-api";
    public static final String PLATFORM_ADMIN_USERNAME = "platform-admin@agencyhub.local";
    public static final String PLATFORM_ADMIN_DEV_PASSWORD = "platform-admin";

    public static final int DEV_HTTP_PORT = 8180;
    public static final int DEV_MANAGEMENT_PORT = 9100;
    public static final int TEST_HTTP_PORT = 18180;
    public static final int TEST_MANAGEMENT_PORT = 19100;

    private static final String HOST = "127.0.0.1";
    private static final String REALM_FILE = "infra/keycloak/agencyhub-realm.json";
    private static final String CONF_FILE = "infra/keycloak/keycloak.conf";
    private static final String DIST_MARKER = ".agencyhub-dist";
    private static final String PID_FILE = "keycloak.pid";
    private static final String LOG_FILE = "keycloak.log";

    private static final Object SHARED_LOCK = new Object();
    private static String sharedTestUrl;

    private final Options options;
    private Process process;
    private Thread shutdownHook;
    private Duration lastStartupTime;

    private KeycloakServer(Options options) {
        this.options = options;
    }

    // ---------------------------------------------------------------------------------------------------------
    // factories

    /** Dev stack: persistent data in {@code <repo>/.devstack/keycloak}, ports 8180 / 9100. */
    public static KeycloakServer dev() {
        Path repo = findRepositoryRoot();
        return new KeycloakServer(Options.defaults(repo)
                .withHome(repo.resolve(".devstack/keycloak"))
                .withPorts(DEV_HTTP_PORT, DEV_MANAGEMENT_PORT)
                .withFreshData(false));
    }

    /** Tests: fresh data in {@code backend/target/keycloak-test} on ports 18180 / 19100. */
    public static KeycloakServer forTests() {
        Path repo = findRepositoryRoot();
        return new KeycloakServer(Options.defaults(repo)
                .withHome(repo.resolve("backend/target/keycloak-test"))
                .withPorts(TEST_HTTP_PORT, TEST_MANAGEMENT_PORT)
                .withFreshData(true));
    }

    /** Any other combination (home, ports, realm file, fresh or persistent data). */
    public static KeycloakServer create(Options options) {
        return new KeycloakServer(options);
    }

    /**
     * The base URL of the Keycloak the tests of this JVM share: {@code KEYCLOAK_URL} when set (that server must
     * already have the agencyhub realm), otherwise a server started on first use by {@link #forTests()} and
     * stopped when the JVM exits.
     */
    public static String sharedForTests() {
        String external = System.getenv("KEYCLOAK_URL");
        if (external != null && !external.isBlank()) {
            return stripTrailingSlash(external.trim());
        }
        synchronized (SHARED_LOCK) {
            if (sharedTestUrl == null) {
                KeycloakServer server = forTests().start(); // its shutdown hook stops it with the JVM
                sharedTestUrl = server.url();
            }
            return sharedTestUrl;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // lifecycle

    /**
     * Prepares the home folder (unpack, config, realm import), starts Keycloak and waits until
     * {@code /health/ready} answers 200 on the management port.
     */
    public synchronized KeycloakServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(options.home());
            killStaleServer();
            ensurePortFree(options.httpPort(), "HTTP");
            ensurePortFree(options.managementPort(), "management");
            ensureUnpacked();
            installConfiguration();
            prepareData();
            process = launch();
            shutdownHook = new Thread(this::stopQuietly, "keycloak-server-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            writePidFile();
            awaitReady();
            writePidFile(); // now including the java process kc.sh started
        } catch (IOException e) {
            stopQuietly();
            throw new UncheckedIOException("Keycloak could not be started in " + options.home(), e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
        lastStartupTime = Duration.ofNanos(System.nanoTime() - startNanos);
        System.out.printf("Keycloak %s ready in %.1f s (home %s)%n", url(),
                lastStartupTime.toMillis() / 1000.0, options.home());
        return this;
    }

    /** Stops Keycloak (the kc.sh shell and the java process it started) and waits for it to exit. */
    @Override
    public synchronized void close() {
        stopQuietly();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook itself is running
            }
            shutdownHook = null;
        }
    }

    public String url() {
        return "http://" + HOST + ":" + options.httpPort();
    }

    public String issuerUri() {
        return url() + "/realms/" + REALM;
    }

    public String managementUrl() {
        return "http://" + HOST + ":" + options.managementPort();
    }

    public Path home() {
        return options.home();
    }

    public Path logFile() {
        return options.home().resolve(LOG_FILE);
    }

    /** How long the last {@link #start()} took (unpacking included), or empty before the first start. */
    public Optional<Duration> lastStartupTime() {
        return Optional.ofNullable(lastStartupTime);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    // ---------------------------------------------------------------------------------------------------------
    // preparing the home folder

    private void ensureUnpacked() throws IOException {
        Path home = options.home();
        Path zip = options.distZip().orElseGet(() -> locateDistZip(options.repositoryRoot()));
        String wanted = zip.toAbsolutePath() + " " + Files.size(zip);
        Path marker = home.resolve(DIST_MARKER);
        if (Files.isRegularFile(marker) && Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            String present = Files.readString(marker).trim();
            if (!present.equals(wanted)) {
                System.out.printf("Keycloak home %s was unpacked from %s; keeping it (delete the folder to use %s)%n",
                        home, present, wanted);
            }
            return;
        }
        System.out.printf("Unpacking %s into %s%n", zip, home);
        unzipStrippingTopFolder(zip, home);
        for (String script : new String[] {"bin/kc.sh", "bin/kcadm.sh", "bin/kcreg.sh"}) {
            Path file = home.resolve(script);
            if (Files.exists(file)) {
                file.toFile().setExecutable(true, false);
            }
        }
        Files.writeString(marker, wanted + "\n");
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top folder itself
                }
                Path destination = root.resolve(name.substring(slash + 1)).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("Zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private void installConfiguration() throws IOException {
        Path source = options.confFile();
        if (source == null || !Files.isRegularFile(source)) {
            return;
        }
        Path target = options.home().resolve("conf/keycloak.conf");
        byte[] wanted = Files.readAllBytes(source);
        if (!Files.exists(target) || !Arrays.equals(wanted, Files.readAllBytes(target))) {
            Files.createDirectories(target.getParent());
            Files.write(target, wanted);
        }
    }

    private void prepareData() throws IOException {
        Path data = options.home().resolve("data");
        if (options.freshData()) {
            deleteRecursively(data);
        }
        Path importDir = data.resolve("import");
        Files.createDirectories(importDir);
        Path realm = options.realmFile();
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("Realm file not found: " + realm);
        }
        Path imported = importDir.resolve(realm.getFileName());
        boolean hasDatabase = Files.isDirectory(data.resolve("h2"));
        if (hasDatabase && Files.exists(imported)
                && !Arrays.equals(Files.readAllBytes(imported), Files.readAllBytes(realm))) {
            System.out.printf("WARNING: %s changed since the realm was imported into %s; --import-realm skips an "
                    + "existing realm, so delete %s to import the new version.%n", realm, data, data);
        }
        if (!hasDatabase || !Files.exists(imported)) {
            Files.copy(realm, imported, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // process handling

    private Process launch() throws IOException {
        Path home = options.home();
        List<String> command = new ArrayList<>(List.of(
                "/bin/bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + HOST,
                "--http-port=" + options.httpPort(),
                "--http-management-port=" + options.managementPort(),
                "--health-enabled=true",
                "--import-realm"));
        command.addAll(options.extraArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(LOG_FILE).toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUsername());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        return builder.start();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " while starting; last log lines of " + logFile() + ":\n" + tailOfLog(40));
            }
            try {
                HttpResponse<Void> response = http.send(ready, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Keycloak was not ready within " + options.startTimeout().toSeconds()
                + " s; last log lines of " + logFile() + ":\n" + tailOfLog(40));
    }

    private void stopQuietly() {
        Process running = process;
        process = null;
        if (running != null) {
            terminate(running.toHandle());
        }
        try {
            Files.deleteIfExists(options.home().resolve(PID_FILE));
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** SIGTERM to kc.sh (it forwards it to java) and its descendants; SIGKILL whatever is left after 30 s. */
    private static void terminate(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle handle : all) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void writePidFile() throws IOException {
        Process running = process;
        if (running == null) {
            return;
        }
        StringBuilder pids = new StringBuilder().append(running.pid()).append('\n');
        running.descendants().forEach(child -> pids.append(child.pid()).append('\n'));
        Files.writeString(options.home().resolve(PID_FILE), pids.toString());
    }

    /** Kills a server of this home left over by a JVM that died without stopping it. */
    private void killStaleServer() throws IOException {
        Path pidFile = options.home().resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        String home = options.home().toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(pidFile)) {
            if (line.isBlank()) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(line.trim()));
            if (handle.isPresent() && handle.get().isAlive() && commandLineMentions(handle.get(), home)) {
                System.out.printf("Stopping a stale Keycloak (pid %d) left from a previous run in %s%n",
                        handle.get().pid(), home);
                terminate(handle.get());
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean commandLineMentions(ProcessHandle handle, String home) {
        String commandLine = handle.info().commandLine().orElse("");
        if (commandLine.isEmpty()) {
            // ProcessHandle.Info may be empty; Linux exposes the arguments in /proc
            try {
                commandLine = Files.readString(Paths.get("/proc", Long.toString(handle.pid()), "cmdline"))
                        .replace('\0', ' ');
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }
        return commandLine.contains(home);
    }

    private void ensurePortFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Keycloak: the " + what + " port " + HOST + ":" + port
                    + " is already in use by a process this KeycloakServer (home " + options.home()
                    + ") did not start. Stop it (e.g. `ss -ltnp 'sport = :" + port + "'` shows who holds it)"
                    + " or use other ports.", e);
        }
    }

    private String tailOfLog(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // locating things

    /** The repository root: the first folder upwards from the working directory that holds the realm file. */
    public static Path findRepositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(REALM_FILE))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + REALM_FILE + " found in " + dir + " or above; start from the "
                + "repository (or its backend folder), or pass Options with explicit paths");
    }

    /** Finds the keycloak-quarkus-dist zip; see the class comment for the order. */
    public static Path locateDistZip(Path repositoryRoot) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(DIST_ZIP_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Paths.get(property));
        }
        String env = System.getenv("AGENCYHUB_KEYCLOAK_DIST_ZIP");
        if (env != null && !env.isBlank()) {
            candidates.add(Paths.get(env));
        }
        if (repositoryRoot != null) {
            candidates.add(repositoryRoot.resolve("backend/target/keycloak-dist/keycloak-quarkus-dist.zip"));
        }
        String version = System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION);
        candidates.add(Paths.get(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip"));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak distribution zip not found; looked at "
                        + candidates + ". Run `./mvnw -pl backend -am -Dexec.skip=true generate-test-resources` "
                        + "once (it downloads org.keycloak:keycloak-quarkus-dist:" + version + ":zip)."));
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * How to run the server.
     *
     * @param repositoryRoot used to find the dist zip under backend/target (may be null)
     * @param distZip        explicit zip, or empty to {@link #locateDistZip(Path) locate} it
     * @param freshData      delete {@code data/} before each start (tests) or keep it (dev)
     */
    public record Options(Path repositoryRoot, Path home, int httpPort, int managementPort, Path realmFile,
                          Path confFile, Optional<Path> distZip, boolean freshData, String adminUsername,
                          String adminPassword, Duration startTimeout, List<String> extraArguments) {

        public Options {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(realmFile, "realmFile");
            home = home.toAbsolutePath().normalize();
            distZip = distZip == null ? Optional.empty() : distZip;
            extraArguments = List.copyOf(extraArguments);
        }

        /** Repository files, bootstrap admin admin/admin (dev only), 3 min start timeout, test ports. */
        public static Options defaults(Path repositoryRoot) {
            return new Options(repositoryRoot, repositoryRoot.resolve("backend/target/keycloak-test"),
                    TEST_HTTP_PORT, TEST_MANAGEMENT_PORT, repositoryRoot.resolve(REALM_FILE),
                    repositoryRoot.resolve(CONF_FILE), Optional.empty(), true, "admin", "admin",
                    Duration.ofMinutes(3), List.of());
        }

        public Options withHome(Path newHome) {
            return new Options(repositoryRoot, newHome, httpPort, managementPort, realmFile, confFile, distZip,
                    freshData, adminUsername, adminPassword, startTimeout, extraArguments);
        }

        public Options withPorts(int newHttpPort, int newManagementPort) {
            return new Options(repositoryRoot, home, newHttpPort, newManagementPort, realmFile, confFile, distZip,
                    freshData, adminUsername, adminPassword, startTimeout, extraArguments);
        }

        public Options withFreshData(boolean fresh) {
            return new Options(repositoryRoot, home, httpPort, managementPort, realmFile, confFile, distZip,
                    fresh, adminUsername, adminPassword, startTimeout, extraArguments);
        }

        public Options withDistZip(Path zip) {
            return new Options(repositoryRoot, home, httpPort, managementPort, realmFile, confFile,
                    Optional.of(zip), freshData, adminUsername, adminPassword, startTimeout, extraArguments);
        }

        public Options withStartTimeout(Duration timeout) {
            return new Options(repositoryRoot, home, httpPort, managementPort, realmFile, confFile, distZip,
                    freshData, adminUsername, adminPassword, timeout, extraArguments);
        }

        public Options withExtraArguments(List<String> arguments) {
            return new Options(repositoryRoot, home, httpPort, managementPort, realmFile, confFile, distZip,
                    freshData, adminUsername, adminPassword, startTimeout, arguments);
        }
    }
}
