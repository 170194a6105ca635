package com.agencyhub.members.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;

import java.util.UUID;

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
                .jsonPath("$.roles[0]").isEqualTo("platform-admin");
    }
}
