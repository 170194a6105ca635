package com.agencyhub.members.web;

import com.agencyhub.api.model.MemberDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Client users: invited for brands, they see those brands and nothing else, and the scope can change. */
class ClientUsersApiTest extends ApiTest {

    private TestAgency agency;
    private UUID alpenmilch;
    private UUID bergquell;

    @BeforeEach
    void agencyWithTwoBrands() {
        agency = newAgency("clients");
        alpenmilch = newBrand(agency, "Alpenmilch");
        bergquell = newBrand(agency, "Bergquell");
    }

    @Test
    void aManagerInvitesAClientUserWhoSeesOnlyTheirBrand() {
        String manager = memberToken(agency, Role.AGENCY_MANAGER);

        MemberDto client = invite(manager, "julia@alpenmilch.test", List.of(alpenmilch)).expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody();

        assertThat(client.getKind().getValue()).isEqualTo("client");
        assertThat(client.getRoles()).extracting(role -> role.getValue()).containsExactly("client-viewer");
        assertThat(client.getBrandScope()).containsExactly(alpenmilch);
        assertThat(client.getHomeZone()).isNull();
        assertThat(identity.invitations(client.getId().toString())).hasSize(1);

        String token = agency.tokenFor(client.getId());
        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.brandScope").isEqualTo(List.of(alpenmilch.toString()));
        http.get().uri("/v1/brands/" + alpenmilch).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        http.get().uri("/v1/brands/" + bergquell).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theScopeChangesWithTheNextRequest() {
        MemberDto client = created("scope@alpenmilch.test", List.of(alpenmilch));
        String token = agency.tokenFor(client.getId());

        scope(agency.adminToken(), client.getId(), List.of(bergquell)).expectStatus().isOk()
                .expectBody().jsonPath("$.brandScope").isEqualTo(List.of(bergquell.toString()));

        http.get().uri("/v1/brands/" + alpenmilch).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v1/brands/" + bergquell).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    @Test
    void unknownForeignAndOffboardedBrandsAreRefusedAndNothingIsCreated() {
        TestAgency other = newAgency("rival");
        UUID foreign = newBrand(other, "Foreign");
        UUID offboarded = newBrand(agency, "Gone");
        http.post().uri("/v1/brands/" + offboarded + "/status").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "offboarded"))
                .exchange().expectStatus().isOk();

        for (UUID brand : List.of(UUID.randomUUID(), foreign, offboarded)) {
            expectFieldError(invite(agency.adminToken(), "nobody@client.test", List.of(alpenmilch, brand)), "brandIds");
        }
        expectFieldError(invite(agency.adminToken(), "nobody@client.test", List.of()), "brandIds");
        expectFieldError(invite(agency.adminToken(), "not an email", List.of(alpenmilch)), "email");

        assertThat(identity.user("nobody@client.test")).isEmpty();
        MemberDto client = created("kept@alpenmilch.test", List.of(alpenmilch));
        expectFieldError(scope(agency.adminToken(), client.getId(), List.of(foreign)), "brandIds");
        http.get().uri("/v1/members/" + client.getId()).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectBody().jsonPath("$.brandScope").isEqualTo(List.of(alpenmilch.toString()));
    }

    @Test
    void staffAndClientUsersDoNotMix() {
        MemberDto client = created("mix@alpenmilch.test", List.of(alpenmilch));

        http.post().uri("/v1/members").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", "mix@alpenmilch.test", "firstName", "M", "lastName", "X",
                        "roles", List.of("agency-manager"), "homeZone", "Europe/Berlin"))
                .exchange().expectStatus().isEqualTo(409);
        http.patch().uri("/v1/members/" + client.getId()).headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).bodyValue(Map.of("roles", List.of("agency-admin"))).exchange().expectStatus().isBadRequest();
        scope(agency.adminToken(), agency.admin().value(), List.of(alpenmilch)).expectStatus().isNotFound();
        assertThat(invite(agency.adminToken(), "MIX@alpenmilch.test", List.of(bergquell)).expectStatus().isOk()
                .expectBody(MemberDto.class).returnResult().getResponseBody().getBrandScope())
                .as("an existing client user's scope is not changed by inviting again").containsExactly(alpenmilch);
    }

    @Test
    void whoMayInviteAndAnotherAgencySeesNothing() {
        MemberDto client = created("who@alpenmilch.test", List.of(alpenmilch));
        String socialMediaManager = memberToken(agency, Role.SOCIAL_MEDIA_MANAGER);
        String clientToken = agency.tokenFor(client.getId());

        invite(socialMediaManager, "x@client.test", List.of(alpenmilch)).expectStatus().isForbidden();
        invite(clientToken, "x@client.test", List.of(alpenmilch)).expectStatus().isForbidden();
        scope(clientToken, client.getId(), List.of(bergquell)).expectStatus().isForbidden();
        http.get().uri("/v1/members/" + client.getId()).headers(h -> h.setBearerAuth(socialMediaManager)).exchange()
                .expectStatus().isNotFound();

        TestAgency other = newAgency("outsider");
        scope(other.adminToken(), client.getId(), List.of(newBrand(other, "Theirs"))).expectStatus().isNotFound();
        http.get().uri("/v1/members/" + client.getId()).headers(h -> h.setBearerAuth(other.adminToken())).exchange()
                .expectStatus().isNotFound();
        expectFieldError(invite(other.adminToken(), "who@alpenmilch.test", List.of(alpenmilch)), "brandIds");
    }

    private MemberDto created(String email, List<UUID> brands) {
        return invite(agency.adminToken(), email, brands).expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec invite(String token, String email, List<UUID> brands) {
        return http.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("email", email, "firstName", "Julia", "lastName", "Ortega", "brandIds", brands))
                .exchange();
    }

    private WebTestClient.ResponseSpec scope(String token, UUID member, List<UUID> brands) {
        return http.put().uri("/v1/client-users/" + member + "/brands").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("brandIds", brands)).exchange();
    }
}
