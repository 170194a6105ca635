package com.agencyhub.billing.web;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.testsupport.HoursRows.contract;
import static com.agencyhub.testsupport.HoursRows.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carry-over balances billing keeps when a month is closed (docs/billing-reports.md): the reports read the same
 * with and without them, across a capped chain of seven months with a month in overage, an adjustment booked after a
 * close, a booking into an open month before a closed one (months closed out of order), and a renewed contract.
 */
class ClosedMonthBalancesTest extends ApiTest {

    private static final List<String> MONTHS = List.of("2026-06", "2026-07", "2026-08", "2026-09", "2026-10",
            "2026-11", "2026-12");

    private TestAgency agency;
    private UUID brand;
    private UUID community;
    private UUID october;

    /**
     * A contract from June: 40 planned hours, unused ones carried up to 8. Billable hours June 30 (8 carried), July 50
     * (2 over), August 35 (5 carried), September none (8 carried), October 44 (4 carried), November 20 (8 carried),
     * December 43. A second brand's contract lets unused hours lapse.
     */
    private void chain() {
        agency = newAgency("balances");
        brand = newBrand(agency, "Alpenmilch");
        UUID lapsing = newBrand(agency, "Hafenrad");
        UUID admin = agency.admin().value();
        community = activity(agency, "community-management");
        UUID content = activity(agency, "content-creation");
        contract(agency.tenant(), brand, admin, YearMonth.of(2026, 6), "3400.00", "85.00", "8",
                Map.of(community, "24.00", content, "16.00"));
        contract(agency.tenant(), lapsing, admin, YearMonth.of(2026, 6), "1000.00", "90.00", null,
                Map.of(community, "10.00"));
        Map<String, Integer> hours = Map.of("2026-06", 30, "2026-07", 50, "2026-08", 35, "2026-10", 44,
                "2026-11", 20, "2026-12", 43);
        hours.forEach((month, billable) -> {
            UUID first = book(brand, community, YearMonth.parse(month), billable);
            if (month.equals("2026-10")) {
                october = first;
            }
            entry(agency.tenant(), admin, brand, content, YearMonth.parse(month).atDay(1), 90, false, "0.00", "0.00",
                    null);
            book(lapsing, community, YearMonth.parse(month), billable / 4);
        });
    }

    /** Billable hours in entries of eight hours (the last one shorter), one a day from the month's 2nd; the first. */
    private UUID book(UUID of, UUID activity, YearMonth month, int hours) {
        UUID first = null;
        for (int day = 2, left = hours * 60; left > 0; day++, left -= 480) {
            UUID booked = entry(agency.tenant(), agency.admin().value(), of, activity, month.atDay(day),
                    Math.min(left, 480), true, "0.00", "0.00", null);
            first = first == null ? booked : first;
        }
        return first;
    }

    @Test
    void closingMonthsKeepsTheirBalancesAndTheReportsStayTheSame() {
        chain();
        Map<String, JsonNode> walked = reports();
        assertThat(walked.get("2026-07").path("overageHours").asDouble()).isEqualTo(2.0);
        assertThat(walked.get("2026-11").path("carriedInHours").asDouble()).isEqualTo(4.0);
        assertThat(walked.get("2026-12").path("carriedInHours").asDouble()).isEqualTo(8.0);

        for (String month : List.of("2026-06", "2026-07", "2026-08", "2026-09", "2026-10")) {
            close(month);
        }
        assertThat(kept(brand)).containsExactly("2026-06 480", "2026-07 0", "2026-08 300", "2026-09 480",
                "2026-10 240");
        assertThat(reports()).isEqualTo(walked);

        // two of October's 44 hours were not worked: the adjustment lands in the open month (December)
        call(HttpMethod.POST, "/v1/time-entries/" + october + "/adjustments", Map.of("minutes", 6 * 60,
                "note", "not worked")).expectStatus().isCreated();
        Map<String, JsonNode> adjusted = reports();
        assertThat(adjusted.get("2026-10")).isEqualTo(walked.get("2026-10"));
        assertThat(adjusted.get("2026-12").path("billableHours").asDouble()).isEqualTo(41.0);
        deleteKept();
        assertThat(reports()).isEqualTo(adjusted);
    }

