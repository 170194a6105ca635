package com.agencyhub.members.web;

import com.agencyhub.api.model.BrandTeamDto;
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

/** A brand's team of responsible members and deputies, and what it does for the brand's readiness. */
class BrandTeamApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private UUID jonas;
    private UUID lea;

    @BeforeEach
    void agencyWithABrandAndTwoStaff() {
        agency = newAgency("teamed");
        brand = newBrand(agency, "Alpenmilch");
        jonas = newStaffMember(agency, "Jonas", "Weber");
        lea = newStaffMember(agency, "Lea", "Weber");
    }

    @Test
    void theTeamIsSetReadInOrderAuditedAndCompletesTheReadinessRequirement() {
        readiness().jsonPath("$.requirements[?(@.requirement == 'responsible-and-deputy')].done").isEqualTo(List.of(false))
                .jsonPath("$.requirements[?(@.requirement == 'responsible-and-deputy')].reason")
                .isEqualTo(List.of("no one is assigned to the brand"));

        BrandTeamDto team = put(agency.adminToken(), List.of(assignment(lea, "deputy"), assignment(jonas, "responsible")))
                .expectStatus().isOk().expectBody(BrandTeamDto.class).returnResult().getResponseBody();

        assertThat(team.getAssignments()).extracting(a -> a.getDisplayName() + ":" + a.getResponsibility().getValue())
                .containsExactly("Jonas Weber:responsible", "Lea Weber:deputy");
        readiness().jsonPath("$.requirements[?(@.requirement == 'responsible-and-deputy')].done").isEqualTo(List.of(true));
        put(agency.adminToken(), List.of(assignment(jonas, "responsible"), assignment(lea, "deputy"))).expectStatus().isOk();
        http.get().uri("/v1/brands/" + brand + "/audit-events?entityType=brand").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.action == 'brand.team-changed')].id")
                .value(ids -> assertThat((List<?>) ids).as("the unchanged second PUT records nothing").hasSize(1))
                .jsonPath("$.items[0].action").isEqualTo("brand.team-changed")
                .jsonPath("$.items[0].after." + jonas).isEqualTo("responsible");
    }

    @Test
    void aDeactivatedMemberDropsOutOfTheTeam() {
        put(agency.adminToken(), List.of(assignment(jonas, "responsible"), assignment(lea, "deputy"))).expectStatus().isOk();

        http.post().uri("/v1/members/" + lea + "/deactivation").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();

        get(agency.adminToken()).expectStatus().isOk().expectBody().jsonPath("$.assignments.length()").isEqualTo(1);
        readiness().jsonPath("$.requirements[?(@.requirement == 'responsible-and-deputy')].reason")
                .isEqualTo(List.of("no deputy is assigned"));
    }

    @Test
    void invalidTeamsAreRefusedAndChangeNothing() {
        put(agency.adminToken(), List.of(assignment(jonas, "responsible"))).expectStatus().isOk();
        MemberDto client = http.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", "c@client.test", "firstName", "C", "lastName", "Lient", "brandIds", List.of(brand)))
                .exchange().expectStatus().isCreated().expectBody(MemberDto.class).returnResult().getResponseBody();

        expectFieldError(put(agency.adminToken(), List.of(assignment(jonas, "responsible"), assignment(jonas, "deputy"))),
                "assignments[1].memberId");
        expectFieldError(put(agency.adminToken(), List.of(assignment(UUID.randomUUID(), "deputy"))), "assignments[0].memberId");
        expectFieldError(put(agency.adminToken(), List.of(assignment(client.getId(), "deputy"))), "assignments[0].memberId");
        put(agency.adminToken(), List.of(assignment(lea, "boss"))).expectStatus().isBadRequest();
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"assignments\": \"everyone\"}").exchange()
                .expectStatus().isBadRequest();

        get(agency.adminToken()).expectBody().jsonPath("$.assignments.length()").isEqualTo(1)
                .jsonPath("$.assignments[0].memberId").isEqualTo(jonas.toString());
    }

    @Test
    void anOffboardedBrandsTeamIsReadOnly() {
        http.post().uri("/v1/brands/" + brand + "/status").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).bodyValue(Map.of("status", "offboarded")).exchange().expectStatus().isOk();

        put(agency.adminToken(), List.of(assignment(jonas, "responsible"))).expectStatus().isEqualTo(409);
    }

    @Test
    void whoMaySeeAndChangeTheTeam() {
        put(agency.adminToken(), List.of(assignment(jonas, "responsible"))).expectStatus().isOk();
        UUID otherBrand = newBrand(agency, "Bergquell");
        String inScope = clientViewer(agency, brand);
        String outOfScope = clientViewer(agency, otherBrand);
        String socialMediaManager = agency.tokenFor(jonas);
        TestAgency other = newAgency("foreign");

        get(inScope).expectStatus().isOk().expectBody().jsonPath("$.assignments[0].displayName").isEqualTo("Jonas Weber");
        get(outOfScope).expectStatus().isNotFound();
        get(socialMediaManager).expectStatus().isOk();
        get(other.adminToken()).expectStatus().isNotFound();
        http.get().uri("/v1/brands/" + UUID.randomUUID() + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isNotFound();

        put(inScope, List.of()).expectStatus().isForbidden();
        put(socialMediaManager, List.of()).expectStatus().isForbidden();
        put(other.adminToken(), List.of()).expectStatus().isNotFound();
        put(memberToken(agency, Role.AGENCY_MANAGER), List.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.assignments.length()").isEqualTo(0);
    }


    private static Map<String, Object> assignment(UUID member, String responsibility) {
        return Map.of("memberId", member, "responsibility", responsibility);
    }

    private WebTestClient.ResponseSpec put(String token, List<Map<String, Object>> assignments) {
        return http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("assignments", assignments)).exchange();
    }

    private WebTestClient.ResponseSpec get(String token) {
        return http.get().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.BodyContentSpec readiness() {
        return http.get().uri("/v1/brands/" + brand + "/readiness").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody();
    }
}
