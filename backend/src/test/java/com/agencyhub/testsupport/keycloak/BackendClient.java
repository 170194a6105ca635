package com.agencyhub.testsupport.keycloak;

import com.agencyhub.shared.identity.KeycloakProperties;
import java.time.Duration;

/** The backend's admin-client settings for the test Keycloak ({@code KEYCLOAK_BACKEND_CLIENT_SECRET} when set). */
public final class BackendClient {

    /** Invitation links in tests need not live as long as the 72 h default. */
    private static final Duration INVITATION_LIFESPAN = Duration.ofHours(1);

    private BackendClient() {
    }

    public static KeycloakProperties properties(String keycloakUrl) {
        return properties(keycloakUrl, secret());
    }

    public static KeycloakProperties properties(String keycloakUrl, String clientSecret) {
        return new KeycloakProperties(keycloakUrl, KeycloakServer.REALM, KeycloakServer.BACKEND_CLIENT_ID,
                clientSecret, KeycloakServer.WEB_CLIENT_ID, INVITATION_LIFESPAN);
    }

    private static String secret() {
        String secret = System.getenv("KEYCLOAK_BACKEND_CLIENT_SECRET");
        return secret == null || secret.isBlank() ? KeycloakServer.BACKEND_CLIENT_DEV_SECRET : secret;
    }
}