    @Test
    void aBookingIntoAnOpenMonthBeforeAClosedOneTakesTheLaterBalancesBack() {
        chain();
        close("2026-06");
        close("2026-07");
        close("2026-08");
        close("2026-10");
        assertThat(kept(brand)).containsExactly("2026-06 480", "2026-07 0", "2026-08 300", "2026-10 240");

        // September is still open: 40 hours booked into it use up what August carried and more
        for (int day = 14; day <= 18; day++) {
            call(HttpMethod.POST, "/v1/time-entries", Map.of("brandId", brand, "activityId", community,
                    "date", "2026-09-" + day, "minutes", 8 * 60)).expectStatus().isCreated();
        }
        assertThat(kept(brand)).containsExactly("2026-06 480", "2026-07 0", "2026-08 300");
        Map<String, JsonNode> withKept = reports();
        assertThat(withKept.get("2026-10").path("carriedInHours").asDouble()).isEqualTo(5.0);
        deleteKept();
        assertThat(reports()).isEqualTo(withKept);
    }

    @Test
    void aNewContractStartsItsChainAfreshWhateverTheOldOneKept() {
        agency = newAgency("balances-renewed");
        brand = newBrand(agency, "Alpenmilch");
        community = activity(agency, "community-management");
        UUID admin = agency.admin().value();
        UUID old = contract(agency.tenant(), brand, admin, YearMonth.of(2026, 6), "3400.00", "85.00", "8",
                Map.of(community, "40.00"));
        TestDatabase.get().inAgency(agency.tenant(), db -> {
            try (PreparedStatement end = db.prepareStatement(
                    "update contract set ends_on = date '2026-08-31' where id = ?")) {
                end.setObject(1, old);
                return end.executeUpdate();
            }
        });
        contract(agency.tenant(), brand, admin, YearMonth.of(2026, 9), "2000.00", "85.00", "8",
                Map.of(community, "20.00"));
        book(brand, community, YearMonth.of(2026, 8), 30);
        book(brand, community, YearMonth.of(2026, 9), 12);
        close("2026-06");
        close("2026-07");
        close("2026-08");
        assertThat(kept(brand)).containsExactly("2026-06 480", "2026-07 480", "2026-08 480");

        Map<String, JsonNode> withKept = reports();
        assertThat(withKept.get("2026-09").path("carriedInHours").asDouble()).isEqualTo(0.0);
        assertThat(withKept.get("2026-10").path("carriedInHours").asDouble()).isEqualTo(8.0);
        deleteKept();
        assertThat(reports()).isEqualTo(withKept);
    }

    /** Each month's report of the brand and of the agency, without when they were made and closed. */
    private Map<String, JsonNode> reports() {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String month : MONTHS) {
            reports.put(month, withoutTimes(get("/v1/brands/" + brand + "/hours-report?month=" + month)));
            reports.put("agency " + month, withoutTimes(get("/v1/hours-reports/agency?month=" + month)));
        }
        return reports;
    }

    private JsonNode get(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus()
                .isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode withoutTimes(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove(List.of("closed", "generatedAt"));
        return copy;
    }

    private void close(String month) {
        call(HttpMethod.POST, "/v1/closed-months", Map.of("month", month)).expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, Object body) {
        return http.method(method).uri(path).headers(h -> h.setBearerAuth(agency.adminToken())).bodyValue(body)
                .exchange();
    }

    /** The brand's kept balances: month and carried-out minutes. */
    private List<String> kept(UUID of) {
        return TestDatabase.get().inAgency(agency.tenant(), db -> {
            try (PreparedStatement select = db.prepareStatement("""
                    select to_char(month, 'YYYY-MM') || ' ' || carried_out_minutes::int from hours_balance
                    where brand_id = ? order by month""")) {
                select.setObject(1, of);
                try (ResultSet rows = select.executeQuery()) {
                    List<String> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                    return found;
                }
            }
        });
    }

    /** Forgets the kept balances, so that every chain is walked from the contract's first month again. */
    private void deleteKept() {
        TestDatabase.get().inAgency(agency.tenant(), db -> {
            try (PreparedStatement delete = db.prepareStatement("delete from hours_balance")) {
                return delete.executeUpdate();
            }
        });
    }
}
