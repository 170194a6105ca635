package com.agencyhub.testsupport;

import com.agencyhub.AgencyHubApplication;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backend instances of their own, over real HTTP, on the run's database and trusting the test tokens: for what
 * several instances must share (rate limits, the eviction of cached grants, the outbox, escalations). They share one
 * stand-in identity provider, as real instances share Keycloak. Each has Netty resources of its own, so that closing
 * one leaves the others running, as closing a process would. Close each one.
 */
public final class BackendInstances {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BackendInstances() {
    }

    /** Starts an instance; {@code settings} ({@code --name=value}) come on top of the test profile. */
    public static ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=",
                "--spring.profiles.active=test"));
        arguments.addAll(onTheRunsDatabaseTrustingTestTokens());
        arguments.addAll(List.of(settings));
        return new SpringApplication(AgencyHubApplication.class, SharedIdentities.class, OwnNettyResources.class)
                .run(arguments.toArray(String[]::new));
    }

    /** The settings ({@code --name=value}) of a backend on the run's database that trusts the test tokens. */
    public static List<String> onTheRunsDatabaseTrustingTestTokens() {
        TestDatabase database = TestDatabase.get();
        return List.of("--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + PostgresBootstrap.APP,
                "--spring.r2dbc.password=" + TestDatabase.APP_PASSWORD,
                "--agencyhub.platform-database.username=" + PostgresBootstrap.PLATFORM,
                "--agencyhub.platform-database.password=" + TestDatabase.PLATFORM_PASSWORD,
                "--spring.flyway.url=" + database.jdbcUrl(), "--spring.flyway.user=" + PostgresBootstrap.OWNER,
                "--spring.flyway.password=" + TestDatabase.OWNER_PASSWORD,
                "--agencyhub.auth.issuer=" + TestTokens.ISSUER, "--agencyhub.auth.audience=" + TestTokens.AUDIENCE,
                "--agencyhub.auth.public-key=" + TestTokens.publicKeyPem());
    }

    public static WebTestClient client(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** An agency onboarded through an instance, with its first admin's token. */
    public record Onboarded(UUID id, String slug, String adminToken) {

        /** A token of a member of this agency (no roles in it: roles come from our records). */
        public String tokenFor(UUID user, String email) {
            return TestTokens.token(user, email, List.of(), Map.of(slug, id));
        }
    }

    /**
     * Onboards a new agency through {@code instance}, as a platform admin of its own: the rate-limit buckets live in
     * the shared database, and an instance with small limits must not shrink those of the usual platform admin.
     */
    public static Onboarded onboard(WebTestClient instance, String slugPrefix) {
        String slug = slugPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin@" + slug + ".test";
        String platformAdmin = TestTokens.token(UUID.randomUUID(), "platform-admin@" + slug + ".test",
                List.of(Role.PLATFORM_ADMIN.claimValue()), Map.of());
        byte[] created = instance.post().uri("/v1/agencies")
                .headers(h -> h.setBearerAuth(platformAdmin))
                .bodyValue(Map.of("name", "Agency " + slug, "slug", slug, "defaultZone", "Europe/Berlin",
                        "locale", "de-DE", "admin", Map.of("email", adminEmail, "firstName", "Ada",
                                "lastName", "Admin")))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        UUID agency = UUID.fromString(JSON.readTree(created).path("id").asString());
        UUID admin = UUID.fromString(identities().user(adminEmail).orElseThrow().id());
        return new Onboarded(agency, slug, TestTokens.token(admin, adminEmail, List.of(), Map.of(slug, agency)));
    }

    /** The identity provider every instance started here uses. */
    public static InMemoryIdentityDirectory identities() {
        return SharedIdentities.SHARED;
    }

    /**
     * By default every application context in a JVM serves on Reactor Netty's global event loops and stops them when
     * it closes, which would cut the connections of every other instance in the test's JVM.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    @TestConfiguration(proxyBeanMethods = false) // not picked up by the component scan of other tests
    static class SharedIdentities {

        private static final InMemoryIdentityDirectory SHARED = new InMemoryIdentityDirectory();

        @Bean
        @Primary
        InMemoryIdentityDirectory inMemoryIdentityDirectory() {
            return SHARED;
        }
    }
}
