package com.agencyhub.testsupport.keycloak;

import com.agencyhub.testsupport.db.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test application at the run's PostgreSQL and the run's real Keycloak: its tokens, its admin API. */
public final class RealKeycloak {

    private RealKeycloak() {
    }

    /** Registers the settings and returns the Keycloak base URL. */
    public static String register(DynamicPropertyRegistry registry) {
        String keycloakUrl = KeycloakServer.sharedForTests();
        TestDatabase.get().register(registry);
        String issuer = keycloakUrl + "/realms/" + KeycloakServer.REALM;
        registry.add("agencyhub.auth.issuer", () -> issuer);
        registry.add("agencyhub.auth.jwk-set-uri", () -> issuer + "/protocol/openid-connect/certs");
        registry.add("agencyhub.keycloak.server-url", () -> keycloakUrl);
        return keycloakUrl;
    }
}
