package com.agencyhub.members.web;

import com.agencyhub.api.model.MemberDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** /v1/me tells callers who they are, for which agency, with which roles. */
class MeApiTest extends ApiTest {

    @Test
    void staffSeeThemselvesAndTheirAgency() {
        TestAgency agency = newAgency("me");
        UUID manager = newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);

        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(agency.tokenFor(manager)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.userId").isEqualTo(manager.toString())
                .jsonPath("$.tenant.id").isEqualTo(agency.tenant().value().toString())
                .jsonPath("$.tenant.slug").isEqualTo(agency.slug())
                .jsonPath("$.tenant.name").isEqualTo("Agency " + agency.slug())
                .jsonPath("$.roles[0]").isEqualTo("agency-manager")
                .jsonPath("$.brandScope").isEmpty();
    }

    @Test
    void anotherAgencysTokenSeesOnlyThatAgency() {
        TestAgency first = newAgency("me-first");
        TestAgency second = newAgency("me-second");

        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(second.adminToken())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.tenant.id").isEqualTo(second.tenant().value().toString())
                .jsonPath("$.tenant.slug").isEqualTo(second.slug());
        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(first.adminToken())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.tenant.slug").isEqualTo(first.slug());
    }

    @Test
    void platformAdminsHaveNoAgency() {
        http.get().uri("/v1/me").headers(h -> h.setBearerAuth(TestAgency.platformAdminToken())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.tenant").isEmpty()
                .jsonPath("$.roles[0]").isEqualTo("platform-admin")
                .jsonPath("$.agencies").isEmpty();
    }

    @Test
    void aPersonInTwoAgenciesNamesTheAgencyOfEachRequest() {
        TestAgency first = newAgency("me-one");
        TestAgency second = newAgency("me-two");
        UUID person = newStaffMember(first, "Kim", "Lorenz", Role.SOCIAL_MEDIA_MANAGER);
        UUID same = http.post().uri("/v1/members").headers(h -> h.setBearerAuth(second.adminToken()))
                .bodyValue(Map.of("email", "kim.lorenz@" + first.slug() + ".test", "firstName", "Kim",
                        "lastName", "Lorenz", "roles", List.of("agency-manager"), "homeZone", "Europe/Berlin"))
                .exchange().expectStatus().isCreated().expectBody(MemberDto.class).returnResult().getResponseBody()
                .getId();
        assertThat(same).isEqualTo(person);
        String both = TestTokens.token(person, "kim", List.of(), Map.of(first.slug(), first.tenant().value(),
                second.slug(), second.tenant().value()));
        String noClaim = TestTokens.token(person, "kim", List.of(), Map.of());

        me(both, second.tenant().toString()).expectStatus().isOk().expectBody()
                .jsonPath("$.tenant.id").isEqualTo(second.tenant().toString())
                .jsonPath("$.roles").isEqualTo(List.of("agency-manager"))
                .jsonPath("$.agencies.length()").isEqualTo(2)
                .jsonPath("$.agencies[?(@.agency.id == '" + first.tenant() + "')].roles[0]")
                .isEqualTo("social-media-manager");
        me(both, first.tenant().toString()).expectStatus().isOk().expectBody()
                .jsonPath("$.roles").isEqualTo(List.of("social-media-manager"));
        me(noClaim, first.tenant().toString()).expectStatus().isOk();
        for (String token : List.of(both, noClaim)) {
            me(token, null).expectStatus().isOk().expectBody()
                    .jsonPath("$.tenant").isEmpty()
                    .jsonPath("$.roles").isEmpty()
                    .jsonPath("$.agencies.length()").isEqualTo(2);
            http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden().expectBody()
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Agency-Id"));
        }
        me(both, newAgency("me-three").tenant().toString()).expectStatus().isForbidden().expectBody()
                .jsonPath("$.detail").isEqualTo("You have no access to this agency.");
        me(first.adminToken(), second.tenant().toString()).expectStatus().isForbidden();
        me(both, "not-an-agency").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("X-Agency-Id");
    }

    @Test
    void withoutAnOrganizationClaimTheOneAgencyOfOurRecordsIsUsed() {
        TestAgency agency = newAgency("me-records");
        UUID person = newStaffMember(agency, "Ola", "Only");
        String noClaim = TestTokens.token(person, "ola", List.of(), Map.of());

        me(noClaim, null).expectStatus().isOk().expectBody()
                .jsonPath("$.tenant.id").isEqualTo(agency.tenant().toString())
                .jsonPath("$.roles").isEqualTo(List.of("social-media-manager"));
        me(TestTokens.token(UUID.randomUUID(), "nobody", List.of(), Map.of()), null).expectStatus().isOk()
                .expectBody().jsonPath("$.tenant").isEmpty().jsonPath("$.agencies").isEmpty()
                .jsonPath("$.roles").isEmpty();
    }

    private WebTestClient.ResponseSpec me(String token, String agency) {
        return http.get().uri("/v1/me").headers(h -> {
            h.setBearerAuth(token);
            if (agency != null) {
                h.set("X-Agency-Id", agency);
            }
        }).exchange();
    }
}
