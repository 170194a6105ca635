package com.agencyhub.billing;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.agencyhub.testsupport.HoursRows.contract;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours alerts through timesheets' booking path: a threshold of the contract's month (80 % and 100 % of 10 planned
 * hours) is told once, to the brand's responsible member and the agency's admins, also when two bookings race.
 */
class HoursAlertsTest extends ApiTest {

    @Test
    void eachThresholdOfAMonthIsToldOnceToTheResponsibleMemberAndTheAdmins() {
        TestAgency agency = newAgency("alerts");
        UUID brand = newBrand(agency, "Alpenmilch");
        UUID responsible = newStaffMember(agency, "Jonas", "Berg");
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", responsible,
                        "responsibility", "responsible"))))
                .exchange().expectStatus().isOk();
        UUID community = activity(agency, "community-management");
        UUID contract = contract(agency.tenant(), brand, agency.admin().value(), YearMonth.of(2026, 11), "850.00",
                "85.00", null, Map.of(community, "10.00"));

        book(agency, brand, community, "2026-11-02", 420);
        assertThat(told(agency, contract)).isEmpty();
        book(agency, brand, community, "2026-11-03", 60); // 8 of 10 hours: 80 %
        assertThat(told(agency, contract)).containsExactly(80);
        book(agency, brand, community, "2026-11-04", 30);
        // two bookings race, each across 100 % on its own: the threshold is told once
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> book(agency, brand, community, "2026-11-05",
                90));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> book(agency, brand, community,
                "2026-11-06", 90));
        CompletableFuture.allOf(first, second).join();
        assertThat(told(agency, contract)).containsExactly(80, 100);

        http.get().uri("/v1/notifications?topic=hours-threshold").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[?(@.recipientId == '" + responsible + "')].subject").value(subjects ->
                        assertThat(subjects.toString()).contains("80 %").contains("100 %"))
                .jsonPath("$.items[0].refersTo.type").isEqualTo("contract")
                .jsonPath("$.items[0].refersTo.id").isEqualTo(contract.toString());
        // a month without a contract, and time not billable, tell nothing
        book(agency, brand, community, "2026-10-30", 900);
        assertThat(told(agency, contract)).containsExactly(80, 100);
    }

    private void book(TestAgency agency, UUID brand, UUID activity, String date, int minutes) {
        http.post().uri("/v1/time-entries").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("brandId", brand, "activityId", activity, "date", date, "minutes", minutes))
                .exchange().expectStatus().isCreated();
    }

    private static List<Integer> told(TestAgency agency, UUID contract) {
        return TestDatabase.get().inAgency(agency.tenant(), db -> {
            try (PreparedStatement select = db.prepareStatement(
                    "select threshold from hours_alert where contract_id = ? order by threshold")) {
                select.setObject(1, contract);
                List<Integer> thresholds = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        thresholds.add(rows.getInt(1));
                    }
                }
                return thresholds;
            }
        });
    }
}
