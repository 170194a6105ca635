package com.agencyhub.shared.web;

import com.agencyhub.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators reach without a token (probes, metrics), and problems for paths nobody serves. */
class OperationsEndpointsTest extends ApiTest {

    @Test
    void livenessAndReadinessIncludingTheDatabaseAreUp() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownPathsAndMethodsAnswerProblems() {
        http.get().uri("/v1/nothing-here").headers(h -> h.setBearerAuth(com.agencyhub.testsupport.TestAgency.platformAdminToken()))
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/v1/me").headers(h -> h.setBearerAuth(com.agencyhub.testsupport.TestAgency.platformAdminToken()))
                .exchange().expectStatus().isEqualTo(405).expectHeader().exists("Allow");
    }
}
