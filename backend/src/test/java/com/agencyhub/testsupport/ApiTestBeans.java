package com.agencyhub.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Duration;

/**
 * What the API tests add to the application: the in-memory identity directory, contract validation and a recorder of
 * what timesheets tells its {@code HoursBooked} listeners.
 */
@TestConfiguration
@Import(ContractValidation.class)
class ApiTestBeans {

    @Bean
    @Primary
    InMemoryIdentityDirectory inMemoryIdentityDirectory() {
        return new InMemoryIdentityDirectory();
    }

    /** Stands for billing's alerts where the tests check what timesheets tells the modules above it. */
    @Bean
    HoursBookedRecorder hoursBookedRecorder() {
        return new HoursBookedRecorder();
    }

    /** The 5 s default is too short when several builds share this machine's two CPUs. */
    @Bean
    WebTestClientBuilderCustomizer patientClient() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(30));
    }
}
