package com.agencyhub.contracts.web;

import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.contracts.Contracts;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.PricingRows;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contracts priced by planned hours, from draft to end, with the rules that keep them consistent. */
class ContractsApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Activities activities;

    @Autowired
    Contracts contracts;

    private TestAgency agency;
    private UUID brand;
    private ActivityId monitoring;
    private ActivityId content;

    @BeforeEach
    void agencyWithRates() {
        agency = newAgency("contracts");
        brand = newBrand(agency, "Alpenmilch");
        Map<String, ActivityId> byKey = activities.byKey(agency.tenant()).block();
        monitoring = byKey.get("monitoring");
        content = byKey.get("content-creation");
        PricingRows.rate(agency.tenant(), null, "90.00", "40.00");
        PricingRows.rate(agency.tenant(), content.value(), "100.00", "40.00");
        PricingRows.surcharge(agency.tenant(), "weekend", "25.00");
    }

    /**
     * The worked example: weekday and weekend monitoring with a 25 % weekend surcharge, and content creation
     * at its own rate. Each line is hours × rate × (1 + percent / 100), rounded half up to the cent once:
     * <pre>
     *   monitoring, weekday-daytime   20.00 h × 90.00            = 1800.00
     *   monitoring, weekend            8.33 h × 90.00 × 1.25     =  937.125 → 937.13
     *   content-creation, daytime     12.50 h × 100.00           = 1250.00
     *   monthly price (sum of the rounded amounts)                = 3987.13, 40.83 h
     * </pre>
     */
    @Test
    void aContractWithWeekendCoverageIsPricedLineByLineWithTheSurcharge() {
        YearMonth start = YearMonth.now(BERLIN).plusMonths(1);
        JsonNode draft = create(agency.adminToken(), Map.of("startMonth", start.toString(), "overageRate", "95.00",
                "carryOver", Map.of("rule", "capped", "capHours", 10), "alertThresholds", List.of(80, 100),
                "lines", List.of(line(monitoring, "weekday-daytime", 20), line(monitoring, "weekend", 8.33),
                        line(content, "weekday-daytime", 12.5))))
                .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(draft.path("status").asString()).isEqualTo("draft");
        assertThat(draft.path("currency").asString()).isEqualTo("EUR");
        assertThat(draft.path("monthlyPrice").asString()).isEqualTo("3987.13");
        assertThat(draft.path("plannedHours").decimalValue()).isEqualByComparingTo("40.83");
        assertThat(amounts(draft)).containsExactlyInAnyOrder(
                "monitoring weekday-daytime 20 × 90.00 + 0% = 1800.00",
                "monitoring weekend 8.33 × 90.00 + 25% = 937.13",
                "content weekday-daytime 12.5 × 100.00 + 0% = 1250.00");

        String id = draft.path("id").asString();
        post(agency.adminToken(), id, "/activation", "\"1\"", null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.activatedBy").isEqualTo(agency.admin().value().toString());

        ContractTerms terms = contracts.inForce(agency.tenant(), new BrandId(brand), start).block();
        assertThat(terms.contractId().toString()).isEqualTo(id);
        assertThat(terms.monthlyPrice()).isEqualByComparingTo("3987.13");
        assertThat(terms.plannedHoursByActivity().get(monitoring)).isEqualByComparingTo("28.33");
        assertThat(terms.plannedHoursByActivity().get(content)).isEqualByComparingTo("12.5");
        assertThat(terms.alertThresholds()).containsExactly(80, 100);
        assertThat(terms.carryOver().capHours()).isEqualByComparingTo("10");

        // the rates change later: the contract keeps the prices it was drafted with
        PricingRows.surcharge(agency.tenant(), "holiday", "100.00");
        get(agency.adminToken(), id).expectStatus().isOk().expectBody().jsonPath("$.monthlyPrice").isEqualTo("3987.13");
    }

    @Test
    void overlappingMonthsCannotBeActivatedAndNothingChanges() {
        YearMonth current = YearMonth.now(BERLIN);
        String first = activated(current.minusMonths(2), null);
        String second = create(agency.adminToken(), draftBody(current)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();

        post(agency.adminToken(), second, "/activation", "\"1\"", null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get(agency.adminToken(), second).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("draft").jsonPath("$.activatedAt").isEmpty();
        assertThat(auditActions()).doesNotContain("contract.activated:" + second);

        // a manager may not end it in the past; an admin may correct it
        String manager = memberToken(agency, Role.AGENCY_MANAGER);
        expectFieldError(post(manager, first, "/end", "\"2\"", Map.of("lastMonth", current.minusMonths(1)
                .toString())), "lastMonth");
        expectFieldError(post(agency.adminToken(), first, "/end", "\"2\"", Map.of("lastMonth",
                current.minusMonths(3).toString())), "lastMonth");
        post(agency.adminToken(), first, "/end", "\"2\"", Map.of("lastMonth", current.minusMonths(1).toString()))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ended")
                .jsonPath("$.lastMonth").isEqualTo(current.minusMonths(1).toString());
        post(agency.adminToken(), second, "/activation", "\"1\"", null).expectStatus().isOk();

        assertThat(contracts.months(agency.tenant(), new BrandId(brand), current.minusMonths(2), current).block()
                .values().stream().map(terms -> terms.contractId().toString()).toList())
                .containsExactly(first, first, second);
        assertThat(auditActions()).contains("contract.created:" + first, "contract.activated:" + first,
                "contract.ended:" + first, "contract.activated:" + second);
    }

    @Test
    void onlyDraftsChangeOrGoAndEveryWriteNeedsTheCurrentVersion() {
        String id = create(agency.adminToken(), draftBody(YearMonth.now(BERLIN).plusMonths(1)))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
        patch(agency.adminToken(), id, "\"7\"", Map.of("note", "Stale")).expectStatus().isEqualTo(412);
        patch(agency.adminToken(), id, "\"1\"", Map.of()).expectStatus().isBadRequest();
        patch(agency.adminToken(), id, "\"1\"", Map.of("lines", List.of(line(monitoring, "weekend", 10)),
                "alertThresholds", List.of(50, 90, 120))).expectStatus().isOk()
                .expectBody().jsonPath("$.monthlyPrice").isEqualTo("1125.00")
                .jsonPath("$.alertThresholds.length()").isEqualTo(3)
                .jsonPath("$.version").isEqualTo(2);
        post(agency.adminToken(), id, "/activation", "\"2\"", null).expectStatus().isOk();

        patch(agency.adminToken(), id, "\"3\"", Map.of("note", "Too late")).expectStatus().isEqualTo(409);
        delete(agency.adminToken(), id, "\"3\"").expectStatus().isEqualTo(409);
        post(agency.adminToken(), id, "/activation", "\"3\"", null).expectStatus().isEqualTo(409);

        String other = create(agency.adminToken(), Map.of("startMonth", "2030-01", "overageRate", "95.00",
                "carryOver", Map.of("rule", "none"))).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        post(agency.adminToken(), other, "/activation", "\"1\"", null).expectStatus().isEqualTo(409);
        delete(agency.adminToken(), other, null).expectStatus().isEqualTo(428);
        delete(agency.adminToken(), other, "\"1\"").expectStatus().isNoContent();
        get(agency.adminToken(), other).expectStatus().isNotFound();
        assertThat(auditActions()).contains("contract.updated:" + id, "contract.deleted:" + other);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String start = YearMonth.now(BERLIN).plusMonths(1).toString();
        expectFieldError(create(agency.adminToken(), with("lastMonth", YearMonth.now(BERLIN).toString())),
                "lastMonth");
        expectFieldError(create(agency.adminToken(), with("alertThresholds", List.of(100, 80))), "alertThresholds[1]");
        create(agency.adminToken(), with("alertThresholds", List.of(0))).expectStatus().isBadRequest();
        create(agency.adminToken(), with("alertThresholds", List.of(1001))).expectStatus().isBadRequest();
        expectFieldError(create(agency.adminToken(), with("lines", List.of(line(new ActivityId(UUID.randomUUID()),
                "weekday-daytime", 5)))), "activityId");
        expectFieldError(create(agency.adminToken(), with("lines", List.of(line(monitoring, "weekend", 5),
                line(monitoring, "weekend", 3)))), "lines[1]");
        expectFieldError(create(agency.adminToken(), with("lines", List.of(line(monitoring, "weekend", 1.234)))),
                "lines[0].plannedHours");
        create(agency.adminToken(), with("lines", List.of(Map.of("activityId", monitoring.value(),
                "timeClass", "weekend", "plannedHours", "lots")))).expectStatus().isBadRequest();
        create(agency.adminToken(), with("overageRate", 95)).expectStatus().isBadRequest();
        create(agency.adminToken(), with("overageRate", "-1.00")).expectStatus().isBadRequest();
        create(agency.adminToken(), with("startMonth", "2026-13")).expectStatus().isBadRequest();
        create(agency.adminToken(), with("startMonth", "0000-01")).expectStatus().isBadRequest();
        expectFieldError(create(agency.adminToken(), with("overageRate", "123456789.00")), "overageRate");
        expectFieldError(create(agency.adminToken(), with("carryOver", Map.of("rule", "capped"))),
                "carryOver.capHours");
        expectFieldError(create(agency.adminToken(), with("fromQuote", true)), "lines");
        create(agency.adminToken(), Map.of("startMonth", start, "overageRate", "95.00")).expectStatus().isBadRequest();

        http.get().uri(base()).headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void anotherAgencyFindsNothingAndClientUsersAreRefused() {
        String id = create(agency.adminToken(), draftBody(YearMonth.now(BERLIN).plusMonths(1)))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
        TestAgency other = newAgency("contracts-other");
        get(other.adminToken(), id).expectStatus().isNotFound();
        http.get().uri(base()).headers(h -> h.setBearerAuth(other.adminToken())).exchange().expectStatus()
                .isNotFound();
        UUID otherBrand = newBrand(other, "Elsewhere");
        http.get().uri("/v1/brands/" + otherBrand + "/contracts/" + id)
                .headers(h -> h.setBearerAuth(other.adminToken())).exchange().expectStatus().isNotFound();

        get(clientViewer(agency, brand), id).expectStatus().isForbidden();
        get(clientViewer(agency, newBrand(agency, "Not theirs")), id).expectStatus().isForbidden();
        get(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER), id).expectStatus().isForbidden();
        get(memberToken(agency, Role.AGENCY_MANAGER), id).expectStatus().isOk();
    }

    @Test
    void anActiveContractThisMonthMakesTheBrandReady() {
        readiness().isEqualTo(false);
        activated(YearMonth.now(BERLIN), null);
        readiness().isEqualTo(true);
    }

    private org.springframework.test.web.reactive.server.JsonPathAssertions readiness() {
        return http.get().uri("/v1/brands/" + brand + "/readiness").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requirements[?(@.requirement == 'active-contract')].done");
    }

    private String activated(YearMonth start, YearMonth last) {
        Map<String, Object> body = new java.util.HashMap<>(draftBody(start));
        if (last != null) {
            body.put("lastMonth", last.toString());
        }
        String id = create(agency.adminToken(), body).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("id").asString();
        post(agency.adminToken(), id, "/activation", "\"1\"", null).expectStatus().isOk();
        return id;
    }

    private Map<String, Object> draftBody(YearMonth start) {
        return Map.of("startMonth", start.toString(), "overageRate", "95.00", "carryOver", Map.of("rule", "none"),
                "lines", List.of(line(monitoring, "weekday-daytime", 20)));
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new java.util.HashMap<>(draftBody(YearMonth.now(BERLIN).plusMonths(1)));
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> line(ActivityId activity, String timeClass, double hours) {
        return Map.of("activityId", activity.value(), "timeClass", timeClass, "plannedHours", hours);
    }

    private List<String> amounts(JsonNode contract) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : contract.path("lines")) {
            String activity = line.path("activityId").asString().equals(monitoring.toString()) ? "monitoring"
                    : "content";
            lines.add(activity + " " + line.path("timeClass").asString() + " "
                    + line.path("plannedHours").decimalValue().stripTrailingZeros().toPlainString() + " × "
                    + line.path("billRate").asString() + " + "
                    + line.path("surchargePercent").decimalValue().stripTrailingZeros().toPlainString() + "% = "
                    + line.path("amount").asString());
        }
        return lines;
    }

    private List<String> auditActions() {
        JsonNode audit = http.get().uri("/v1/brands/" + brand + "/audit-events?limit=200")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return audit.path("items").valueStream().filter(event -> event.path("entityType").asString()
                        .equals("contract"))
                .map(event -> event.path("action").asString() + ":" + event.path("entityId").asString()).toList();
    }

    private String base() {
        return "/v1/brands/" + brand + "/contracts";
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return http.post().uri(base()).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String id) {
        return http.get().uri(base() + "/" + id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec patch(String token, String id, String ifMatch, Map<String, Object> body) {
        return http.patch().uri(base() + "/" + id).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(ifMatch);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, String id, String ifMatch) {
        return http.delete().uri(base() + "/" + id).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String id, String action, String ifMatch,
                                            Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = http.post().uri(base() + "/" + id + action).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(ifMatch);
        });
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
