package com.agencyhub.shared.db;

import com.agencyhub.AgencyHubApplication;
import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarts under a write load, over real HTTP: while it is down the API answers 503 (never 500), every
 * write it answered 201 is in the database afterwards, and it serves again by itself without a restart of its own.
 * Runs on a PostgreSQL of its own, so the other tests never see the outage.
 */
class DatabaseRestartTest {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    @TempDir
    Path data;

    @Test
    void aRestartLosesNoAcknowledgedWriteAndTheApiRecovers() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = start(port);
        String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/agencyhub_restart";
        PostgresBootstrap.prepare(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                "agencyhub_restart", "owner-pw", "app-pw", "platform-pw");
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "");
        properties.put("spring.profiles.active", "test");
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/agencyhub_restart");
        properties.put("spring.r2dbc.username", PostgresBootstrap.APP);
        properties.put("spring.r2dbc.password", "app-pw");
        properties.put("agencyhub.platform-database.username", PostgresBootstrap.PLATFORM);
        properties.put("agencyhub.platform-database.password", "platform-pw");
        properties.put("spring.flyway.url", jdbcUrl);
        properties.put("spring.flyway.user", PostgresBootstrap.OWNER);
        properties.put("spring.flyway.password", "owner-pw");
        properties.put("agencyhub.auth.issuer", TestTokens.ISSUER);
        properties.put("agencyhub.auth.audience", TestTokens.AUDIENCE);
        properties.put("agencyhub.auth.public-key", TestTokens.publicKeyPem());
        SpringApplication application = new SpringApplication(AgencyHubApplication.class, NoKeycloak.class);
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            int apiPort = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + apiPort)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            String slug = "restart-" + UUID.randomUUID().toString().substring(0, 8);
            AgencyDto agency = http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(TestAgency.platformAdminToken()))
                    .bodyValue(Map.of("name", "Restart", "slug", slug, "defaultZone", "Europe/Berlin", "locale",
                            "de-DE", "admin", Map.of("email", "admin@" + slug + ".test", "firstName", "Ada",
                                    "lastName", "Admin")))
                    .exchange().expectStatus().isCreated().expectBody(AgencyDto.class).returnResult()
                    .getResponseBody();
            UUID admin = UUID.fromString(context.getBean(com.agencyhub.testsupport.InMemoryIdentityDirectory.class)
                    .user("admin@" + slug + ".test").orElseThrow().id());
            String token = new TestAgency(new com.agencyhub.shared.TenantId(agency.getId()), slug,
                    new com.agencyhub.shared.UserId(admin)).adminToken();

            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            Thread load = new Thread(() -> {
                while (writing.get()) {
                    EntityExchangeResult<byte[]> answer = http.post().uri("/v1/brands")
                            .headers(h -> h.setBearerAuth(token))
                            .bodyValue(Map.of("name", "Brand " + counter.incrementAndGet(), "zone", "Europe/Berlin",
                                    "locale", "de-DE"))
                            .exchange().expectBody().returnResult();
                    statuses.computeIfAbsent(answer.getStatus().value(), status -> new AtomicInteger())
                            .incrementAndGet();
                    if (answer.getStatus().value() == 201) {
                        acknowledged.add(UUID.fromString(JSON.readTree(answer.getResponseBody()).path("id").asString()));
                    }
                }
            });
            load.start();
            Thread.sleep(1500);
            postgres.close();
            Thread.sleep(2000);
            postgres = start(port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int before = acknowledged.size();
            while (acknowledged.size() < before + 20 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            writing.set(false);
            load.join(Duration.ofSeconds(30).toMillis());

            System.out.printf("Database restart under load: answers by status %s%n", statuses);
            assertThat(statuses.keySet()).as("statuses answered").isSubsetOf(Set.of(201, 503));
            assertThat(statuses.get(503)).as("503 while the database was down").isNotNull();
            assertThat(acknowledged.size()).as("writes acknowledged after the restart").isGreaterThan(before);
            assertThat(brandsIn(jdbcUrl, agency.getId())).containsAll(acknowledged);
        } finally {
            postgres.close();
        }
    }

    /** The identity provider does not matter here: the in-memory one of the API tests. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class NoKeycloak {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        com.agencyhub.testsupport.InMemoryIdentityDirectory inMemoryIdentityDirectory() {
            return new com.agencyhub.testsupport.InMemoryIdentityDirectory();
        }
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static Set<UUID> brandsIn(String jdbcUrl, UUID tenant) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection owner = DriverManager.getConnection(jdbcUrl, PostgresBootstrap.OWNER, "owner-pw");
             Statement sql = owner.createStatement()) {
            sql.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            try (ResultSet rows = sql.executeQuery("select id from brand")) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
