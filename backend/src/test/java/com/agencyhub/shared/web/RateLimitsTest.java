package com.agencyhub.shared.web;

import com.agencyhub.AgencyHubApplication;
import com.agencyhub.testsupport.InMemoryIdentityDirectory;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with two backend instances on one database: the limits hold across both (the buckets live in
 * PostgreSQL), a used-up limit is a 429 problem with Retry-After, and every answer tells the caller's limit.
 */
class RateLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int INVITATIONS_PER_HOUR = 5;
    private static final int REQUESTS_PER_HOUR = 30;

    @Test
    void limitsHoldAcrossTwoInstances() {
        try (ConfigurableApplicationContext first = instance(); ConfigurableApplicationContext second = instance()) {
            List<WebTestClient> instances = List.of(client(first), client(second));
            String slug = "limited-" + UUID.randomUUID().toString().substring(0, 8);
            instances.get(0).post().uri("/v1/agencies").headers(h -> h.setBearerAuth(TestAgency.platformAdminToken()))
                    .bodyValue(Map.of("name", "Limited " + slug, "slug", slug, "defaultZone", "Europe/Berlin",
                            "locale", "de-DE", "admin", Map.of("email", "admin@" + slug + ".test", "firstName", "Ada",
                                    "lastName", "Admin")))
                    .exchange().expectStatus().isCreated();
            String agency = JSON.readTree(instances.get(1).get().uri("/v1/agencies?q=" + slug)
                            .headers(h -> h.setBearerAuth(TestAgency.platformAdminToken())).exchange()
                            .expectBody().returnResult().getResponseBody())
                    .path("items").get(0).path("id").asString();
            String adminId = first.getBean(InMemoryIdentityDirectory.class).user("admin@" + slug + ".test")
                    .or(() -> second.getBean(InMemoryIdentityDirectory.class).user("admin@" + slug + ".test"))
                    .orElseThrow().id();
            String admin = TestTokens.token(UUID.fromString(adminId), "admin@" + slug + ".test", List.of(),
                    Map.of(slug, UUID.fromString(agency)));

            List<Integer> invitations = new ArrayList<>();
            for (int i = 0; i < INVITATIONS_PER_HOUR + 3; i++) {
                EntityExchangeResult<byte[]> answer = instances.get(i % 2).post().uri("/v1/members")
                        .headers(h -> h.setBearerAuth(admin))
                        .bodyValue(Map.of("email", "person" + i + "@" + slug + ".test", "firstName", "P",
                                "lastName", "Erson", "roles", List.of("social-media-manager"), "homeZone",
                                "Europe/Berlin"))
                        .exchange().expectBody().returnResult();
                invitations.add(answer.getStatus().value());
                if (answer.getStatus().value() == 429) {
                    assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
                    assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                }
            }
            assertThat(invitations.stream().filter(status -> status == 201).count())
                    .as("invitations across both instances: %s", invitations).isEqualTo(INVITATIONS_PER_HOUR);
            assertThat(invitations.stream().filter(status -> status == 429).count()).isEqualTo(3);

            int sent = invitations.size();
            int allowed = 0;
            for (int i = 0; i < REQUESTS_PER_HOUR; i++) {
                EntityExchangeResult<byte[]> answer = instances.get(i % 2).get().uri("/v1/me")
                        .headers(h -> h.setBearerAuth(admin)).exchange().expectBody().returnResult();
                if (answer.getStatus().is2xxSuccessful()) {
                    allowed++;
                    assertThat(answer.getResponseHeaders().getFirst("RateLimit-Limit"))
                            .isEqualTo(Integer.toString(REQUESTS_PER_HOUR));
                }
            }
            assertThat(allowed).as("requests of one caller across both instances").isEqualTo(REQUESTS_PER_HOUR - sent);
        }
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private static ConfigurableApplicationContext instance() {
        TestDatabase database = TestDatabase.get();
        SpringApplication application = new SpringApplication(AgencyHubApplication.class, SharedIdentities.class);
        return application.run("--server.port=0", "--management.server.port=", "--spring.profiles.active=test",
                "--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + PostgresBootstrap.APP,
                "--spring.r2dbc.password=" + TestDatabase.APP_PASSWORD,
                "--agencyhub.platform-database.username=" + PostgresBootstrap.PLATFORM,
                "--agencyhub.platform-database.password=" + TestDatabase.PLATFORM_PASSWORD,
                "--spring.flyway.url=" + database.jdbcUrl(), "--spring.flyway.user=" + PostgresBootstrap.OWNER,
                "--spring.flyway.password=" + TestDatabase.OWNER_PASSWORD,
                "--agencyhub.auth.issuer=" + TestTokens.ISSUER, "--agencyhub.auth.audience=" + TestTokens.AUDIENCE,
                "--agencyhub.auth.public-key=" + TestTokens.publicKeyPem(),
                "--agencyhub.rate-limits.identity.capacity=" + INVITATIONS_PER_HOUR,
                "--agencyhub.rate-limits.identity.period=1h",
                "--agencyhub.rate-limits.caller.capacity=" + REQUESTS_PER_HOUR,
                "--agencyhub.rate-limits.caller.period=1h");
    }

    /** Both instances share one stand-in identity provider, as they would share Keycloak. */
    @Configuration(proxyBeanMethods = false)
    static class SharedIdentities {

        private static final InMemoryIdentityDirectory SHARED = new InMemoryIdentityDirectory();

        @Bean
        @Primary
        InMemoryIdentityDirectory inMemoryIdentityDirectory() {
            return SHARED;
        }
    }
}
