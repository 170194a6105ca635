package com.agencyhub.shared.web;

import com.agencyhub.testsupport.db.TestDatabase;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: probes and metrics answer on the management port only, never on the API port; long lines and
 * headers reach the API; CORS for configured browser origins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@ActiveProfiles("test")
class ManagementPortTest {

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
        TestTokens.register(registry);
    }

    @Test
    void longUrlsAndHeadersGetProblemsFromTheApiNotBareRefusals() {
        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://localhost:" + apiPort).build();
        api.get().uri("/v1/brands?cursor=" + "c".repeat(20_000))
                .headers(h -> h.setBearerAuth(TestAgency.platformAdminToken())).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(400, 403))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/v1/me").headers(h -> {
                    h.setBearerAuth(TestAgency.platformAdminToken());
                    h.set("X-Padding", "p".repeat(20_000));
                }).exchange()
                .expectStatus().isOk();
    }

    @Test
    void browsersOnAConfiguredOriginMayCallTheApiOthersMayNot() {
        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://localhost:" + apiPort).build();
        api.options().uri("/v1/brands").headers(h -> {
                    h.setOrigin("http://localhost:5173");
                    h.setAccessControlRequestMethod(org.springframework.http.HttpMethod.GET);
                    h.set("Access-Control-Request-Headers", "authorization, x-agency-id");
                }).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
        api.options().uri("/v1/brands").headers(h -> {
                    h.setOrigin("https://elsewhere.example");
                    h.setAccessControlRequestMethod(org.springframework.http.HttpMethod.GET);
                }).exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void metricsAndProbesAreOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(apiPort);
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://localhost:" + apiPort).build();

        String metrics = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        api.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/actuator/health/readiness").exchange().expectStatus().isNotFound();
    }
}
