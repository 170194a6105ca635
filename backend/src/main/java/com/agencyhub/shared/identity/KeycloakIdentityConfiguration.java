package com.agencyhub.shared.identity;

import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Keycloak admin client (service account of {@code agencyhub.keycloak.client-id}) and the
 * {@link IdentityDirectory} on top of it. Active when {@code agencyhub.keycloak.server-url} is set, so slices and
 * tests without Keycloak still start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "agencyhub.keycloak", name = "server-url")
@EnableConfigurationProperties(KeycloakProperties.class)
public class KeycloakIdentityConfiguration {

    /** Made at the first call that needs it, not at the start (closed at the end only if it was made). */
    @Bean(destroyMethod = "close")
    @Lazy
    Keycloak keycloakAdminClient(KeycloakProperties properties) {
        return KeycloakIdentityDirectory.adminClient(properties);
    }

    @Bean
    IdentityDirectory identityDirectory(ObjectProvider<Keycloak> keycloakAdminClient, KeycloakProperties properties) {
        return new KeycloakIdentityDirectory(keycloakAdminClient::getObject, properties);
    }
}
