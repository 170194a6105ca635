package com.agencyhub.testsupport;

import com.agencyhub.testsupport.db.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the API tests: one Spring context for all of them (same configuration, so Spring caches it), on
 * the run's PostgreSQL with RLS and the application role, trusting {@link TestTokens}; Keycloak is replaced by
 * {@link InMemoryIdentityDirectory} here and used for real in the Keycloak tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@Import(ApiTest.FakeIdentity.class)
public abstract class ApiTest {

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected InMemoryIdentityDirectory identity;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
        registry.add("agencyhub.auth.issuer", () -> TestTokens.ISSUER);
        registry.add("agencyhub.auth.audience", () -> TestTokens.AUDIENCE);
        registry.add("agencyhub.auth.public-key", TestTokens::publicKeyPem);
    }

    @TestConfiguration
    static class FakeIdentity {
        @Bean
        @Primary
        InMemoryIdentityDirectory inMemoryIdentityDirectory() {
            return new InMemoryIdentityDirectory();
        }
    }
}
