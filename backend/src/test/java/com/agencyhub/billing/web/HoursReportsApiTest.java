package com.agencyhub.billing.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.testsupport.HoursRows.closeMonth;
import static com.agencyhub.testsupport.HoursRows.contract;
import static com.agencyhub.testsupport.HoursRows.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours reports through the API (docs/billing-reports.md), on contracts, entries and closed months written in
 * SQL: the carry-over chain across two months, an adjustment of a closed month counted in the open month it is booked
 * in, what client users see with and without {@code clientSeesHours}, other agencies and bad months.
 */
class HoursReportsApiTest extends ApiTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /** Alpenmilch's contract from October: 24 + 16 planned hours, 3,400.00 a month, 85.00 per hour over, cap 8 h. */
    private record Setup(TestAgency agency, UUID brand, UUID member, UUID community, UUID content,
                         UUID octoberEntry) {
    }

    private Setup alpenmilch() {
        TestAgency agency = newAgency("hours");
        UUID brand = newBrand(agency, "Alpenmilch");
        UUID member = agency.admin().value();
        UUID community = activity(agency, "community-management");
        UUID content = activity(agency, "content-creation");
        contract(agency.tenant(), brand, member, OCTOBER, "3400.00", "85.00", "8",
                Map.of(community, "24.00", content, "16.00"));
        // October: 30 billable hours of 40 → 10 unused, 8 carried into November
        UUID october = entry(agency.tenant(), member, brand, community, LocalDate.of(2026, 10, 5), 1440, true,
                "2040.00", "960.00", null);
        entry(agency.tenant(), member, brand, content, LocalDate.of(2026, 10, 6), 360, true, "510.00", "240.00",
                null);
        // November: 50 billable hours and 1.5 not billable, of 48 available → 2 hours over
        entry(agency.tenant(), member, brand, community, LocalDate.of(2026, 11, 2), 1440, true, "2040.00", "960.00",
                null);
        entry(agency.tenant(), member, brand, community, LocalDate.of(2026, 11, 3), 1200, true, "1700.00", "800.00",
                null);
        entry(agency.tenant(), member, brand, content, LocalDate.of(2026, 11, 4), 360, true, "510.00", "240.00",
                null);
        entry(agency.tenant(), member, brand, content, LocalDate.of(2026, 11, 5), 90, false, "0.00", "60.00", null);
        return new Setup(agency, brand, member, community, content, october);
    }

    @Test
    void unusedHoursCarryFromOctoberIntoNovemberAndWhatGoesBeyondIsOverage() {
        Setup setup = alpenmilch();
        report(setup.agency().adminToken(), setup.brand(), "2026-10").expectStatus().isOk().expectBody()
                .jsonPath("$.plannedHours").isEqualTo(40.0)
                .jsonPath("$.carriedInHours").isEqualTo(0.0)
                .jsonPath("$.billableHours").isEqualTo(30.0)
                .jsonPath("$.utilisationPercent").isEqualTo(75.0)
                .jsonPath("$.overageHours").isEqualTo(0.0)
                .jsonPath("$.carriedOutHours").isEqualTo(8.0)
                .jsonPath("$.invoiceAmount").isEqualTo("3400.00");
        report(setup.agency().adminToken(), setup.brand(), "2026-11").expectStatus().isOk().expectBody()
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.contract.carryOver").isEqualTo("capped")
                .jsonPath("$.carriedInHours").isEqualTo(8.0)
                .jsonPath("$.availableHours").isEqualTo(48.0)
                .jsonPath("$.trackedHours").isEqualTo(51.5)
                .jsonPath("$.billableHours").isEqualTo(50.0)
                .jsonPath("$.nonBillableHours").isEqualTo(1.5)
                .jsonPath("$.utilisationPercent").isEqualTo(104.2)
                .jsonPath("$.overageHours").isEqualTo(2.0)
                .jsonPath("$.carriedOutHours").isEqualTo(0.0)
                .jsonPath("$.retainerAmount").isEqualTo("3400.00")
                .jsonPath("$.overageAmount").isEqualTo("170.00")
                .jsonPath("$.invoiceAmount").isEqualTo("3570.00")
                .jsonPath("$.billAmount").isEqualTo("4250.00")
                .jsonPath("$.activities.length()").isEqualTo(2)
                .jsonPath("$.activities[?(@.key == 'community-management')].plannedHours").isEqualTo(24.0)
                .jsonPath("$.activities[?(@.key == 'community-management')].billableHours").isEqualTo(44.0)
                .jsonPath("$.activities[?(@.key == 'content-creation')].nonBillableHours").isEqualTo(1.5)
                .jsonPath("$.closed").isEmpty();
        // December starts with nothing carried: November used all its hours
        report(setup.agency().adminToken(), setup.brand(), "2026-12").expectStatus().isOk().expectBody()
                .jsonPath("$.carriedInHours").isEqualTo(0.0)
                .jsonPath("$.invoiceAmount").isEqualTo("3400.00");
    }

    @Test
    void anAdjustmentOfAClosedMonthCountsInTheOpenMonthItIsBookedIn() {
        Setup setup = alpenmilch();
        closeMonth(setup.agency().tenant(), OCTOBER, setup.member());
        // two of October's hours were not worked: taken back in November, October stays as it was closed
        entry(setup.agency().tenant(), setup.member(), setup.brand(), setup.community(), LocalDate.of(2026, 11, 20),
                -120, true, "-170.00", "-80.00", setup.octoberEntry());

        report(setup.agency().adminToken(), setup.brand(), "2026-10").expectStatus().isOk().expectBody()
                .jsonPath("$.billableHours").isEqualTo(30.0)
                .jsonPath("$.closed.closedById").isEqualTo(setup.member().toString())
                .jsonPath("$.closed.closedByName").isNotEmpty();
        report(setup.agency().adminToken(), setup.brand(), "2026-11").expectStatus().isOk().expectBody()
                .jsonPath("$.carriedInHours").isEqualTo(8.0)
                .jsonPath("$.billableHours").isEqualTo(48.0)
                .jsonPath("$.overageHours").isEqualTo(0.0)
                .jsonPath("$.overageAmount").isEqualTo("0.00")
                .jsonPath("$.invoiceAmount").isEqualTo("3400.00")
                .jsonPath("$.billAmount").isEqualTo("4080.00");
    }

    @Test
    void clientUsersSeeTheirBrandsReportOnlyWhenTheAgencySharesItAndThenWithoutAmountsOrNames() {
        Setup setup = alpenmilch();
        closeMonth(setup.agency().tenant(), OCTOBER, setup.member());
        String client = clientViewer(setup.agency(), setup.brand());
        report(client, setup.brand(), "2026-10").expectStatus().isNotFound();
        csv(client, setup.brand(), "2026-10").expectStatus().isNotFound();

        http.patch().uri("/v1/brands/" + setup.brand()).headers(h -> {
                    h.setBearerAuth(setup.agency().adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("clientSeesHours", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.clientSeesHours").isEqualTo(true);

        report(client, setup.brand(), "2026-10").expectStatus().isOk().expectBody()
                .jsonPath("$.invoiceAmount").isEqualTo("3400.00")
                .jsonPath("$.billAmount").doesNotExist()
                .jsonPath("$.activities[0].billAmount").doesNotExist()
                .jsonPath("$.closed.closedAt").isNotEmpty()
                .jsonPath("$.closed.closedById").isEmpty()
                .jsonPath("$.closed.closedByName").isEmpty();
        String file = csv(client, setup.brand(), "2026-11").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(file).startsWith("row,activity,planned_hours,").doesNotContain("bill_amount")
                .contains("\r\ntotal,,40.00,51.50,50.00,1.50,8.00,48.00,104.2,2.00,0.00,3400.00,170.00,3570.00,EUR\r\n");
        // another brand of the agency, outside the client's scope, and the agency's reports
        report(client, newBrand(setup.agency(), "Someone else's"), "2026-11").expectStatus().isNotFound();
        get(client, "/v1/hours-reports/members?month=2026-11").expectStatus().isForbidden();
        get(client, "/v1/hours-reports/agency?month=2026-11").expectStatus().isForbidden();
    }

    @Test
    void staffGetTheCsvWithBillAmountsAndAPdfToForward() {
        Setup setup = alpenmilch();
        String file = csv(setup.agency().adminToken(), setup.brand(), "2026-11").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().valueMatches("Content-Disposition", ".*hours-2026-11\\.csv.*")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(file).contains(",currency,bill_amount\r\n")
                .contains("\r\nactivity,Community management,24.00,44.00,44.00,0.00,,,,,,,,,,3740.00\r\n")
                .endsWith(",3400.00,170.00,3570.00,EUR,4250.00\r\n");
        byte[] pdf = http.get().uri("/v1/brands/" + setup.brand() + "/hours-report/report.pdf?month=2026-11")
                .headers(h -> h.setBearerAuth(setup.agency().adminToken())).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void membersReportCapacityAndSocialMediaManagersTheirOwnRowOnly() {
        Setup setup = alpenmilch();
        UUID social = newStaffMember(setup.agency(), "Sam", "Social");
        entry(setup.agency().tenant(), social, setup.brand(), setup.community(), LocalDate.of(2026, 11, 10), 600,
                true, "850.00", "400.00", null);
        entry(setup.agency().tenant(), social, setup.brand(), setup.community(), LocalDate.of(2026, 11, 11), 200,
                false, "0.00", "133.33", null);

        get(setup.agency().adminToken(), "/v1/hours-reports/members?month=2026-11").expectStatus().isOk().expectBody()
                .jsonPath("$.workingDays").isEqualTo(21)
                .jsonPath("$.members.length()").isEqualTo(2)
                .jsonPath("$.members[?(@.memberId == '" + setup.member() + "')].billableHours").isEqualTo(50.0)
                .jsonPath("$.members[?(@.memberId == '" + social + "')].trackedHours").isEqualTo(13.33)
                .jsonPath("$.members[?(@.memberId == '" + social + "')].billableSharePercent").isEqualTo(75.0);
        get(setup.agency().tokenFor(social), "/v1/hours-reports/members?month=2026-11").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.members.length()").isEqualTo(1)
                .jsonPath("$.members[0].memberId").isEqualTo(social.toString());
        report(setup.agency().tokenFor(social), setup.brand(), "2026-11").expectStatus().isForbidden();
    }

    @Test
    void theAgencyMonthShowsMarginsToAdminsOnly() {
        Setup setup = alpenmilch();
        UUID other = newBrand(setup.agency(), "Hafenrad");
        entry(setup.agency().tenant(), setup.member(), other, setup.content(), LocalDate.of(2026, 11, 9), 120, true,
                "190.00", "80.00", null);

        get(setup.agency().adminToken(), "/v1/hours-reports/agency?month=2026-11").expectStatus().isOk().expectBody()
                .jsonPath("$.brands.length()").isEqualTo(2)
                .jsonPath("$.brands[0].brandName").isEqualTo("Alpenmilch")
                .jsonPath("$.brands[0].invoiceAmount").isEqualTo("3570.00")
                .jsonPath("$.brands[0].costAmount").isEqualTo("2060.00")
                .jsonPath("$.brands[0].marginAmount").isEqualTo("1510.00")
                .jsonPath("$.brands[0].marginPercent").isEqualTo(42.3)
                .jsonPath("$.brands[1].hasContract").isEqualTo(false)
                .jsonPath("$.brands[1].invoiceAmount").isEqualTo("190.00")
                .jsonPath("$.totals.invoiceAmount").isEqualTo("3760.00")
                .jsonPath("$.totals.marginAmount").isEqualTo("1620.00");
        get(memberToken(setup.agency(), Role.AGENCY_MANAGER), "/v1/hours-reports/agency?month=2026-11")
                .expectStatus().isForbidden();
    }

    @Test
    void anotherAgencysBrandIsNotFoundAndBadMonthsAreRefused() {
        Setup setup = alpenmilch();
        TestAgency other = newAgency("hours-other");
        report(other.adminToken(), setup.brand(), "2026-11").expectStatus().isNotFound();
        get(other.adminToken(), "/v1/hours-reports/agency?month=2026-11").expectStatus().isOk().expectBody()
                .jsonPath("$.brands.length()").isEqualTo(0);

        for (String month : new String[]{"2026-13", "2026-00", "26-11", "2026-1", "november"}) {
            expectFieldError(report(setup.agency().adminToken(), setup.brand(), month), "month");
        }
        get(setup.agency().adminToken(), "/v1/brands/" + setup.brand() + "/hours-report").expectStatus()
                .isBadRequest();
        get(setup.agency().adminToken(), "/v1/hours-reports/members").expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec report(String token, UUID brand, String month) {
        return get(token, "/v1/brands/" + brand + "/hours-report?month=" + month);
    }

    private WebTestClient.ResponseSpec csv(String token, UUID brand, String month) {
        return get(token, "/v1/brands/" + brand + "/hours-report/export.csv?month=" + month);
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }
}
