package com.agencyhub.pricing.web;

import com.agencyhub.api.model.ActivityDto;
import com.agencyhub.api.model.AuditEventDto;
import com.agencyhub.api.model.AuditEventPageDto;
import com.agencyhub.api.model.RateDto;
import com.agencyhub.api.model.RateResolutionDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Activities, rates, surcharges and the currency through the API, as the docs/pricing.md examples use them. */
class PricingApiTest extends ApiTest {

    private TestAgency agency;
    private UUID alpenmilch;
    private UUID lea;
    private UUID community;
    private String manager;

    @BeforeEach
    void anAgencyWithABrandAndAMember() {
        agency = newAgency("pricing-api");
        alpenmilch = newBrand(agency, "Alpenmilch");
        lea = newStaffMember(agency, "Lea", "Roth");
        community = activity(agency, "community-management");
        manager = memberToken(agency, Role.AGENCY_MANAGER);
    }

    @Test
    void managersAddRenameMoveAndArchiveActivitiesWithStableKeys() {
        ActivityDto created = send("POST", "/v1/activities", manager, null,
                Map.of("key", "paid-campaigns", "name", "  Paid campaigns "))
                .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(ActivityDto.class).returnResult().getResponseBody();
        assertThat(created.getName()).isEqualTo("Paid campaigns");
        assertThat(created.getPosition()).isEqualTo(6);

        send("POST", "/v1/activities", agency.adminToken(), null, Map.of("key", "paid-campaigns", "name", "Ads"))
                .expectStatus().isEqualTo(409);
        expectFieldError(send("POST", "/v1/activities", manager, null, Map.of("key", "Paid Campaigns", "name", "Ads")),
                "key");
        expectFieldError(send("POST", "/v1/activities", manager, null, Map.of("key", "ads", "name", " ")), "name");

        String path = "/v1/activities/" + created.getId();
        ActivityDto moved = send("PATCH", path, manager, "\"1\"", Map.of("name", "Paid social", "position", 0))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(ActivityDto.class).returnResult().getResponseBody();
        assertThat(moved.getKey()).isEqualTo("paid-campaigns");
        assertThat(moved.getName()).isEqualTo("Paid social");
        send("PATCH", path, manager, "\"1\"", Map.of("archived", true)).expectStatus().isEqualTo(412);
        send("PATCH", path, manager, null, Map.of("archived", true)).expectStatus().isEqualTo(428);
        expectFieldError(send("PATCH", path, manager, "\"2\"", Map.of("key", "other")), "key");
        send("PATCH", path, manager, "\"2\"", Map.of()).expectStatus().isBadRequest();

        ActivityDto archived = send("PATCH", path, manager, "\"2\"", Map.of("archived", true)).expectStatus().isOk()
                .expectBody(ActivityDto.class).returnResult().getResponseBody();
        assertThat(archived.getArchived()).isTrue();
        assertThat(archived.getArchivedAt()).isNotNull();
        ActivityDto back = send("PATCH", path, manager, "\"3\"", Map.of("archived", false)).expectStatus().isOk()
                .expectBody(ActivityDto.class).returnResult().getResponseBody();
        assertThat(back.getArchived()).isFalse();
        assertThat(back.getArchivedAt()).isNull();

        // the catalogue is listed by position: the moved activity first, then the six defaults
        http.get().uri("/v1/activities").headers(h -> h.setBearerAuth(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(7)
                .jsonPath("$.items[0].key").isEqualTo("paid-campaigns")
                .jsonPath("$.items[1].key").isEqualTo("strategy-planning");
        send("POST", "/v1/activities", memberToken(agency, Role.SOCIAL_MEDIA_MANAGER), null,
                Map.of("key", "ads", "name", "Ads")).expectStatus().isForbidden();
        assertThat(auditActions("activity")).containsExactly("activity.updated", "activity.updated",
                "activity.updated", "activity.created");
    }

    @Test
    void ratesResolveByMemberThenActivityThenBrandAndExplainWhy() {
        RateDto agencyDefault = createRate(Map.of("billRate", "85", "costRate", "45.00"));
        assertThat(agencyDefault.getBillRate()).isEqualTo("85.00");
        RateDto brandCommunity = createRate(Map.of("brandId", alpenmilch, "activityId", community,
                "billRate", "110.5"));
        RateDto leaCost = createRate(Map.of("memberId", lea, "costRate", "55.00"));

        RateResolutionDto resolved = resolution("?brandId=" + alpenmilch + "&activityId=" + community
                + "&memberId=" + lea);
        assertThat(resolved.getBillRate()).isEqualTo("110.50");
        assertThat(resolved.getBillRateFrom()).isEqualTo(brandCommunity.getId());
        assertThat(resolved.getCostRate()).isEqualTo("55.00");
        assertThat(resolved.getCostRateFrom()).isEqualTo(leaCost.getId());
        assertThat(resolved.getApplicable()).extracting(RateDto::getId)
                .containsExactly(leaCost.getId(), brandCommunity.getId(), agencyDefault.getId());
        assertThat(resolved.getExplanation()).isEqualTo("Bill rate 110.50 from the row for brand and activity; "
                + "cost rate 55.00 from the row for the member.");

        RateResolutionDto reporting = resolution("?brandId=" + alpenmilch + "&activityId="
                + activity(agency, "reporting"));
        assertThat(reporting.getBillRate()).isEqualTo("85.00");
        assertThat(reporting.getCostRate()).isEqualTo("45.00");

        http.get().uri("/v1/rates?brandId=" + alpenmilch).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(brandCommunity.getId().toString());
    }

    @Test
    void withoutRatesTimeResolvesToZeroAndSaysSo() {
        RateResolutionDto none = resolution("?brandId=" + alpenmilch);

        assertThat(none.getBillRate()).isEqualTo("0.00");
        assertThat(none.getCostRate()).isEqualTo("0.00");
        assertThat(none.getBillRateFrom()).isNull();
        assertThat(none.getApplicable()).isEmpty();
        assertThat(none.getExplanation()).contains("no row sets one");
    }

    @Test
    void badRatesAreRefusedAndNeverCoerced() {
        for (Object bad : List.of("80.123", "-1", "1e3", "080", "85,00", "100000000")) {
            expectFieldError(send("POST", "/v1/rates", agency.adminToken(), null, Map.of("billRate", bad)), "billRate");
        }
        expectFieldError(send("POST", "/v1/rates", agency.adminToken(), null, Map.of("billRate", 85)), "billRate");
        send("POST", "/v1/rates", agency.adminToken(), null, Map.of("brandId", alpenmilch))
                .expectStatus().isBadRequest();
        send("POST", "/v1/rates", agency.adminToken(), null, Map.of("brandId", UUID.randomUUID(), "billRate", "1"))
                .expectStatus().isNotFound();
        expectFieldError(send("POST", "/v1/rates", agency.adminToken(), null,
                Map.of("activityId", UUID.randomUUID(), "billRate", "1")), "activityId");
        expectFieldError(send("POST", "/v1/rates", agency.adminToken(), null,
                Map.of("memberId", UUID.randomUUID(), "billRate", "1")), "memberId");

        createRate(Map.of("brandId", alpenmilch, "billRate", "95.00"));
        send("POST", "/v1/rates", agency.adminToken(), null, Map.of("brandId", alpenmilch, "costRate", "50.00"))
                .expectStatus().isEqualTo(409);
        http.get().uri("/v1/rates").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void aRateRowIsChangedUnsetAndDeletedAtItsVersion() {
        RateDto created = createRate(Map.of("activityId", community, "billRate", "100.00", "costRate", "50.00"));
        String path = "/v1/rates/" + created.getId();

        RateDto raised = send("PATCH", path, agency.adminToken(), "\"1\"", Map.of("billRate", "115.00"))
                .expectStatus().isOk().expectBody(RateDto.class).returnResult().getResponseBody();
        assertThat(raised.getBillRate()).isEqualTo("115.00");
        assertThat(raised.getCostRate()).isEqualTo("50.00");
        RateDto unset = send("PATCH", path, agency.adminToken(), "\"2\"", Map.of("costRate", ""))
                .expectStatus().isOk().expectBody(RateDto.class).returnResult().getResponseBody();
        assertThat(unset.getCostRate()).isNull();
        send("PATCH", path, agency.adminToken(), "\"3\"", Map.of("billRate", "")).expectStatus().isBadRequest();
        send("PATCH", path, agency.adminToken(), "\"3\"", Map.of()).expectStatus().isBadRequest();
        send("PATCH", path, agency.adminToken(), "\"2\"", Map.of("billRate", "1")).expectStatus().isEqualTo(412);
        send("PATCH", path, manager, "\"3\"", Map.of("billRate", "1")).expectStatus().isForbidden();

        send("DELETE", path, agency.adminToken(), "\"2\"", null).expectStatus().isEqualTo(412);
        send("DELETE", path, agency.adminToken(), "\"3\"", null).expectStatus().isNoContent();
        http.get().uri(path).headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isNotFound();
        assertThat(auditActions("rate")).containsExactly("rate.deleted", "rate.updated", "rate.updated",
                "rate.created");
    }

    @Test
    void anotherAgencysRatesAndActivitiesAreNotFound() {
        RateDto created = createRate(Map.of("brandId", alpenmilch, "billRate", "95.00"));
        TestAgency other = newAgency("pricing-api-other");

        for (String path : List.of("/v1/rates/" + created.getId(), "/v1/activities/" + community)) {
            http.get().uri(path).headers(h -> h.setBearerAuth(other.adminToken())).exchange().expectStatus()
                    .isNotFound();
        }
        send("PATCH", "/v1/rates/" + created.getId(), other.adminToken(), "\"1\"", Map.of("billRate", "1"))
                .expectStatus().isNotFound();
        send("DELETE", "/v1/rates/" + created.getId(), other.adminToken(), "\"1\"", null).expectStatus().isNotFound();
        send("PATCH", "/v1/activities/" + community, other.adminToken(), "\"1\"", Map.of("name", "Mine"))
                .expectStatus().isNotFound();
        send("POST", "/v1/rates", other.adminToken(), null, Map.of("brandId", alpenmilch, "billRate", "1"))
                .expectStatus().isNotFound();
        http.get().uri("/v1/rates/resolution?brandId=" + alpenmilch).headers(h -> h.setBearerAuth(other.adminToken()))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/v1/rates").headers(h -> h.setBearerAuth(other.adminToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void surchargesAreSetAsAWholeWithinZeroToFiveHundredPercent() {
        http.get().uri("/v1/surcharges").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.weekdayEvening").isEqualTo("0.00")
                .jsonPath("$.holiday").isEqualTo("0.00");

        send("PUT", "/v1/surcharges", agency.adminToken(), null, Map.of("weekdayEvening", "15", "night", "40.00",
                "weekend", "25.5", "holiday", "50")).expectStatus().isOk();
        http.get().uri("/v1/surcharges").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.weekdayEvening").isEqualTo("15.00")
                .jsonPath("$.night").isEqualTo("40.00")
                .jsonPath("$.weekend").isEqualTo("25.50")
                .jsonPath("$.holiday").isEqualTo("50.00");

        expectFieldError(send("PUT", "/v1/surcharges", agency.adminToken(), null, Map.of("weekdayEvening", "15",
                "night", "40", "weekend", "500.01", "holiday", "50")), "weekend");
        expectFieldError(send("PUT", "/v1/surcharges", agency.adminToken(), null, Map.of("weekdayEvening", "15",
                "night", "40", "weekend", "25")), "holiday");
        send("PUT", "/v1/surcharges", manager, null, Map.of("weekdayEvening", "0", "night", "0", "weekend", "0",
                "holiday", "0")).expectStatus().isForbidden();
        assertThat(auditActions("surcharges")).containsExactly("surcharges.replaced");
    }

    @Test
    void theCurrencyIsAnIso4217CodeSetAtItsVersion() {
        http.get().uri("/v1/pricing-settings").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"").expectBody()
                .jsonPath("$.currency").isEqualTo("EUR");

        expectFieldError(send("PUT", "/v1/pricing-settings", agency.adminToken(), "\"0\"", Map.of("currency", "ABC")),
                "currency");
        expectFieldError(send("PUT", "/v1/pricing-settings", agency.adminToken(), "\"0\"", Map.of("currency", "chf")),
                "currency");
        send("PUT", "/v1/pricing-settings", agency.adminToken(), "\"0\"", Map.of("currency", "CHF"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"").expectBody()
                .jsonPath("$.currency").isEqualTo("CHF");
        send("PUT", "/v1/pricing-settings", agency.adminToken(), "\"0\"", Map.of("currency", "USD"))
                .expectStatus().isEqualTo(412);
        http.get().uri("/v1/pricing-settings").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isForbidden();
    }

    private RateDto createRate(Map<String, Object> body) {
        return send("POST", "/v1/rates", agency.adminToken(), null, body).expectStatus().isCreated()
                .expectBody(RateDto.class).returnResult().getResponseBody();
    }

    private RateResolutionDto resolution(String query) {
        return http.get().uri("/v1/rates/resolution" + query).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(RateResolutionDto.class).returnResult()
                .getResponseBody();
    }

    private List<String> auditActions(String entityType) {
        return http.get().uri("/v1/audit-events?entityType=" + entityType)
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(AuditEventPageDto.class).returnResult().getResponseBody()
                .getItems().stream().map(AuditEventDto::getAction).toList();
    }

    private WebTestClient.ResponseSpec send(String method, String path, String token, String ifMatch, Object body) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method))
                .uri(path).headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                });
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }
}
