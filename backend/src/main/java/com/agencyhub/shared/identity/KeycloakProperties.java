package com.agencyhub.shared.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agencyhub.keycloak.*}: where Keycloak is, the confidential client whose service account the backend
 * uses for the admin API, and how invitation emails are sent.
 *
 * @param serverUrl    base URL without {@code /realms/...}, e.g. {@code http://127.0.0.1:8180}
 * @param realm        the platform realm (also the realm the service account lives in)
 * @param clientId     the confidential client with a service account
 * @param clientSecret its secret (dev value in the realm file; production supplies its own)
 * @param invitationClientId  the client an invited user signs in to after setting the password; the invitation's
 *                            redirect URI must be one of its redirect URIs
 * @param invitationLifespan  how long an invitation link stays valid
 */
@ConfigurationProperties("agencyhub.keycloak")
public record KeycloakProperties(String serverUrl,
                                 @DefaultValue("agencyhub") String realm,
                                 @DefaultValue("agencyhub-backend") String clientId,
                                 String clientSecret,
                                 @DefaultValue("agencyhub-web") String invitationClientId,
                                 @DefaultValue("72h") Duration invitationLifespan) {

    public KeycloakProperties {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalArgumentException("agencyhub.keycloak.server-url is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("agencyhub.keycloak.client-secret is required");
        }
        if (invitationLifespan.toSeconds() < 1 || invitationLifespan.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("agencyhub.keycloak.invitation-lifespan must be at least 1 s, was "
                    + invitationLifespan);
        }
        serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    }

    @Override
    public String toString() {
        return "KeycloakProperties[serverUrl=" + serverUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=***, invitationClientId=" + invitationClientId
                + ", invitationLifespan=" + invitationLifespan + "]";
    }
}
