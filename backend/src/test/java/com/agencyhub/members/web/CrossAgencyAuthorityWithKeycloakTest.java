package com.agencyhub.members.web;

import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.MemberDto;
import com.agencyhub.shared.identity.IdentityDirectory;
import com.agencyhub.shared.identity.IdentityProviderException;
import com.agencyhub.shared.identity.KeycloakIdentityDirectory;
import com.agencyhub.shared.identity.KeycloakProperties;
import com.agencyhub.shared.identity.NewUser;
import com.agencyhub.shared.identity.OrganizationRef;
import com.agencyhub.shared.identity.UserRef;
import com.agencyhub.testsupport.ContractValidation;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;
import com.agencyhub.testsupport.keycloak.Invitations;
import com.agencyhub.testsupport.keycloak.KeycloakServer;
import com.agencyhub.testsupport.keycloak.RealKeycloak;
import com.agencyhub.testsupport.keycloak.KeycloakTokens;
import com.agencyhub.testsupport.mail.MailServer;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
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
import reactor.core.publisher.Mono;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authority per agency with nothing replaced but one switch to fail an invitation e-mail: a real HTTP server,
 * real Keycloak tokens and organizations, real e-mail, the run's PostgreSQL. What one agency does to a person
 * never changes what that person may do in another; an invitation that fails on either side leaves nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@Import({ContractValidation.class, CrossAgencyAuthorityWithKeycloakTest.FailingInvitations.class})
class CrossAgencyAuthorityWithKeycloakTest {

    private static final String KEYCLOAK_URL = KeycloakServer.sharedForTests();
    private static final MailServer MAIL = MailServer.sharedForTests();
    private static final String ALL_ORGANIZATIONS = "openid organization:*";

    @Autowired
    WebTestClient http;

    @Autowired
    Keycloak keycloakAdmin;

