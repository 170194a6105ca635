package com.agencyhub.shared.web;

import com.agencyhub.testsupport.BackendInstances;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with two backend instances on one database: the limits hold across both (the buckets live in
 * PostgreSQL), a used-up limit is a 429 problem with Retry-After, and every answer tells the caller's limit.
 */
class RateLimitsTest {

    private static final int INVITATIONS_PER_HOUR = 5;
    private static final int REQUESTS_PER_HOUR = 30;

    @Test
    void limitsHoldAcrossTwoInstances() {
        try (ConfigurableApplicationContext first = instance(); ConfigurableApplicationContext second = instance()) {
            List<WebTestClient> instances = List.of(BackendInstances.client(first), BackendInstances.client(second));
            BackendInstances.Onboarded agency = BackendInstances.onboard(instances.get(0), "limited");
            String slug = agency.slug();
            String admin = agency.adminToken();

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

    private static ConfigurableApplicationContext instance() {
        return BackendInstances.start(
                "--agencyhub.rate-limits.identity.capacity=" + INVITATIONS_PER_HOUR,
                "--agencyhub.rate-limits.identity.period=1h",
                "--agencyhub.rate-limits.caller.capacity=" + REQUESTS_PER_HOUR,
                "--agencyhub.rate-limits.caller.period=1h");
    }
}
