package com.agencyhub.audit.web;

import com.agencyhub.api.model.AuditEventDto;
import com.agencyhub.api.model.AuditEventPageDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The agency's audit trail: filters, pagination, who may read it, isolation between agencies. */
class AuditApiTest extends ApiTest {

    private TestAgency agency;

    @BeforeEach
    void anAgencyWithThreeChanges() {
        agency = newAgency("audited");
        for (int version = 0; version < 3; version++) {
            int current = version;
            http.patch().uri("/v1/agency").headers(h -> {
                        h.setBearerAuth(agency.adminToken());
                        h.setIfMatch("\"" + current + "\"");
                    }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Name " + current))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void eventsAreListedNewestFirstPageByPage() {
        AuditEventPageDto first = list(agency.adminToken(), "?limit=2");
        AuditEventPageDto rest = list(agency.adminToken(), "?limit=10&cursor=" + first.getNextCursor());

        assertThat(first.getItems()).extracting(e -> e.getAfter().get("name")).containsExactly("Name 2", "Name 1");
        // onboarding made the agency and its first member; the admin's first request marked them active
        assertThat(rest.getItems()).extracting(AuditEventDto::getAction)
                .containsExactly("agency.updated", "member.activated", "member.invited", "agency.created");
        assertThat(rest.getNextCursor()).isNull();
        assertThat(first.getItems().get(0).getOccurredAt()).isAfterOrEqualTo(first.getItems().get(1).getOccurredAt());
    }

    @Test
    void eventsAreFilteredByEntityActorAndTime() {
        Instant now = Instant.now();
        assertThat(list(agency.adminToken(), "?actorId=" + agency.admin().value()).getItems()).hasSize(4);
        assertThat(list(agency.adminToken(), "?entityType=brand").getItems()).isEmpty();
        assertThat(list(agency.adminToken(), "?entityId=" + agency.tenant().value()).getItems()).hasSize(4);
        assertThat(list(agency.adminToken(), "?to=" + now.minusSeconds(3600)).getItems()).isEmpty();
        assertThat(list(agency.adminToken(), "?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60))
                .getItems()).hasSize(6);
    }

    @Test
    void badFiltersAreRefusedWithFieldErrors() {
        Instant now = Instant.now();
        expectFieldError(get(agency.adminToken(), "?from=" + now + "&to=" + now.minusSeconds(1)), "to");
        expectFieldError(get(agency.adminToken(), "?entityId=not-a-uuid"), "entityId");
        expectFieldError(get(agency.adminToken(), "?from=yesterday"), "from");
        expectFieldError(get(agency.adminToken(), "?limit=500"), "limit");
        expectFieldError(get(agency.adminToken(), "?cursor=%%%"), "cursor");
        expectFieldError(get(agency.adminToken(), "?entityType=Not%20A%20Type"), "entityType");
    }

    @Test
    void onlyAgencyAdminsReadTheTrail() {
        get(memberToken(agency, Role.AGENCY_MANAGER), "").expectStatus().isForbidden();
        get(memberToken(agency, Role.CLIENT_VIEWER), "").expectStatus().isForbidden();
        http.get().uri("/v1/audit-events").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherAgencySeesNoneOfTheseEvents() {
        TestAgency other = newAgency("curious");

        assertThat(list(other.adminToken(), "?entityId=" + agency.tenant().value()).getItems()).isEmpty();
        assertThat(list(other.adminToken(), "").getItems())
                .extracting(AuditEventDto::getEntityId).containsOnly(other.tenant().value(), other.admin().value());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String token, String query) {
        return http.get().uri("/v1/audit-events" + query).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private AuditEventPageDto list(String token, String query) {
        return get(token, query).expectStatus().isOk().expectBody(AuditEventPageDto.class).returnResult().getResponseBody();
    }
}
