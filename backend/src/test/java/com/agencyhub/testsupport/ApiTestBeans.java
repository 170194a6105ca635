package com.agencyhub.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** What the API tests add to the application: the in-memory identity directory and contract validation. */
@TestConfiguration
@Import(ContractValidation.class)
class ApiTestBeans {

    @Bean
    @Primary
    InMemoryIdentityDirectory inMemoryIdentityDirectory() {
        return new InMemoryIdentityDirectory();
    }
}
