package com.agencyhub.members.web;

import com.agencyhub.shared.db.DatabaseNotifications;
import com.agencyhub.testsupport.BackendInstances;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each backend instance keeps recent callers' grants in memory. A change of someone's authority made through one
 * instance (roles, deactivation, a client user's brands) takes effect on the other within a second, also after the
 * other instance lost its listening connection to PostgreSQL.
 */
class GrantsAcrossInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static WebTestClient one;
    private static WebTestClient two;
    private static BackendInstances.Onboarded agency;

    @BeforeAll
    static void twoInstances() {
        first = BackendInstances.start();
        second = BackendInstances.start();
        one = BackendInstances.client(first);
        two = BackendInstances.client(second);
        agency = BackendInstances.onboard(one, "grants");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aPromotionReachesTheOtherInstanceWithinASecond() {
        String lea = staff("lea", "social-media-manager");
        assertThat(status(two, lea, "/v1/audit-events")).isEqualTo(403);
        // the second instance caches only while it listens for changes; after another test ended its listening
        // connection it may still be reconnecting, so wait (longer than the propagation bound) until it does
        double hitsBefore = grantHits(second);
        long started = System.nanoTime();
        while (grantHits(second) <= hitsBefore) {
            assertThat(status(two, lea, "/v1/brands")).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the second instance answers from its cached grant").isLessThan(Duration.ofSeconds(30));
            sleep();
        }

        UUID leaId = memberId("lea");
        change(one.patch().uri("/v1/members/" + leaId).headers(h -> h.setIfMatch(etag(one, "/v1/members/" + leaId)))
                .bodyValue(Map.of("roles", List.of("agency-admin"))));

        assertWithin(() -> status(two, lea, "/v1/audit-events") == 200, "the promotion on the second instance");
    }

    @Test
    void aDeactivationReachesTheOtherInstanceWithinASecond() {
        String jonas = staff("jonas", "agency-manager");
        assertThat(status(one, jonas, "/v1/brands")).isEqualTo(200);
        assertThat(status(one, jonas, "/v1/brands")).isEqualTo(200);

        change(two.post().uri("/v1/members/" + memberId("jonas") + "/deactivation"));

        assertWithin(() -> status(one, jonas, "/v1/brands") == 403, "the deactivation on the first instance");
    }

    @Test
    void aClientUsersNewBrandReachesTheOtherInstanceWithinASecond() {
        UUID alpenmilch = brand("Alpenmilch");
        UUID bergquell = brand("Bergquell");
        String email = "julia-" + UUID.randomUUID().toString().substring(0, 6) + "@client.test";
        JsonNode client = body(one.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", email, "firstName", "Julia", "lastName", "Ortega",
                        "brandIds", List.of(alpenmilch)))
                .exchange().expectStatus().isCreated());
        String julia = agency.tokenFor(UUID.fromString(client.path("id").asString()), email);
        assertThat(status(two, julia, "/v1/brands/" + bergquell)).isEqualTo(404);
        assertThat(status(two, julia, "/v1/brands/" + alpenmilch)).isEqualTo(200);

        change(one.put().uri("/v1/client-users/" + client.path("id").asString() + "/brands")
                .bodyValue(Map.of("brandIds", List.of(alpenmilch, bergquell))));

        assertWithin(() -> status(two, julia, "/v1/brands/" + bergquell) == 200, "the new brand on the second instance");
    }

    @Test
    void aLostListeningConnectionDoesNotLetAStaleGrantThrough() throws SQLException {
        String kim = staff("kim", "agency-admin");
        assertThat(status(two, kim, "/v1/audit-events")).isEqualTo(200);
        assertThat(status(two, kim, "/v1/audit-events")).isEqualTo(200);

        int ended = terminateListeners();
        assertThat(ended).as("listening connections ended").isGreaterThanOrEqualTo(2);
        UUID kimId = memberId("kim");
        change(one.patch().uri("/v1/members/" + kimId).headers(h -> h.setIfMatch(etag(one, "/v1/members/" + kimId)))
                .bodyValue(Map.of("roles", List.of("social-media-manager"))));

        assertWithin(() -> status(two, kim, "/v1/audit-events") == 403, "the demotion on the second instance");
        assertWithin(() -> listeners() >= ended, "listening again");
    }

    private static String staff(String name, String role) {
        String email = name + "-" + agency.slug() + "@staff.test";
        JsonNode member = body(one.post().uri("/v1/members").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", email, "firstName", name, "lastName", "Staff", "roles", List.of(role),
                        "homeZone", "Europe/Berlin"))
                .exchange().expectStatus().isCreated());
        return agency.tokenFor(UUID.fromString(member.path("id").asString()), email);
    }

    private static UUID memberId(String name) {
        String email = name + "-" + agency.slug() + "@staff.test";
        return UUID.fromString(BackendInstances.identities().user(email).orElseThrow().id());
    }

    private static UUID brand(String name) {
        return UUID.fromString(body(one.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6),
                        "zone", "Europe/Berlin", "locale", "de-DE"))
                .exchange().expectStatus().isCreated()).path("id").asString());
    }

    private static String etag(WebTestClient instance, String path) {
        return instance.get().uri(path).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseHeaders().getETag();
    }

    /** Sends an admin's change and returns when it is committed (the answer arrived). */
    private static void change(WebTestClient.RequestHeadersSpec<?> request) {
        request.headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().is2xxSuccessful();
    }

    private static int status(WebTestClient instance, String token, String path) {
        return instance.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().returnResult().getStatus().value();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody().returnResult().getResponseBody());
    }

    private static void assertWithin(java.util.function.BooleanSupplier condition, String what) {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(what).isLessThan(WITHIN);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double grantHits(ConfigurableApplicationContext instance) {
        FunctionCounter hits = instance.getBean(MeterRegistry.class).find("cache.gets")
                .tags("cache", "member-grants", "result", "hit").functionCounter();
        return hits == null ? 0 : hits.count();
    }

    /** Ends every listening connection; the application role may end its own sessions. */
    private static int terminateListeners() throws SQLException {
        return count("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = '" + DatabaseNotifications.APPLICATION_NAME + "'");
    }

    private static int listeners() {
        try {
            return count("select count(*) from pg_stat_activity where application_name = '"
                    + DatabaseNotifications.APPLICATION_NAME + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.APP,
                TestDatabase.APP_PASSWORD); ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }
}
