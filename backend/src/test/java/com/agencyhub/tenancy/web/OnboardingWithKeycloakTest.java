package com.agencyhub.tenancy.web;

import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.shared.identity.IdentityDirectory;
import com.agencyhub.shared.identity.KeycloakIdentityDirectory;
import com.agencyhub.testsupport.ContractValidation;
import com.agencyhub.testsupport.mail.MailServer;
import com.agencyhub.testsupport.keycloak.Invitations;
import com.agencyhub.testsupport.keycloak.KeycloakServer;
import com.agencyhub.testsupport.keycloak.RealKeycloak;
import com.agencyhub.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path with nothing replaced: a real HTTP server, a real Keycloak issuing the tokens and holding the
 * organizations, the run's PostgreSQL. A platform admin onboards an agency, its new admin signs in and the API
 * knows which agency they belong to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@Import(ContractValidation.class)
class OnboardingWithKeycloakTest {

    private static final String KEYCLOAK_URL = KeycloakServer.sharedForTests();
    private static final MailServer MAIL = MailServer.sharedForTests();

    @Autowired
    WebTestClient http;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    Keycloak keycloakAdmin;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        RealKeycloak.register(registry);
    }

    @Test
    void aPlatformAdminOnboardsAnAgencyWhoseAdminFollowsTheInvitationAndSignsInToIt() {
        assertThat(identity).isInstanceOf(KeycloakIdentityDirectory.class);
        String platformAdmin = KeycloakTokens.accessToken(KEYCLOAK_URL, KeycloakServer.PLATFORM_ADMIN_USERNAME,
                KeycloakServer.PLATFORM_ADMIN_DEV_PASSWORD);
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "owner@" + slug + ".test";
        Map<String, Object> request = Map.of("name", "Agency " + slug, "slug", slug, "defaultZone", "Europe/Vienna",
                "locale", "de-AT", "admin", Map.of("email", adminEmail, "firstName", "Olga", "lastName", "Owner"));

        AgencyDto created = http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(platformAdmin))
                .bodyValue(request).exchange()
                .expectStatus().isCreated()
                .expectBody(AgencyDto.class).returnResult().getResponseBody();
        String organizationId = identity.findOrganization(slug).block().orElseThrow().id();
        assertThat(created.getId()).hasToString(organizationId);

        http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(platformAdmin)).bodyValue(request).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(organizationId);
        assertThat(keycloakAdmin.realm(KeycloakServer.REALM).organizations().search(slug)).hasSize(1);

        String agencyAdmin = acceptInvitation(adminEmail);

        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(agencyAdmin)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tenant.id").isEqualTo(organizationId)
                .jsonPath("$.tenant.slug").isEqualTo(slug)
                .jsonPath("$.email").isEqualTo(adminEmail)
                .jsonPath("$.roles").isEqualTo(List.of("agency-admin"));
        assertThat(MAIL.emailsTo(adminEmail)).as("one invitation, also after the repeated onboarding").hasSize(1);
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(agencyAdmin)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.slug").isEqualTo(slug);
        http.get().uri("/v1/agencies").headers(h -> h.setBearerAuth(agencyAdmin)).exchange()
                .expectStatus().isForbidden();

        String staffEmail = "jonas@" + slug + ".test";
        Map<String, Object> invitation = Map.of("email", staffEmail, "firstName", "Jonas", "lastName", "Weber",
                "roles", List.of("social-media-manager"), "homeZone", "Europe/Vienna");
        http.post().uri("/v1/members").headers(h -> h.setBearerAuth(agencyAdmin)).bodyValue(invitation)
                .exchange().expectStatus().isCreated();
        http.post().uri("/v1/members").headers(h -> h.setBearerAuth(agencyAdmin)).bodyValue(invitation)
                .exchange().expectStatus().isOk();
        String staff = acceptInvitation(staffEmail);
        assertThat(KeycloakTokens.claims(staff).path("realm_access").path("roles").toString())
                .as("agency roles live in our records, not in the token").doesNotContain("social-media-manager");
        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(staff)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("social-media-manager"));
        http.get().uri("/v1/members?status=active").headers(h -> h.setBearerAuth(staff)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].email").value(emails ->
                        assertThat(emails.toString()).contains(adminEmail, staffEmail));

        identity.deleteOrganization(organizationId).block();
    }

    /** Follows the link of the invitation e-mail, chooses a password, and signs in with it. */
    private static String acceptInvitation(String email) {
        return KeycloakTokens.accessToken(KEYCLOAK_URL, email, Invitations.accept(MAIL, email));
    }

    @Test
    void theSpecAndItsDocumentationAreServedWithoutAToken() {
        // the contract is larger than the request-body limit the test client shares with the server
        String spec = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/api/openapi.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(spec).contains("openapi: 3.1");
        http.get().uri("/api/docs/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

}
