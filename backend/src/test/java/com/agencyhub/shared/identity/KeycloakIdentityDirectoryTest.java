package com.agencyhub.shared.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agencyhub.testsupport.keycloak.BackendClient;
import com.agencyhub.testsupport.keycloak.KeycloakServer;
import com.agencyhub.testsupport.keycloak.KeycloakTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.MemberRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link KeycloakIdentityDirectory} against a real Keycloak with the agencyhub realm ({@link KeycloakServer},
 * or KEYCLOAK_URL with KEYCLOAK_BACKEND_CLIENT_SECRET), and the tokens Keycloak then issues to agencyhub-web.
 */
class KeycloakIdentityDirectoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static String keycloakUrl;
    private static Keycloak adminClient;
    private static KeycloakIdentityDirectory directory;
    private static final List<String> organizationsToDelete = new ArrayList<>();

    @BeforeAll
    static void startKeycloak() {
        keycloakUrl = KeycloakServer.sharedForTests();
        adminClient = KeycloakIdentityDirectory.adminClient(BackendClient.properties(keycloakUrl));
        directory = new KeycloakIdentityDirectory(() -> adminClient, BackendClient.properties(keycloakUrl));
    }

    @AfterAll
    static void cleanUp() {
        if (directory != null) {
            organizationsToDelete.forEach(id -> directory.deleteOrganization(id).block(TIMEOUT));
        }
        if (adminClient != null) {
            adminClient.close();
        }
    }

    @Test
    void onboardsAnAgencyAndItsAdminWhoseTokenCarriesOrganizationAudienceAndRole() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String alias = "acme-" + suffix;
        String email = "Ada.Admin+" + suffix + "@Acme.example";

        OrganizationRef first = directory.ensureOrganization(alias, "ACME Social " + suffix).block(TIMEOUT);
        organizationsToDelete.add(first.id());
        OrganizationRef second = directory.ensureOrganization(alias, "ACME Social " + suffix).block(TIMEOUT);

        assertThat(first.id()).matches("[0-9a-f-]{36}");
        assertThat(second).isEqualTo(first);
        assertThat(first.alias()).isEqualTo(alias);
        assertThat(first.name()).isEqualTo("ACME Social " + suffix);
        assertThat(directory.findOrganization(alias).block(TIMEOUT)).contains(first);
        assertThat(adminClient.realm(KeycloakServer.REALM).organizations().getAll())
                .filteredOn(o -> alias.equals(o.getAlias())).hasSize(1);
        // the lookup's fast path: the alias attribute written on create is searchable with q=
        assertThat(adminClient.realm(KeycloakServer.REALM).organizations()
                .searchByAttribute(KeycloakIdentityDirectory.ALIAS_ATTRIBUTE + ":" + alias))
                .extracting(o -> o.getId()).containsExactly(first.id());

        NewUser newUser = NewUser.of(email, "Ada", "Admin").withInitialPassword("dev-password-" + suffix)
                .withEmailVerified(true);
        UserRef created = directory.ensureUser(newUser).block(TIMEOUT);
        UserRef again = directory.ensureUser(newUser).block(TIMEOUT);

        assertThat(created.created()).isTrue();
        assertThat(created.email()).isEqualTo(email.toLowerCase());
        assertThat(again).isEqualTo(new UserRef(created.id(), created.email(), false));

        assertThat(directory.addMember(first.id(), created.id()).block(TIMEOUT)).isTrue();
        assertThat(directory.addMember(first.id(), created.id()).block(TIMEOUT)).isFalse();
        List<MemberRepresentation> members =
                adminClient.realm(KeycloakServer.REALM).organizations().get(first.id()).members().getAll();
        assertThat(members).extracting(MemberRepresentation::getId).containsExactly(created.id());

        JsonNode token = passwordGrant(created.email(), "dev-password-" + suffix);
        System.out.println("Decoded access token of an organization member (agencyhub-web, password grant):\n"
                + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(token));

        assertThat(token.path("iss").asString()).isEqualTo(keycloakUrl + "/realms/" + KeycloakServer.REALM);
        assertThat(token.path("sub").asString()).isEqualTo(created.id());
        assertThat(token.path("azp").asString()).isEqualTo(KeycloakServer.WEB_CLIENT_ID);
        assertThat(token.path("preferred_username").asString()).isEqualTo(created.email());
        assertThat(token.path("email").asString()).isEqualTo(created.email());
        assertThat(token.path("name").asString()).isEqualTo("Ada Admin");
        assertThat(strings(token.path("aud"))).contains(KeycloakServer.API_AUDIENCE);
        assertThat(strings(token.path("realm_access").path("roles")))
                .contains("default-roles-agencyhub")
                .doesNotContain("platform-admin", "agency-admin");
        JsonNode organization = token.path("organization");
        assertThat(organization.isObject()).as("organization claim is a JSON object: %s", organization).isTrue();
        assertThat(organization.propertyNames()).containsExactly(alias);
        assertThat(organization.path(alias).path("id").asString()).isEqualTo(first.id());
        long lifetime = token.path("exp").asLong() - token.path("iat").asLong();
        assertThat(lifetime).isEqualTo(900);

        directory.deleteOrganization(first.id()).block(TIMEOUT);
        directory.deleteOrganization(first.id()).block(TIMEOUT); // idempotent
        organizationsToDelete.remove(first.id());
        assertThat(directory.findOrganization(alias).block(TIMEOUT)).isEqualTo(Optional.empty());
        assertThat(passwordGrant(created.email(), "dev-password-" + suffix).has("organization")).isFalse();
    }

    @Test
    void platformAdminTokenCarriesPlatformAdminAndNoOrganization() throws Exception {
        JsonNode token = passwordGrant(KeycloakServer.PLATFORM_ADMIN_USERNAME, KeycloakServer.PLATFORM_ADMIN_DEV_PASSWORD);
        System.out.println("Decoded access token of the platform admin:\n"
                + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(token));

        assertThat(strings(token.path("realm_access").path("roles"))).contains("platform-admin");
        assertThat(token.has("organization")).isFalse();
        assertThat(strings(token.path("aud"))).contains(KeycloakServer.API_AUDIENCE);
        assertThat(token.path("preferred_username").asString()).isEqualTo(KeycloakServer.PLATFORM_ADMIN_USERNAME);
        assertThat(token.path("email").asString()).isEqualTo(KeycloakServer.PLATFORM_ADMIN_USERNAME);
        assertThat(token.path("name").asString()).isEqualTo("Platform Admin");
        assertThat(token.path("sub").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void findOrganizationOfUnknownAliasIsEmpty() {
        assertThat(directory.findOrganization("no-such-" + UUID.randomUUID()).block(TIMEOUT)).isEmpty();
    }

    @Test
    void wrongClientSecretIsAnIdentityProviderErrorWithoutTheSecret() {
        String wrongSecret = "wrong-secret-" + UUID.randomUUID();
        KeycloakProperties wrongProperties = BackendClient.properties(keycloakUrl, wrongSecret);
        try (Keycloak client = KeycloakIdentityDirectory.adminClient(wrongProperties)) {
            IdentityDirectory wrong = new KeycloakIdentityDirectory(() -> client, wrongProperties);

            assertThatThrownBy(() -> wrong.findOrganization("anything").block(TIMEOUT))
                    .isInstanceOf(IdentityProviderException.class)
                    .hasMessageNotContaining(wrongSecret)
                    .satisfies(e -> assertThat(((IdentityProviderException) e).status()).hasValue(401));
        }
    }

    @Test
    void unreachableKeycloakIsUnavailable() {
        KeycloakProperties nowhere = BackendClient.properties("http://127.0.0.1:1", "secret");
        try (Keycloak client = KeycloakIdentityDirectory.adminClient(nowhere)) {
            IdentityDirectory unreachable = new KeycloakIdentityDirectory(() -> client, nowhere);

            assertThatThrownBy(() -> unreachable.ensureOrganization("x", "X").block(TIMEOUT))
                    .isInstanceOf(IdentityProviderException.class)
                    .satisfies(e -> assertThat(((IdentityProviderException) e).isUnavailable()).isTrue())
                    .satisfies(e -> assertThat(((IdentityProviderException) e).status()).isEmpty());
        }
    }

    // -----------------------------------------------------------------------------------------------------------

    /** The decoded access-token payload of the user. */
    private static JsonNode passwordGrant(String username, String password) {
        return KeycloakTokens.claims(KeycloakTokens.accessToken(keycloakUrl, username, password));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asString());
        }
        return values;
    }
}
