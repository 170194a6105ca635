package com.agencyhub.timesheets.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.PricingRows;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring duty booked as time: opt-in per brand, the roster's resolved duty (a deputy standing in for a sick member
 * books the deputy's time) turned into entries once, around the members' other entries and outside closed months.
 */
class DutyBillingApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private UUID jonas;
    private UUID lea;
    private UUID monitoring;

    @BeforeEach
    void aBrandWithARoster() {
        agency = newAgency("duty");
        brand = newBrand(agency, "Alpenmilch");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        monitoring = activity(agency, "monitoring");
        PricingRows.rate(agency.tenant(), null, "70.00", "40.00");
        PricingRows.surcharge(agency.tenant(), "weekend", "25.00");
        call(HttpMethod.PUT, agency.adminToken(), "/v1/brands/" + brand + "/team", Map.of("assignments", List.of(
                Map.of("memberId", jonas, "responsibility", "responsible"),
                Map.of("memberId", lea, "responsibility", "deputy")))).expectStatus().isOk();
        // Jonas watches Alpenmilch on Tuesdays and Wednesdays 08:00-18:00 (Berlin); he is sick on Wednesday 4 November
        call(HttpMethod.POST, agency.adminToken(), "/v1/roster/rotations", Map.of("name", "Weekdays", "priority", 1,
                "memberIds", List.of(jonas), "lengthDays", 7, "handoffTime", "08:00", "startDate", "2026-11-02",
                "zone", "Europe/Berlin", "brandIds", List.of(brand), "restriction", List.of(
                        Map.of("day", "TUESDAY", "start", "08:00", "end", "18:00"),
                        Map.of("day", "WEDNESDAY", "start", "08:00", "end", "18:00")))).expectStatus().isCreated();
        call(HttpMethod.POST, agency.adminToken(), "/v1/roster/absences", Map.of("memberId", jonas, "kind", "sick",
                "from", "2026-11-03T23:00:00Z", "to", "2026-11-04T23:00:00Z")).expectStatus().isCreated();
    }

    @Test
    void theRostersDutyIsBookedOnceAroundOtherEntries() {
        String setting = "/v1/brands/" + brand + "/duty-billing";
        String bookings = setting + "/bookings";
        Map<String, Object> range = Map.of("from", "2026-11-03", "to", "2026-11-04");
        call(HttpMethod.GET, agency.tokenFor(jonas), setting, null).expectStatus().isOk().expectBody()
                .jsonPath("$.enabled").isEqualTo(false).jsonPath("$.activityId").isEmpty();
        call(HttpMethod.POST, agency.adminToken(), bookings, range).expectStatus().isEqualTo(409);
        call(HttpMethod.PUT, agency.tokenFor(jonas), setting, Map.of("activityId", monitoring))
                .expectStatus().isForbidden();
        expectFieldError(call(HttpMethod.PUT, agency.adminToken(), setting, Map.of("activityId", UUID.randomUUID())),
                "activityId");
        call(HttpMethod.PUT, agency.adminToken(), setting, Map.of("activityId", monitoring)).expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.activityId").isEqualTo(monitoring.toString());

        // Lea has a meeting on Wednesday 10:00-11:00 Berlin, where she stands in for Jonas
        call(HttpMethod.POST, agency.tokenFor(lea), "/v1/time-entries", Map.of("brandId", brand, "activityId",
                activity(agency, "meetings"), "start", "2026-11-04T09:00:00Z",
                "end", "2026-11-04T10:00:00Z")).expectStatus().isCreated();

        JsonNode first = call(HttpMethod.POST, agency.tokenFor(managerOf()), bookings, range).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> booked = first.path("booked").valueStream().map(entry -> entry.path("memberId").asString()
                + " " + entry.path("start").asString() + "-" + entry.path("end").asString() + " "
                + entry.path("source").asString() + " " + entry.path("workDate").asString()).toList();
        assertThat(booked).containsExactly(
                jonas + " 2026-11-03T07:00:00Z-2026-11-03T17:00:00Z duty 2026-11-03",
                lea + " 2026-11-04T07:00:00Z-2026-11-04T09:00:00Z duty 2026-11-04",
                lea + " 2026-11-04T10:00:00Z-2026-11-04T17:00:00Z duty 2026-11-04");
        assertThat(first.path("booked").get(0).path("billAmount").asString()).isEqualTo("700.00");
        assertThat(first.path("skipped").valueStream().map(skip -> skip.path("memberId").asString() + " "
                + skip.path("start").asString() + " " + skip.path("reason").asString()).toList())
                .containsExactly(lea + " 2026-11-04T09:00:00Z overlap");

        // again: nothing twice
        JsonNode again = call(HttpMethod.POST, agency.adminToken(), bookings, range).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.path("booked").size()).isZero();
        assertThat(again.path("skipped").valueStream().map(skip -> skip.path("reason").asString()).toList())
                .containsExactlyInAnyOrder("already-booked", "already-booked", "overlap", "already-booked");
        assertThat(TimesheetFixture.entries(agency.tenant())).isEqualTo(4);

        // a closed month is skipped as a whole
        call(HttpMethod.DELETE, agency.adminToken(), setting, null).expectStatus().isNoContent();
        call(HttpMethod.PUT, agency.adminToken(), setting, Map.of("activityId", monitoring)).expectStatus().isOk();
        call(HttpMethod.POST, agency.adminToken(), "/v1/closed-months", Map.of("month", "2026-11"))
                .expectStatus().isCreated();
        JsonNode closed = call(HttpMethod.POST, agency.adminToken(), bookings, Map.of("from", "2026-11-10",
                "to", "2026-11-11")).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(closed.path("booked").size()).isZero();
        assertThat(closed.path("skipped").valueStream().map(skip -> skip.path("reason").asString()).toList())
                .containsOnly("closed-month").hasSize(2);

        expectFieldError(call(HttpMethod.POST, agency.adminToken(), bookings, Map.of("from", "2026-11-04",
                "to", "2026-11-03")), "to");
        expectFieldError(call(HttpMethod.POST, agency.adminToken(), bookings, Map.of("from", "2026-01-01",
                "to", "2026-12-31")), "to");
        JsonNode audit = call(HttpMethod.GET, agency.adminToken(), "/v1/audit-events?entityType=duty-billing", null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.path("items").valueStream().map(event -> event.path("action").asString()).toList())
                .contains("duty-billing.enabled", "duty-billing.booked", "duty-billing.disabled");
    }

    private UUID managerOf() {
        return newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
    }
}
