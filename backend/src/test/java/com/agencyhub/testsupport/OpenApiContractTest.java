package com.agencyhub.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract check itself must be able to fail, or the API tests prove nothing about the contract. */
class OpenApiContractTest {

    @Test
    void aBodyThatBreaksTheSchemaFails() {
        assertThatThrownBy(() -> check(HttpStatus.OK, "application/json", "{\"userId\": 42}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("breaks the contract");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> check(HttpStatus.I_AM_A_TEAPOT, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not list");
    }

    @Test
    void aProblemTypeTheContractDoesNotListFails() {
        assertThatThrownBy(() -> check(HttpStatus.UNAUTHORIZED, "application/problem+json",
                "{\"type\":\"https://agencyhub.dev/problems/internal\",\"title\":\"Oops\",\"status\":401}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("problem type");
    }

    @Test
    void aMatchingProblemPasses() {
        assertThatCode(() -> check(HttpStatus.UNAUTHORIZED, "application/problem+json",
                "{\"type\":\"https://agencyhub.dev/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401}"))
                .doesNotThrowAnyException();
    }

    private static void check(HttpStatus status, String contentType, String body) {
        ClientResponse response = ClientResponse.create(status).header(HttpHeaders.CONTENT_TYPE, contentType)
                .body(body).build();
        OpenApiContract.check(HttpMethod.GET, "/v1/me", response, body);
    }
}
