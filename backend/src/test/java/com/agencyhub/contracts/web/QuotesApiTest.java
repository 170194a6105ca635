package com.agencyhub.contracts.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.PricingRows;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotes from the approved strategy, what-if comparisons and the agency's quote parameters. The strategy of these
 * tests (StrategyApiTest's plan) has 2 Instagram posts a week at 90 minutes, 120 interactions a week at 4 minutes,
 * and coverage Monday to Friday 08:00–18:00; the brand has no holiday region, so its 52 weeks hold 2600 hours of
 * weekday daytime. Every hour is billed at 80.00, weekends with 25 % on top.
 */
class QuotesApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;

    @BeforeEach
    void brandWithApprovedStrategy() {
        agency = newAgency("quotes");
        brand = brandOnInstagram("Alpenmilch");
        UUID deputy = newStaffMember(agency, "Dana", "Deputy");
        List<Map<String, Object>> weekdays = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            weekdays.add(StrategyApiTest.window(day, "08:00", "18:00"));
        }
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), deputy, weekdays),
                "/draft/approval");
        PricingRows.rate(agency.tenant(), null, "80.00", "40.00");
        PricingRows.surcharge(agency.tenant(), "weekend", "25.00");
    }

    /**
     * With the default parameters (monitoring 20 %, baselines 4, 3 and 2 hours), each line rounded to 0.01 h:
     * <pre>
     *   strategy-planning     baseline                           4.00 h × 80.00 =  320.00
     *   content-creation      2 × 90 min = 180 min × 52/12 ÷ 60  13.00 h × 80.00 = 1040.00
     *   community-management  120 × 4 min = 480 min × 52/12 ÷ 60 34.67 h × 80.00 = 2773.60
     *   monitoring            2600 h ÷ 12 × 20 %                 43.33 h × 80.00 = 3466.40
     *   reporting, meetings   baselines                          3.00 + 2.00 h   =  400.00
     *                                                            100.00 h          8000.00
     * </pre>
     */
    @Test
    void theQuoteShowsEveryLineWithItsFormulaAndPrice() {
        JsonNode quote = quote(agency.adminToken()).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();

        assertThat(lines(quote)).containsExactly(
                "strategy-planning weekday-daytime 4 = 320.00",
                "content-creation weekday-daytime 13 = 1040.00",
                "community-management weekday-daytime 34.67 = 2773.60",
                "monitoring weekday-daytime 43.33 = 3466.40",
                "reporting weekday-daytime 3 = 240.00",
                "meetings weekday-daytime 2 = 160.00");
        assertThat(quote.path("totalHours").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(quote.path("monthlyPrice").asString()).isEqualTo("8000.00");
        assertThat(quote.path("weeksPerMonth").asString()).isEqualTo("52/12");
        assertThat(quote.path("parameters").path("monitoringEffortPercent").asInt()).isEqualTo(20);
        assertThat(quote.path("lines").get(1).path("formula").asString())
                .isEqualTo("(instagram 2 × 90 min) per week = 180 min × 52/12 weeks ÷ 60");
        assertThat(quote.path("lines").get(3).path("formula").asString())
                .isEqualTo("coverage 2600 h weekday-daytime in 52 weeks ÷ 12 × 20 %");
    }

    /**
     * Weekend coverage Saturday and Sunday 10:00–18:00 is 16 h a week, 832 h in 52 weeks: 832 ÷ 12 × 20 % = 13.87 h
     * at 80.00 + 25 % = 1387.00; two more posts double content creation: +13.00 h, +1040.00.
     */
    @Test
    void whatIfAnswersBothQuotesAndTheDifferencePerActivity() {
        JsonNode comparison = whatIf(agency.adminToken(), Map.of(
                "addCoverageWindows", List.of(StrategyApiTest.window("SATURDAY", "10:00", "18:00"),
                        StrategyApiTest.window("SUNDAY", "10:00", "18:00")),
                "extraPosts", List.of(Map.of("platform", "instagram", "postsPerWeek", 2, "effortMinutesPerPost", 90))))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(comparison.path("current").path("monthlyPrice").asString()).isEqualTo("8000.00");
        assertThat(comparison.path("changed").path("monthlyPrice").asString()).isEqualTo("10427.00");
        assertThat(lines(comparison.path("changed"))).contains("monitoring weekend 13.87 = 1387.00",
                "content-creation weekday-daytime 26 = 2080.00");
        List<String> difference = new ArrayList<>();
        comparison.path("difference").forEach(change -> difference.add(change.path("activityKey").asString() + " "
                + change.path("hours").decimalValue().stripTrailingZeros().toPlainString() + " "
                + change.path("amount").asString()));
        assertThat(difference).containsExactly("strategy-planning 0 0.00", "content-creation 13 1040.00",
                "community-management 0 0.00", "monitoring 13.87 1387.00", "reporting 0 0.00", "meetings 0 0.00");
        assertThat(comparison.path("hoursDifference").decimalValue()).isEqualByComparingTo("26.87");
        assertThat(comparison.path("priceDifference").asString()).isEqualTo("2427.00");

        expectFieldError(whatIf(agency.adminToken(), Map.of("addCoverageWindows", List.of(
                StrategyApiTest.window("MONDAY", "17:00", "20:00")))), "addCoverageWindows");
        whatIf(agency.adminToken(), Map.of()).expectStatus().isBadRequest();
    }

    @Test
    void theAgencysParametersChangeTheQuoteAndOnlyAdminsSetThem() {
        settings(agency.adminToken()).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.parameters.monitoringEffortPercent").isEqualTo(20)
                .jsonPath("$.version").isEqualTo(0);
        Map<String, Object> lean = Map.of("monitoringEffortPercent", 10, "strategyPlanningHoursPerMonth", 4,
                "reportingHoursPerMonth", 3, "meetingsHoursPerMonth", 2.5);
        String manager = memberToken(agency, Role.AGENCY_MANAGER);
        putSettings(manager, "\"0\"", lean).expectStatus().isForbidden();
        settings(manager).expectStatus().isOk();
        settings(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER)).expectStatus().isForbidden();
        putSettings(agency.adminToken(), "\"0\"", Map.of("monitoringEffortPercent", 101,
                "strategyPlanningHoursPerMonth", 4, "reportingHoursPerMonth", 3, "meetingsHoursPerMonth", 2))
                .expectStatus().isBadRequest();
        expectFieldError(putSettings(agency.adminToken(), "\"0\"", Map.of("monitoringEffortPercent", 10,
                "strategyPlanningHoursPerMonth", 4.125, "reportingHoursPerMonth", 3, "meetingsHoursPerMonth", 2)),
                "parameters.strategyPlanningHoursPerMonth");
        putSettings(agency.adminToken(), "\"0\"", lean).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        putSettings(agency.adminToken(), "\"0\"", lean).expectStatus().isEqualTo(412);
        http.get().uri("/v1/audit-events?entityType=quote-settings").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].action").isEqualTo("quote-settings.replaced")
                .jsonPath("$.items[0].before.monitoringEffortPercent").isEqualTo(20)
                .jsonPath("$.items[0].after.monitoringEffortPercent").isEqualTo(10);

        // 2600 h ÷ 12 × 10 % = 21.666… → 21.67 h; meetings 2.5 h
        JsonNode quote = quote(manager).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(lines(quote)).contains("monitoring weekday-daytime 21.67 = 1733.60",
                "meetings weekday-daytime 2.5 = 200.00");
    }

    @Test
    void aContractStartsFromTheQuoteAndKeepsIt() {
        JsonNode contract = http.post().uri("/v1/brands/" + brand + "/contracts")
                .headers(h -> h.setBearerAuth(agency.adminToken())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startMonth", "2030-01", "fromQuote", true, "overageRate", "95.00",
                        "carryOver", Map.of("rule", "capped", "capHours", 10)))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(contract.path("monthlyPrice").asString()).isEqualTo("8000.00");
        assertThat(contract.path("lines").size()).isEqualTo(6);
        assertThat(contract.path("quote").path("strategyVersion").asInt()).isEqualTo(1);
        assertThat(contract.path("quote").path("lines").get(2).path("formula").asString())
                .startsWith("120 interactions × 4 min per week");
        http.get().uri("/v1/brands/" + brand + "/contracts/" + contract.path("id").asString())
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.quote.monthlyPrice").isEqualTo("8000.00");
    }

    @Test
    void aBrandWithoutAnApprovedStrategyHasNoQuote() {
        UUID without = brandOnInstagram("No strategy yet");
        http.get().uri("/v1/brands/" + without + "/quote").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("no approved strategy"));
        http.post().uri("/v1/brands/" + without + "/contracts").headers(h -> h.setBearerAuth(agency.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("startMonth", "2030-01", "fromQuote", true,
                        "overageRate", "95.00", "carryOver", Map.of("rule", "none")))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void quotesAreForTheAgencysPlannersOnly() {
        quote(newAgency("quotes-other").adminToken()).expectStatus().isNotFound();
        quote(clientViewer(agency, brand)).expectStatus().isForbidden();
        quote(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER)).expectStatus().isForbidden();
    }

    private UUID brandOnInstagram(String name) {
        return http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", name, "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString().transform(UUID::fromString);
    }

    private static List<String> lines(JsonNode quote) {
        List<String> lines = new ArrayList<>();
        quote.path("lines").forEach(line -> lines.add(line.path("activityKey").asString() + " "
                + line.path("timeClass").asString() + " "
                + line.path("hoursPerMonth").decimalValue().stripTrailingZeros().toPlainString() + " = "
                + line.path("amount").asString()));
        return lines;
    }

    private WebTestClient.ResponseSpec quote(String token) {
        return http.get().uri("/v1/brands/" + brand + "/quote").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec whatIf(String token, Map<String, Object> changes) {
        return http.post().uri("/v1/brands/" + brand + "/quote/what-if").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(changes).exchange();
    }

    private WebTestClient.ResponseSpec settings(String token) {
        return http.get().uri("/v1/quote-settings").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec putSettings(String token, String ifMatch, Map<String, Object> parameters) {
        return http.put().uri("/v1/quote-settings").headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(ifMatch);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(parameters).exchange();
    }
}
