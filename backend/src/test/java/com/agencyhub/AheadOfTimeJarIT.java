package com.agencyhub;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.testsupport.BackendInstances;
import com.agencyhub.testsupport.OpenApiContract;
import com.agencyhub.testsupport.TestTokens;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as production starts it: a JVM of its own with {@code -Dspring.aot.enabled=true}, so the
 * application context comes from the bean definitions that the build's AOT processing wrote, not from scanning and
 * reflection as in every other test (docs/operations.md, "JVM settings"). It runs on the run's database as the
 * application role and trusts the test tokens; two agencies are written in SQL, since onboarding needs Keycloak. The
 * requests cover what a context built differently would break first: security, the agency's scope, the prepared
 * statements, validation and the problem answers, each response checked against the contract.
 */
class AheadOfTimeJarIT {

    private static final Duration START_AT_MOST = Duration.ofMinutes(2);

    private static Process backend;
    private static Path log;
    private static WebTestClient api;
    private static Agency agency;
    private static Agency otherAgency;

    private record Agency(UUID id, String slug, UUID admin) {

        String adminToken() {
            return TestTokens.token(admin, "admin@" + slug + ".test", List.of(), Map.of(slug, id));
        }
    }

    @BeforeAll
    static void startTheJar() throws Exception {
        TestDatabase database = TestDatabase.get().migrated();
        agency = agencyWithAdmin(database, "aot-one");
        otherAgency = agencyWithAdmin(database, "aot-two");

        Path jar = Path.of(System.getProperty("agencyhub.jar", "target/backend-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (failsafe runs after the package phase)").isRegularFile();
        int port = freePort();
        int managementPort = freePort();
        log = Files.createTempFile("aot-jar-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.aot.enabled=true", "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port, "--management.server.port=" + managementPort,
                // no identity provider: the port nothing listens on, so that no Keycloak on this machine is touched
                "--agencyhub.keycloak.server-url=http://127.0.0.1:9"));
        command.addAll(BackendInstances.onTheRunsDatabaseTrustingTestTokens());
        backend = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReadiness(managementPort);
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .filter(OpenApiContract.validatingFilter()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (backend != null) {
            backend.destroy();
            if (!backend.waitFor(30, TimeUnit.SECONDS)) {
                backend.destroyForcibly();
            }
        }
    }

    @Test
    void theContextComesFromTheAheadOfTimeBeanDefinitions() throws IOException {
        assertThat(Files.readString(log)).contains("Starting AOT-processed AgencyHubApplication");
    }

    @Test
    void brandsAreCreatedReadEditedAndListedWithinTheAgencyOnly() {
        WebTestClient admin = asAdminOf(agency);
        WebTestClient otherAdmin = asAdminOf(otherAgency);
        BrandDto created = admin.post().uri("/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Alpenmilch AOT", "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"),
                                Map.of("platform", "mastodon", "url", "https://social.example/@alpenmilch"))))
                .exchange().expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(BrandDto.class).returnResult().getResponseBody();
        String brand = "/v1/brands/" + created.getId();

        admin.get().uri(brand).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.name").isEqualTo("Alpenmilch AOT")
                .jsonPath("$.channels.length()").isEqualTo(2);
        admin.patch().uri(brand).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("industry", "Dairy")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.industry").isEqualTo("Dairy");
        admin.get().uri("/v1/brands?limit=50").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].industry").isEqualTo("Dairy");

        otherAdmin.get().uri(brand).exchange().expectStatus().isNotFound();
        otherAdmin.patch().uri(brand).header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("industry", "Theirs")).exchange().expectStatus().isNotFound();
        otherAdmin.get().uri("/v1/brands?limit=50").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void badInputAndMissingTokensAreRefusedWithProblems() {
        WebTestClient admin = asAdminOf(agency);
        admin.post().uri("/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "No zone", "zone", 7)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.get().uri("/v1/brands?limit=0").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/v1/brands").exchange().expectStatus().isUnauthorized();
        admin.get().uri("/v1/me").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.tenant.id").isEqualTo(agency.id().toString())
                .jsonPath("$.roles[0]").isEqualTo("agency-admin");
    }

    private static WebTestClient asAdminOf(Agency agency) {
        return api.mutate().defaultHeaders(h -> h.setBearerAuth(agency.adminToken())).build();
    }

    /** An agency and its admin, written as the test database's superuser (RLS does not bind it). */
    private static Agency agencyWithAdmin(TestDatabase database, String slugPrefix) throws SQLException {
        Agency created = new Agency(UUID.randomUUID(), slugPrefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID());
        try (Connection connection = database.asAdmin();
             PreparedStatement tenant = connection.prepareStatement(
                     "insert into tenant (id, name, slug, default_zone, locale) "
                             + "values (?, ?, ?, 'Europe/Berlin', 'de-DE')");
             PreparedStatement admin = connection.prepareStatement(
                     "insert into member (tenant_id, user_id, kind, email, display_name, roles, status, home_zone) "
                             + "values (?, ?, 'staff', ?, 'Ada Admin', '{agency-admin}', 'active', 'Europe/Berlin')")) {
            tenant.setObject(1, created.id());
            tenant.setString(2, "Agency " + created.slug());
            tenant.setString(3, created.slug());
            tenant.executeUpdate();
            admin.setObject(1, created.id());
            admin.setObject(2, created.admin());
            admin.setString(3, "admin@" + created.slug() + ".test");
            admin.executeUpdate();
        }
        return created;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReadiness(int managementPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health/readiness")).build();
        long deadline = System.nanoTime() + START_AT_MOST.toNanos();
        while (System.nanoTime() < deadline) {
            if (!backend.isAlive()) {
                throw new AssertionError("The jar ended with " + backend.exitValue() + " while starting:\n" + tail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the management port opens late in the start
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The jar was not ready within " + START_AT_MOST + ":\n" + tail());
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
