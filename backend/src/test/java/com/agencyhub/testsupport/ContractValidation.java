package com.agencyhub.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Checks every response a test's WebTestClient receives against the OpenAPI contract. */
@TestConfiguration
public class ContractValidation {

    @Bean
    WebTestClientBuilderCustomizer contractValidation() {
        return builder -> builder.filter(OpenApiContract.validatingFilter());
    }
}
