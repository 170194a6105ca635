package com.agencyhub.shared.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.agencyhub.testsupport.keycloak.BackendClient;
import com.agencyhub.testsupport.keycloak.KeycloakBrowser;
import com.agencyhub.testsupport.keycloak.KeycloakServer;
import com.agencyhub.testsupport.keycloak.KeycloakTokens;
import com.agencyhub.testsupport.mail.MailServer;
import com.agencyhub.testsupport.mail.ReceivedEmail;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.JsonNode;

/**
 * Invitations, deactivation, membership removal and role changes of agency members, against the real Keycloak
 * and the real mail server the realm sends to: the invitation email is read from the mail server and its link
 * followed like a browser would.
 */
class KeycloakMemberAccessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(15);
    private static final URI WEB_APP = URI.create("http://localhost:5173/");

    private static String keycloakUrl;
    private static Keycloak adminClient;
    private static IdentityDirectory directory;
    private static OrganizationRef organization;

    @BeforeAll
    static void start() {
        keycloakUrl = KeycloakServer.sharedForTests();
        adminClient = KeycloakIdentityDirectory.adminClient(BackendClient.properties(keycloakUrl));
        directory = new KeycloakIdentityDirectory(() -> adminClient, BackendClient.properties(keycloakUrl));
        String alias = "members-" + suffix();
        organization = directory.ensureOrganization(alias, "Members " + alias).block(TIMEOUT);
    }

    @AfterAll
    static void cleanUp() {
        if (organization != null) {
            directory.deleteOrganization(organization.id()).block(TIMEOUT);
        }
        if (adminClient != null) {
            adminClient.close();
        }
    }

    @Test
    void anInvitedUserSetsAPasswordThroughTheEmailedLinkAndSignsIn() {
        assumeTrue(System.getenv("KEYCLOAK_URL") == null, "the realm's SMTP settings are only known for our own server");
        MailServer mail = MailServer.sharedForTests();
        String email = "invitee-" + suffix() + "@example.test";
        UserRef user = directory.ensureUser(NewUser.of(email, "Ina", "Vitee")).block(TIMEOUT);
        directory.addMember(organization.id(), user.id()).block(TIMEOUT);

        directory.sendInvitation(user.id(), WEB_APP).block(TIMEOUT);
        directory.sendInvitation(user.id(), WEB_APP).block(TIMEOUT); // invited again: another email, no error

        List<ReceivedEmail> emails = mail.awaitEmailsTo(email, 2, MAIL_TIMEOUT);
        assertThat(emails).hasSize(2);
        ReceivedEmail latest = emails.get(1);
        assertThat(latest.to()).containsExactly(email);
        URI link = latest.link("/login-actions/action-token");
        assertThat(link.toString()).startsWith(keycloakUrl + "/realms/" + KeycloakServer.REALM + "/");

        String password = "chosen-" + suffix();
        HttpResponse<String> end = new KeycloakBrowser().setPasswordThroughEmailLink(link, password);

        assertThat(end.statusCode()).as("Keycloak's answer after the password: %s", end.body()).isIn(200, 302);
        JsonNode token = KeycloakTokens.claims(KeycloakTokens.accessToken(keycloakUrl, email, password));
        assertThat(token.path("sub").asString()).isEqualTo(user.id());
        assertThat(token.path("email_verified").asBoolean()).isTrue();
        assertThat(token.path("organization").path(organization.alias()).path("id").asString())
                .isEqualTo(organization.id());
        assertThat(adminClient.realm(KeycloakServer.REALM).users().get(user.id()).toRepresentation()
                .getRequiredActions()).isEmpty();
    }

    @Test
    void disablingEndsSessionsAndRefusesSignInUntilEnabledAgain() {
        String password = "pw-" + suffix();
        UserRef user = userWithPassword(password);
        KeycloakTokens.accessToken(keycloakUrl, user.email(), password);
        UserResource keycloakUser = adminClient.realm(KeycloakServer.REALM).users().get(user.id());
        assertThat(keycloakUser.getUserSessions()).isNotEmpty();

        directory.setEnabled(user.id(), false).block(TIMEOUT);
        directory.setEnabled(user.id(), false).block(TIMEOUT);

        assertThat(keycloakUser.getUserSessions()).isEmpty();
        assertThatThrownBy(() -> KeycloakTokens.accessToken(keycloakUrl, user.email(), password))
                .hasMessageContaining("refused the password grant");
        assertThatThrownBy(() -> directory.sendInvitation(user.id(), WEB_APP).block(TIMEOUT))
                .isInstanceOf(IdentityProviderException.class)
                .satisfies(e -> assertThat(((IdentityProviderException) e).status()).hasValue(400));

        directory.setEnabled(user.id(), true).block(TIMEOUT);

        assertThat(KeycloakTokens.accessToken(keycloakUrl, user.email(), password)).isNotBlank();
        assertThat(keycloakUser.toRepresentation().getFirstName()).isEqualTo("Test");
    }

    @Test
    void aRemovedMembersNewTokensCarryNoOrganization() {
        String password = "pw-" + suffix();
        UserRef user = userWithPassword(password);
        directory.addMember(organization.id(), user.id()).block(TIMEOUT);
        assertThat(tokenClaims(user, password).path("organization").has(organization.alias())).isTrue();

        directory.removeMember(organization.id(), user.id()).block(TIMEOUT);
        directory.removeMember(organization.id(), user.id()).block(TIMEOUT); // no longer a member: nothing to do

        assertThat(tokenClaims(user, password).has("organization")).isFalse();
        assertThat(adminClient.realm(KeycloakServer.REALM).organizations().get(organization.id()).members().getAll())
                .noneMatch(member -> member.getId().equals(user.id()));
    }

    @Test
    void theLegacyRealmWideAgencyRolesAreDeletedAndLeaveTheirHoldersTokens() {
        String password = "pw-" + suffix();
        UserRef user = userWithPassword(password);
        RolesResource roles = adminClient.realm(KeycloakServer.REALM).roles();
        RoleRepresentation legacy = new RoleRepresentation();
        legacy.setName("agency-admin");
        roles.create(legacy); // as an earlier version's realm had it
        adminClient.realm(KeycloakServer.REALM).users().get(user.id()).roles().realmLevel()
                .add(List.of(roles.get("agency-admin").toRepresentation()));
        assertThat(tokenClaims(user, password).path("realm_access").path("roles").toString()).contains("agency-admin");

        List<String> deleted = directory.deleteLegacyAgencyRoles().block(TIMEOUT);
        List<String> again = directory.deleteLegacyAgencyRoles().block(TIMEOUT);

        assertThat(deleted).contains("agency-admin");
        assertThat(again).isEmpty();
        assertThat(roles.list()).extracting(RoleRepresentation::getName)
                .doesNotContainAnyElementsOf(KeycloakIdentityDirectory.LEGACY_AGENCY_ROLES).contains("platform-admin");
        assertThat(tokenClaims(user, password).path("realm_access").path("roles").toString())
                .doesNotContain("agency-admin");
    }

    @Test
    void realPeoplesNamesAreAcceptedAndStoredUnchanged() {
        for (String name : List.of("García (Pepe)", "Jean/Paul", "Smith#2", "& Co", "O'Brien", "Zoë-李")) {
            String email = "named-" + suffix() + "@example.test";
            UserRef user = directory.ensureUser(NewUser.of(email, name, name)).block(TIMEOUT);
            UserRepresentation stored = adminClient.realm(KeycloakServer.REALM).users().get(user.id())
                    .toRepresentation();
            assertThat(List.of(stored.getFirstName(), stored.getLastName())).containsOnly(name);
        }
        assertThatThrownBy(() -> directory.ensureUser(NewUser.of("long-" + suffix() + "@example.test",
                "x".repeat(101), "Long")).block(TIMEOUT))
                .isInstanceOf(IdentityProviderException.class)
                .satisfies(e -> assertThat(((IdentityProviderException) e).status()).hasValue(400));
    }

    @Test
    void aDeletedUserIsGoneAndDeletingAgainIsANoOp() {
        UserRef user = userWithPassword("pw-" + suffix());
        assertThat(directory.addMember(organization.id(), user.id()).block(TIMEOUT)).isTrue();
        assertThat(directory.addMember(organization.id(), user.id()).block(TIMEOUT)).isFalse();

        directory.deleteUser(user.id()).block(TIMEOUT);
        directory.deleteUser(user.id()).block(TIMEOUT);

        assertThat(adminClient.realm(KeycloakServer.REALM).users().search(user.email(), true)).isEmpty();
        assertThat(adminClient.realm(KeycloakServer.REALM).organizations().get(organization.id()).members().getAll())
                .noneMatch(member -> member.getId().equals(user.id()));
    }

    @Test
    void anInvitationToARedirectUriTheWebClientDoesNotAllowIsRefusedByKeycloak() {
        UserRef user = userWithPassword("pw-" + suffix());

        assertThatThrownBy(() -> directory.sendInvitation(user.id(), URI.create("https://evil.example/")).block(TIMEOUT))
                .isInstanceOf(IdentityProviderException.class)
                .satisfies(e -> assertThat(((IdentityProviderException) e).status()).hasValue(400))
                .satisfies(e -> assertThat(((IdentityProviderException) e).isUnavailable()).isFalse());
    }

    // -----------------------------------------------------------------------------------------------------------

    private static UserRef userWithPassword(String password) {
        String email = "member-" + suffix() + "@example.test";
        return directory.ensureUser(NewUser.of(email, "Test", "Member").withInitialPassword(password)
                .withEmailVerified(true)).block(TIMEOUT);
    }

    private static JsonNode tokenClaims(UserRef user, String password) {
        return KeycloakTokens.claims(KeycloakTokens.accessToken(keycloakUrl, user.email(), password));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