    @Autowired
    FailingInvitations.Switch invitationFailure;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        RealKeycloak.register(registry);
    }

    private record Agency(UUID id, String slug, String adminEmail, String adminPassword) {
    }

    @Test
    void anotherAgencyCanNeitherRaiseNorLowerWhatAPersonMayDoInTheFirst() {
        Agency a = onboard("authority-a");
        Agency b = onboard("authority-b");
        String adminA = token(a.adminEmail(), a.adminPassword(), "openid");
        String adminB = token(b.adminEmail(), b.adminPassword(), "openid");
        UUID brandOfA = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(adminA))
                .bodyValue(Map.of("name", "Brand of A", "zone", "Europe/Berlin", "locale", "de-DE")).exchange()
                .expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody().getId();
        String jonasEmail = "jonas@" + a.slug() + ".test";
        invite(adminA, jonasEmail, "social-media-manager").expectStatus().isCreated();
        String jonasPassword = Invitations.accept(MAIL, jonasEmail);

        // escalation: B makes A's social-media manager an admin of B
        invite(adminB, jonasEmail, "agency-admin").expectStatus().isCreated();
        String jonas = token(jonasEmail, jonasPassword, ALL_ORGANIZATIONS);
        assertThat(KeycloakTokens.claims(jonas).path("organization").propertyNames())
                .containsExactlyInAnyOrder(a.slug(), b.slug());
        assertThat(KeycloakTokens.claims(jonas).path("realm_access").path("roles").toString())
                .doesNotContain("agency-admin");
        get(jonas, a, "/v1/me").expectStatus().isOk().expectBody()
                .jsonPath("$.tenant.id").isEqualTo(a.id().toString())
                .jsonPath("$.roles").isEqualTo(List.of("social-media-manager"))
                .jsonPath("$.agencies.length()").isEqualTo(2);
        get(jonas, a, "/v1/audit-events").expectStatus().isForbidden();
        http.patch().uri("/v1/brands/" + brandOfA).headers(h -> {
            h.setBearerAuth(jonas);
            h.set("X-Agency-Id", a.id().toString());
            h.setIfMatch("\"0\"");
        }).bodyValue(Map.of("notes", "taken over")).exchange().expectStatus().isForbidden();
        http.post().uri("/v1/members").headers(h -> {
            h.setBearerAuth(jonas);
            h.set("X-Agency-Id", a.id().toString());
        }).bodyValue(staff("mallory@" + a.slug() + ".test", "agency-admin")).exchange().expectStatus().isForbidden();
        get(jonas, b, "/v1/audit-events").expectStatus().isOk();
        // one login, both agencies; without the header the API asks which one
        get(jonas, null, "/v1/agency").expectStatus().isForbidden().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Agency-Id"));
        String jonasDefaultScope = token(jonasEmail, jonasPassword, "openid");
        assertThat(KeycloakTokens.claims(jonasDefaultScope).has("organization")).isFalse();
        get(jonasDefaultScope, a, "/v1/agency").expectStatus().isOk();

        // demotion: B invites A's admin, changes their roles in B and deactivates them there
        MemberDto adminOfAInB = invite(adminB, a.adminEmail(), "social-media-manager").expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody();
        http.patch().uri("/v1/members/" + adminOfAInB.getId()).headers(h -> {
            h.setBearerAuth(adminB);
            h.setIfMatch("\"0\"");
        }).bodyValue(Map.of("roles", List.of("agency-manager"))).exchange().expectStatus().isOk();
        http.post().uri("/v1/members/" + adminOfAInB.getId() + "/deactivation").headers(h -> h.setBearerAuth(adminB))
                .exchange().expectStatus().isOk();
        String adminAgain = token(a.adminEmail(), a.adminPassword(), ALL_ORGANIZATIONS);
        get(adminAgain, a, "/v1/me").expectStatus().isOk().expectBody()
                .jsonPath("$.roles").isEqualTo(List.of("agency-admin"));
        get(adminAgain, a, "/v1/audit-events").expectStatus().isOk();
        get(adminAgain, b, "/v1/me").expectStatus().isForbidden();
        get(adminA, null, "/v1/members?kind=staff").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.email == '" + a.adminEmail() + "')].roles[0]").isEqualTo("agency-admin")
                .jsonPath("$.items[?(@.email == '" + jonasEmail + "')].roles[0]").isEqualTo("social-media-manager");
    }

    @Test
    void anInvitationWhoseDatabaseStepFailsLeavesNoAccountNoMembershipAndNoEmail() throws Exception {
        Agency a = onboard("db-fails");
        String admin = token(a.adminEmail(), a.adminPassword(), "openid");
        String email = "refused-" + UUID.randomUUID().toString().substring(0, 8) + "@" + a.slug() + ".test";
        try (Connection owner = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.OWNER,
                TestDatabase.OWNER_PASSWORD); Statement sql = owner.createStatement()) {
            sql.execute("create function refuse_member() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'injected failure'; end $$");
            sql.execute("create trigger refuse_member before insert on member for each row "
                    + "when (new.email = '" + email + "') execute function refuse_member()");
            try {
                invite(admin, email, "social-media-manager").expectStatus().is5xxServerError();
            } finally {
                sql.execute("drop trigger refuse_member on member");
                sql.execute("drop function refuse_member()");
            }
        }
        expectNothingLeftOf(a, admin, email);
    }

    @Test
    void anInvitationWhoseKeycloakStepFailsLeavesNoAccountNoMembershipAndNoMemberRecord() {
        Agency a = onboard("kc-fails");
        String admin = token(a.adminEmail(), a.adminPassword(), "openid");
        String email = "unlucky-" + UUID.randomUUID().toString().substring(0, 8) + "@" + a.slug() + ".test";

        invitationFailure.failNext();
        invite(admin, email, "social-media-manager").expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After");

        expectNothingLeftOf(a, admin, email);
        invite(admin, email, "social-media-manager").expectStatus().isCreated(); // a retry succeeds
        assertThat(MAIL.awaitEmailsTo(email, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void realNamesAreAcceptedEndToEnd() {
        Agency a = onboard("names");
        String admin = token(a.adminEmail(), a.adminPassword(), "openid");
        String email = "pepe@" + a.slug() + ".test";
        http.post().uri("/v1/members").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("email", email, "firstName", "García (Pepe)", "lastName", "O'Brien & Smith/Jones #2",
                        "roles", List.of("social-media-manager"), "homeZone", "Europe/Madrid"))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.displayName").isEqualTo("García (Pepe) O'Brien & Smith/Jones #2");
        var user = keycloakAdmin.realm(KeycloakServer.REALM).users().searchByEmail(email, true).get(0);
        assertThat(user.getFirstName()).isEqualTo("García (Pepe)");
        assertThat(user.getLastName()).isEqualTo("O'Brien & Smith/Jones #2");
        String password = Invitations.accept(MAIL, email);
        get(token(email, password, "openid"), null, "/v1/me").expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("García (Pepe) O'Brien & Smith/Jones #2");
    }

    private void expectNothingLeftOf(Agency agency, String adminToken, String email) {
        assertThat(keycloakAdmin.realm(KeycloakServer.REALM).users().searchByEmail(email, true))
                .as("Keycloak account of %s", email).isEmpty();
        assertThat(keycloakAdmin.realm(KeycloakServer.REALM).organizations().get(agency.id().toString()).members()
                .getAll()).noneMatch(member -> email.equals(member.getEmail()));
        get(adminToken, null, "/v1/members?limit=200").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.email == '" + email + "')]").isEmpty();
        assertThat(MAIL.emailsTo(email)).as("e-mails to %s", email).isEmpty();
    }

    private Agency onboard(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin@" + slug + ".test";
        String platformAdmin = KeycloakTokens.accessToken(KEYCLOAK_URL, KeycloakServer.PLATFORM_ADMIN_USERNAME,
                KeycloakServer.PLATFORM_ADMIN_DEV_PASSWORD);
        AgencyDto created = http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(platformAdmin))
                .bodyValue(Map.of("name", "Agency " + slug, "slug", slug, "defaultZone", "Europe/Berlin",
                        "locale", "de-DE", "admin", Map.of("email", adminEmail, "firstName", "Ada", "lastName", "Admin")))
                .exchange().expectStatus().isCreated().expectBody(AgencyDto.class).returnResult().getResponseBody();
        return new Agency(created.getId(), slug, adminEmail, Invitations.accept(MAIL, adminEmail));
    }

    private static String token(String email, String password, String scope) {
        return KeycloakTokens.accessToken(KEYCLOAK_URL, email, password, scope);
    }

    private WebTestClient.ResponseSpec get(String token, Agency agency, String path) {
        return http.get().uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (agency != null) {
                h.set("X-Agency-Id", agency.id().toString());
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec invite(String token, String email, String role) {
        return http.post().uri("/v1/members").headers(h -> h.setBearerAuth(token)).bodyValue(staff(email, role))
                .exchange();
    }

    private static Map<String, Object> staff(String email, String role) {
        return Map.of("email", email, "firstName", "Jonas", "lastName", "Weber", "roles", List.of(role),
                "homeZone", "Europe/Berlin");
    }

    /** The real Keycloak directory, with a switch that fails the next invitation e-mail as a Keycloak outage. */
    @TestConfiguration
    static class FailingInvitations {

        static final class Switch {
            private volatile boolean failNext;

            void failNext() {
                failNext = true;
            }
        }

        @Bean
        Switch invitationFailureSwitch() {
            return new Switch();
        }

        @Bean
        @Primary
        IdentityDirectory failingInvitations(Keycloak keycloak, KeycloakProperties properties, Switch failure) {
            KeycloakIdentityDirectory real = new KeycloakIdentityDirectory(() -> keycloak, properties);
            return new IdentityDirectory() {
                @Override
                public Mono<OrganizationRef> ensureOrganization(String alias, String name) {
                    return real.ensureOrganization(alias, name);
                }

                @Override
                public Mono<Optional<OrganizationRef>> findOrganization(String alias) {
                    return real.findOrganization(alias);
                }

                @Override
                public Mono<Void> deleteOrganization(String organizationId) {
                    return real.deleteOrganization(organizationId);
                }

                @Override
                public Mono<UserRef> ensureUser(NewUser user) {
                    return real.ensureUser(user);
                }

                @Override
                public Mono<Void> deleteUser(String userId) {
                    return real.deleteUser(userId);
                }

                @Override
                public Mono<Boolean> addMember(String organizationId, String userId) {
                    return real.addMember(organizationId, userId);
                }

                @Override
                public Mono<Void> removeMember(String organizationId, String userId) {
                    return real.removeMember(organizationId, userId);
                }

                @Override
                public Mono<Void> sendInvitation(String userId, URI redirectUri) {
                    if (failure.failNext) {
                        failure.failNext = false;
                        return Mono.error(new IdentityProviderException("send invitation (injected outage)", 0, null));
                    }
                    return real.sendInvitation(userId, redirectUri);
                }

                @Override
                public Mono<Void> setEnabled(String userId, boolean enabled) {
                    return real.setEnabled(userId, enabled);
                }

                @Override
                public Mono<List<String>> deleteLegacyAgencyRoles() {
                    return real.deleteLegacyAgencyRoles();
                }
            };
        }
    }
}
