package com.agencyhub.tenancy.web;

import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency's own settings: who may read and change them, optimistic concurrency, tenant isolation. */
class OwnAgencyApiTest extends ApiTest {

    private TestAgency agency;

    @BeforeEach
    void anAgency() {
        agency = newAgency("own");
    }

    @Test
    void staffReadTheirOwnAgencyWithItsETag() {
        for (Role role : List.of(Role.AGENCY_ADMIN, Role.AGENCY_MANAGER, Role.SOCIAL_MEDIA_MANAGER)) {
            http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(memberToken(agency, role)))
                    .exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"0\"")
                    .expectBody().jsonPath("$.id").isEqualTo(agency.tenant().value().toString());
        }
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(memberToken(agency, Role.CLIENT_VIEWER)))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anAdminChangesTheAgencyWithIfMatchAndTheChangeIsAudited() {
        AgencyDto updated = patch(agency.adminToken(), "\"0\"", Map.of("name", "Renamed", "defaultZone", "America/New_York"))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(AgencyDto.class).returnResult().getResponseBody();

        assertThat(updated.getName()).isEqualTo("Renamed");
        assertThat(updated.getDefaultZone()).isEqualTo("America/New_York");
        assertThat(updated.getLocale()).isEqualTo("de-DE");
        http.get().uri("/v1/audit-events?entityType=agency&entityId=" + agency.tenant().value())
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].action").isEqualTo("agency.updated")
                .jsonPath("$.items[0].before.name").isEqualTo("Agency " + agency.slug())
                .jsonPath("$.items[0].after.name").isEqualTo("Renamed")
                .jsonPath("$.items[0].actor.id").isEqualTo(agency.admin().value().toString())
                .jsonPath("$.items[1].action").isEqualTo("agency.created");
    }

    @Test
    void updatesWithoutOrWithAStaleETagAreRefusedAndChangeNothing() {
        patch(agency.adminToken(), null, Map.of("name", "No precondition")).expectStatus().isEqualTo(428);
        patch(agency.adminToken(), "\"7\"", Map.of("name", "Stale")).expectStatus().isEqualTo(412);
        patch(agency.adminToken(), "W/\"0\"", Map.of("name", "Weak")).expectStatus().isEqualTo(412);

        assertThat(own(agency.adminToken()).getName()).isEqualTo("Agency " + agency.slug());
        assertThat(own(agency.adminToken()).getVersion()).isZero();
    }

    @Test
    void invalidChangesAreRefusedWithFieldErrorsAndChangeNothing() {
        expectFieldError(patch(agency.adminToken(), "\"0\"", Map.of("defaultZone", "GMT+2")), "defaultZone");
        expectFieldError(patch(agency.adminToken(), "\"0\"", Map.of("locale", "??")), "locale");
        expectFieldError(patch(agency.adminToken(), "\"0\"", Map.of("name", "   ")), "name");
        patch(agency.adminToken(), "\"0\"", Map.of()).expectStatus().isBadRequest();
        expectFieldError(patch(agency.adminToken(), "\"0\"", Map.of("defaultzone", "Europe/Paris")), "defaultzone");
        expectFieldError(patch(agency.adminToken(), "\"0\"", Map.of("name", 42)), "name"); // a number is no text
        expectFieldError(patch(agency.adminToken(), "\"0\"", Map.of("locale", List.of("de"))), "locale");

        AgencyDto unchanged = own(agency.adminToken());
        assertThat(unchanged.getVersion()).isZero();
        assertThat(unchanged.getDefaultZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void onlyAgencyAdminsChangeTheAgency() {
        patch(memberToken(agency, Role.AGENCY_MANAGER), "\"0\"", Map.of("name", "Manager was here"))
                .expectStatus().isForbidden();
        assertThat(own(agency.adminToken()).getName()).isEqualTo("Agency " + agency.slug());
    }

    @Test
    void anotherAgencysTokenReachesOnlyThatAgency() {
        TestAgency other = newAgency("other");

        assertThat(own(other.adminToken()).getId()).isEqualTo(other.tenant().value());
        patch(other.adminToken(), "\"0\"", Map.of("name", "Other renamed")).expectStatus().isOk();

        assertThat(own(agency.adminToken()).getName()).isEqualTo("Agency " + agency.slug());
    }

    @Test
    void tokensWithoutExactlyOneAgencyAreRefused() {
        // a realm role in the token counts for nothing: agency roles live in member records
        String noAgency = TestTokens.token(UUID.randomUUID(), "nobody@example.test", List.of("agency-admin"), Map.of());
        String twoAgencies = TestTokens.token(UUID.randomUUID(), "both@example.test", List.of("agency-admin"),
                Map.of(agency.slug(), agency.tenant().value(), "elsewhere", UUID.randomUUID()));

        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(noAgency)).exchange().expectStatus().isForbidden();
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(twoAgencies)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("several"));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec patch(String token, String ifMatch,
                                                                                       Map<String, Object> body) {
        return http.patch().uri("/v1/agency")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private AgencyDto own(String token) {
        return http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(AgencyDto.class).returnResult().getResponseBody();
    }
}
