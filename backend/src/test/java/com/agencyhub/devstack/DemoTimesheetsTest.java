package com.agencyhub.devstack;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev stack's demo hours are booked once: last month's and this month's entries, last month closed, duty on. */
class DemoTimesheetsTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theDemoHoursAreBookedOnce() {
        TestAgency agency = newAgency("demo-hours");
        UUID brand = newBrand(agency, "Alpenmilch");
        UUID jonas = newStaffMember(agency, "Jonas", "Weber");
        UUID lea = newStaffMember(agency, "Lea", "Brandt", Role.AGENCY_MANAGER);
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", jonas, "responsibility", "responsible"),
                        Map.of("memberId", lea, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        Actor system = Actor.member(UserId.SYSTEM, "system", "system", null, agency.tenant(),
                Set.of(Role.AGENCY_ADMIN), Set.of());
        DemoRoster.plan(context, system, new BrandId(brand), new UserId(jonas), new UserId(lea));
        for (int run = 0; run < 2; run++) {
            DemoTimesheets.book(context, agency.tenant(), new BrandId(brand), new UserId(jonas), new UserId(lea));
        }
        LocalDate firstOfLastMonth = YearMonth.now(ZoneId.of("Europe/Berlin")).minusMonths(1).atDay(1);
        JsonNode lastMonth = http.get().uri("/v1/time-entries?limit=200&to=" + firstOfLastMonth.plusMonths(1)
                        .minusDays(1)).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(lastMonth.path("items").size()).isBetween(30, 45);
        http.get().uri("/v1/brands/" + brand + "/duty-billing").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        // a month can be closed once it has ended everywhere: in the first hours of a month, last month stays open
        boolean closable = YearMonth.from(firstOfLastMonth).isBefore(YearMonth.now(ZoneOffset.ofHours(-12)));
        JsonNode closed = http.get().uri("/v1/closed-months").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(closed.path("items").valueStream().map(item -> item.path("month").asString()).toList())
                .isEqualTo(closable ? List.of(YearMonth.from(firstOfLastMonth).toString()) : List.of());
    }
}
