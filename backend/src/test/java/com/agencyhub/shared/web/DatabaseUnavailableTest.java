package com.agencyhub.shared.web;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A database that cannot be reached is a 503 problem with Retry-After, not a 500: the failure here is the real
 * one the PostgreSQL driver raises for a server that is not listening.
 */
class DatabaseUnavailableTest {

    @Test
    void aRefusedDatabaseConnectionIsA503WithRetryAfter() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Throwable refused = catchThrowable(() -> Mono.from(ConnectionFactories.get(ConnectionFactoryOptions.parse(
                "r2dbc:postgresql://agencyhub_app:x@127.0.0.1:" + closedPort + "/agencyhub")).create())
                .block(Duration.ofSeconds(10)));
        assertThat(refused).isNotNull();

        ApiProblem problem = new ProblemHandling(null).toProblem(
                MockServerWebExchange.from(MockServerHttpRequest.get("/v1/brands")), refused);

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.type().toString()).endsWith("/database-unavailable");
        assertThat(problem.retryAfterSeconds()).hasValue(5);
    }
}
