package com.agencyhub.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Checks every response a test's WebTestClient receives against the OpenAPI contract. The timeout is
 * generous because the first request of a run warms up jOOQ, the pool and the JIT on a 2-core machine.
 */
@TestConfiguration
public class ContractValidation {

    @Bean
    WebTestClientBuilderCustomizer contractValidation() {
        return builder -> builder.filter(OpenApiContract.validatingFilter()).responseTimeout(Duration.ofSeconds(30));
    }
}
