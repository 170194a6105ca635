package com.agencyhub.shared.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of agencyhub.keycloak.* and the beans; no Keycloak needed (the admin client connects lazily). */
class KeycloakIdentityConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KeycloakIdentityConfiguration.class);

    @Test
    void createsAdminClientAndDirectoryFromProperties() {
        runner.withPropertyValues(
                        "agencyhub.keycloak.server-url=http://127.0.0.1:8180/",
                        "agencyhub.keycloak.client-secret=s3cret")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Keycloak.class)
                            .hasSingleBean(IdentityDirectory.class);
                    KeycloakProperties properties = context.getBean(KeycloakProperties.class);
                    assertThat(properties.serverUrl()).isEqualTo("http://127.0.0.1:8180");
                    assertThat(properties.realm()).isEqualTo("agencyhub");
                    assertThat(properties.clientId()).isEqualTo("agencyhub-backend");
                    assertThat(properties.invitationClientId()).isEqualTo("agencyhub-web");
                    assertThat(properties.invitationLifespan()).isEqualTo(Duration.ofHours(72));
                    assertThat(properties.toString()).doesNotContain("s3cret");
                });
    }

    @Test
    void bindsTheInvitationLifespan() {
        runner.withPropertyValues(
                        "agencyhub.keycloak.server-url=http://127.0.0.1:8180",
                        "agencyhub.keycloak.client-secret=s3cret",
                        "agencyhub.keycloak.invitation-lifespan=2d")
                .run(context -> assertThat(context.getBean(KeycloakProperties.class).invitationLifespan())
                        .isEqualTo(Duration.ofDays(2)));
    }

    @Test
    void refusesALifespanUnderOneSecond() {
        runner.withPropertyValues(
                        "agencyhub.keycloak.server-url=http://127.0.0.1:8180",
                        "agencyhub.keycloak.client-secret=s3cret",
                        "agencyhub.keycloak.invitation-lifespan=0s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("invitation-lifespan must be at least 1 s"));
    }

    @Test
    void staysOffWithoutServerUrl() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(IdentityDirectory.class));
    }

    @Test
    void failsClearlyWithoutClientSecret() {
        runner.withPropertyValues("agencyhub.keycloak.server-url=http://127.0.0.1:8180")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("agencyhub.keycloak.client-secret is required"));
    }
}
