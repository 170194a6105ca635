package com.agencyhub.shared.web;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser front ends on configured origins may call the API; other origins may not. */
class CorsApiTest extends ApiTest {

    private static final String FRONT_END = "http://localhost:5173";

    /** An absolute request URL, as a real server sees it: CORS compares the origin with the request's host. */
    private WebTestClient server() {
        return http.mutate().baseUrl("http://api.agencyhub.test").build();
    }

    @Test
    void aConfiguredOriginPassesThePreflightWithTheHeadersTheApiNeeds() {
        server().options().uri("/v1/brands").headers(h -> {
                    h.setOrigin(FRONT_END);
                    h.setAccessControlRequestMethod(HttpMethod.PATCH);
                    h.set(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, if-match, x-agency-id");
                }).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowed -> assertThat(allowed.toLowerCase())
                        .contains("authorization", "if-match", "x-agency-id"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        TestAgency agency = newAgency("cors");
        server().get().uri("/v1/agency").headers(h -> {
                    h.setOrigin(FRONT_END);
                    h.setBearerAuth(agency.adminToken());
                }).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("ETag"));
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndItsPreflightIsRefused() {
        server().options().uri("/v1/brands").headers(h -> {
                    h.setOrigin("https://evil.example");
                    h.setAccessControlRequestMethod(HttpMethod.GET);
                }).exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        server().get().uri("/v1/me").headers(h -> {
                    h.setOrigin("https://evil.example");
                    h.setBearerAuth(TestAgency.platformAdminToken());
                }).exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
