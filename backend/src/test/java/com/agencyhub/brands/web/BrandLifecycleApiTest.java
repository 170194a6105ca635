package com.agencyhub.brands.web;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BrandPageDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Status transitions, readiness, export, offboarding and the brand's own audit trail. */
class BrandLifecycleApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;

    @BeforeEach
    void aBrandInOnboarding() {
        agency = newAgency("lifecycle");
        brand = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(BrandsApiTest.alpenmilch("Alpenmilch"))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody()
                .getId();
    }

    @Test
    void readinessListsEveryRequirementWithWhatIsMissing() {
        get(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER), "/readiness").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ready").isEqualTo(false)
                .jsonPath("$.requirements.length()").isEqualTo(5)
                .jsonPath("$.requirements[0].requirement").isEqualTo("approved-strategy")
                .jsonPath("$.requirements[4].requirement").isEqualTo("responsible-and-deputy")
                .jsonPath("$.requirements[?(@.done == true)]").isEmpty()
                .jsonPath("$.requirements[0].reason").isEqualTo("no strategy version is approved")
                .jsonPath("$.requirements[1].reason").isEqualTo("no guidelines are published")
                .jsonPath("$.requirements[2].requirement").isEqualTo("roster-coverage")
                .jsonPath("$.requirements[2].reason").isEqualTo("needs an approved strategy with coverage windows")
                .jsonPath("$.requirements[3].requirement").isEqualTo("active-contract")
                .jsonPath("$.requirements[3].reason").isEqualTo("needs a contract active for "
                        + YearMonth.now(ZoneId.of("Europe/Berlin")))
                .jsonPath("$.requirements[4].reason").isEqualTo("no one is assigned to the brand");
        get(clientViewer(agency, brand), "/readiness").expectStatus().isForbidden();
    }

    @Test
    void activationIsRefusedWithWhatIsMissingUnlessAnAdminForcesItWithAReason() {
        String manager = memberToken(agency, Role.AGENCY_MANAGER);
        status(manager, "\"0\"", Map.of("status", "active")).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://agencyhub.dev/problems/brand-not-ready")
                .jsonPath("$.requirements.length()").isEqualTo(5)
                .jsonPath("$.requirements[1].requirement").isEqualTo("guidelines-acknowledged");
        status(manager, "\"0\"", Map.of("status", "active", "force", true, "reason", "Launch")).expectStatus().isForbidden();
        expectFieldError(status(agency.adminToken(), "\"0\"", Map.of("status", "active", "force", true)), "reason");

        status(agency.adminToken(), "\"0\"", Map.of("status", "active", "force", true, "reason", "Launch on Monday"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("active");

        get(agency.adminToken(), "/audit-events").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].action").isEqualTo("brand.status-changed")
                .jsonPath("$.items[0].before.status").isEqualTo("onboarding")
                .jsonPath("$.items[0].after.status").isEqualTo("active")
                .jsonPath("$.items[0].after.reason").isEqualTo("Launch on Monday")
                .jsonPath("$.items[0].after.forced").isEqualTo(true)
                .jsonPath("$.items[0].after.missing.length()").isEqualTo(5);
    }

    @Test
    void transitionsFollowTheLifecycleAndOffboardedBrandsAreReadOnlyAndHidden() {
        status(agency.adminToken(), "\"0\"", Map.of("status", "paused")).expectStatus().isEqualTo(409);
        status(agency.adminToken(), "\"0\"", Map.of("status", "onboarding")).expectStatus().isEqualTo(409);
        status(agency.adminToken(), null, Map.of("status", "offboarded")).expectStatus().isEqualTo(428);
        status(agency.adminToken(), "\"5\"", Map.of("status", "offboarded")).expectStatus().isEqualTo(412);

        status(agency.adminToken(), "\"0\"", Map.of("status", "offboarded", "reason", "Contract ended"))
                .expectStatus().isOk();

        status(agency.adminToken(), "\"1\"", Map.of("status", "active", "force", true, "reason", "Back"))
                .expectStatus().isEqualTo(409);
        http.patch().uri("/v1/brands/" + brand).headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"1\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Revived")).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(list("")).isEmpty();
        assertThat(list("?status=offboarded")).extracting(BrandDto::getName).containsExactly("Alpenmilch");
        get(agency.adminToken(), "").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("offboarded");
    }

    @Test
    void theExportHoldsTheBrandAndItsAuditTrailForAdminsOnly() {
        http.get().uri("/v1/brands/" + brand + "/export").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.format").isEqualTo("agencyhub.brand-export/1")
                .jsonPath("$.brand.id").isEqualTo(brand.toString())
                .jsonPath("$.brand.notes").isEqualTo("Informal tone.")
                .jsonPath("$.brand.channels.length()").isEqualTo(2)
                .jsonPath("$.sections.auditEvents.length()").isEqualTo(1)
                .jsonPath("$.sections.auditEvents[0].action").isEqualTo("brand.created");
        get(memberToken(agency, Role.AGENCY_MANAGER), "/export").expectStatus().isForbidden();
    }

    @Test
    void clientUsersReadTheBrandTrailOnlyWhenTheBrandSharesIt() {
        String client = clientViewer(agency, brand);
        String outOfScope = clientViewer(agency, newBrand(agency, "Someone else's"));
        get(client, "/audit-events").expectStatus().isNotFound();

        http.patch().uri("/v1/brands/" + brand).headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("clientSeesAudit", true)).exchange()
                .expectStatus().isOk();

        get(client, "/audit-events").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].after.clientSeesAudit").isEqualTo(true);
        get(outOfScope, "/audit-events").expectStatus().isNotFound();
        get(memberToken(agency, Role.AGENCY_MANAGER), "/audit-events").expectStatus().isForbidden();
        expectFieldError(get(agency.adminToken(), "/audit-events?limit=0"), "limit");
    }

    @Test
    void anotherAgencyReachesNoneOfTheseEndpoints() {
        TestAgency other = newAgency("stranger");
        for (String path : new String[]{"/readiness", "/export", "/audit-events", ""}) {
            get(other.adminToken(), path).expectStatus().isNotFound();
        }
        status(other.adminToken(), "\"0\"", Map.of("status", "offboarded")).expectStatus().isNotFound();
        get(agency.adminToken(), "").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("onboarding");
    }

    private WebTestClient.ResponseSpec status(String token, String ifMatch, Map<String, Object> body) {
        return http.post().uri("/v1/brands/" + brand + "/status").headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String subPath) {
        return http.get().uri("/v1/brands/" + brand + subPath).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private List<BrandDto> list(String query) {
        return http.get().uri("/v1/brands" + query).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody(BrandPageDto.class).returnResult().getResponseBody().getItems();
    }
}
