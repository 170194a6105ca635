package com.agencyhub.businesstime.web;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BusinessTimeSpanDto;
import com.agencyhub.api.model.TimeClassMinutesDto;
import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ContractOperations;
import tools.jackson.databind.JsonNode;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brand's calendar through the API: office hours Monday to Friday 09:00–17:00 in Europe/Berlin, holidays of
 * DE-BY treated as Sundays (no windows), SLA normal 120/960 min on the business clock, critical 30/240 min on the
 * calendar clock. Christmas 2026: the 24th is a Thursday (a working day), the 25th and 26th are public holidays.
 */
class BusinessTimeApiTest extends ApiTest {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private TestAgency agency;
    private UUID brand;

    @BeforeEach
    void aBrandWithApprovedStrategyAndPublishedGuidelines() {
        agency = newAgency("clock");
        brand = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Alpenmilch", "zone", "Europe/Berlin", "locale", "de-DE", "holidayRegion", "DE-BY",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody().getId();
        UUID deputy = newStaffMember(agency, "Dora", "Deputy");
        List<Map<String, Object>> officeHours = Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                .map(day -> StrategyApiTest.window(day, "09:00", "17:00")).toList();
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), deputy, officeHours), "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", GuidelinesApiTest.content(), "/draft/publication");
    }

    @Test
    void businessClockDueTimesSkipTheEveningsTheHolidaysAndTheWeekend() {
        due("2026-12-23T15:30:00Z", "normal").expectStatus().isOk().expectBody()
                .jsonPath("$.clock").isEqualTo("business")
                .jsonPath("$.appliedPriority").isEqualTo("normal")
                // 30 min left on Wednesday, 90 on Thursday from 09:00 CET
                .jsonPath("$.firstResponseDueAt").isEqualTo("2026-12-24T09:30:00Z")
                // 30 + 480 on Wed/Thu, nothing on the 25th, 26th and Sunday, 450 on Monday
                .jsonPath("$.resolutionDueAt").isEqualTo("2026-12-28T15:30:00Z")
                .jsonPath("$.guidelinesVersion").isEqualTo(1);
    }

    @Test
    void calendarClockCountsAroundTheClockAndUndefinedPrioritiesFallBackToNormal() {
        due("2026-12-23T15:30:00Z", "critical").expectStatus().isOk().expectBody()
                .jsonPath("$.clock").isEqualTo("calendar")
                .jsonPath("$.firstResponseDueAt").isEqualTo("2026-12-23T16:00:00Z")
                .jsonPath("$.resolutionDueAt").isEqualTo("2026-12-23T19:30:00Z");
        due("2026-12-23T15:30:00Z", "low").expectStatus().isOk().expectBody()
                .jsonPath("$.priority").isEqualTo("low")
                .jsonPath("$.appliedPriority").isEqualTo("normal");
    }

    /** Issue 13: a later strategy or guidelines version never rewrites an earlier interaction's due times. */
    @SuppressWarnings("unchecked")
    @Test
    void dueTimesFollowTheVersionsInForceWhenTheInteractionArrived() throws InterruptedException {
        Thread.sleep(1_100);
        String beforeTheNewVersions = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Thread.sleep(1_100);
        List<Map<String, Object>> everyDay = Stream.of(DayOfWeek.values())
                .map(day -> StrategyApiTest.window(day.name(), "08:00", "20:00")).toList();
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(),
                newStaffMember(agency, "Dana", "Deputy"), everyDay), "/draft/approval");
        Map<String, Object> faster = new HashMap<>(GuidelinesApiTest.content());
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Object policy : (List<?>) faster.get("slaPolicies")) {
            Map<String, Object> changed = new HashMap<>((Map<String, Object>) policy);
            if ("normal".equals(changed.get("priority"))) {
                changed.put("firstResponseMinutes", 60);
            }
            policies.add(changed);
        }
        faster.put("slaPolicies", policies);
        draftAndFinish(agency, brand, "/guidelines", faster, "/draft/publication");

        due(beforeTheNewVersions, "normal").expectStatus().isOk().expectBody()
                .jsonPath("$.guidelinesVersion").isEqualTo(1)
                .jsonPath("$.strategyVersion").isEqualTo(1)
                .jsonPath("$.firstResponseMinutes").isEqualTo(120);
        Thread.sleep(1_100);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        due(now, "normal").expectStatus().isOk().expectBody()
                .jsonPath("$.guidelinesVersion").isEqualTo(2)
                .jsonPath("$.strategyVersion").isEqualTo(2)
                .jsonPath("$.firstResponseMinutes").isEqualTo(60);
        due(now, "critical").expectStatus().isOk().expectBody()
                .jsonPath("$.clock").isEqualTo("calendar")
                .jsonPath("$.strategyVersion").isEmpty();
        due("2001-01-01T00:00:00Z", "normal").expectStatus().isOk().expectBody()
                .jsonPath("$.guidelinesVersion").isEqualTo(1)
                .jsonPath("$.strategyVersion").isEqualTo(1);
    }

    /** The contract's examples describe this test's brand; they must be what the API answers, to the letter. */
    @Test
    void theContractsExamplesAreTheApisAnswers() {
        JsonNode due = ContractOperations.responseExample("getDueTimes", "200", "beforeChristmas");
        JsonNode answeredDue = JSON.readTree(due(due.path("receivedAt").asString(), due.path("priority").asString())
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(answeredDue).isEqualTo(due);

        JsonNode between = ContractOperations.responseExample("getBusinessTimeBetween", "200", "christmas");
        JsonNode answeredBetween = JSON.readTree(between(between.path("from").asString(), between.path("to").asString())
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(answeredBetween).isEqualTo(between);
    }

    @Test
    void businessMinutesAndTheirSplitOverChristmas() {
        BusinessTimeSpanDto span = between("2026-12-24T12:00:00Z", "2026-12-28T12:00:00Z").expectStatus().isOk()
                .expectBody(BusinessTimeSpanDto.class).returnResult().getResponseBody();

        assertThat(span.getTotalMinutes()).isEqualTo(4 * 24 * 60);
        assertThat(span.getBusinessMinutes()).isEqualTo(240 + 240);
        assertThat(minutes(span, "holiday")).isEqualTo(2 * 24 * 60);
        assertThat(minutes(span, "weekend")).isEqualTo(24 * 60);
        assertThat(span.getClasses()).filteredOn(TimeClassMinutesDto::getBusinessTime)
                .extracting(c -> c.getTimeClass().getValue()).containsOnly("weekday-daytime");
        assertThat(span.getClasses().stream().mapToInt(TimeClassMinutesDto::getMinutes).sum()).isEqualTo(span.getTotalMinutes());
    }

    @Test
    void withoutApprovedStrategyOrPublishedGuidelinesThereIsNoClock() {
        UUID bare = newBrand(agency, "Bare");

        http.get().uri("/v1/brands/" + bare + "/business-time/due?receivedAt=2026-12-23T15:30:00Z&priority=normal")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isEqualTo(409);
        http.get().uri("/v1/brands/" + bare + "/business-time/between?from=2026-12-23T00:00:00Z&to=2026-12-24T00:00:00Z")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("approved strategy"));
    }

    @Test
    void badInputIsAFieldError() {
        expectFieldError(between("2026-12-24T12:00:00Z", "2026-12-24T12:00:00Z"), "to");
        expectFieldError(between("2026-01-01T00:00:00Z", "2027-01-03T00:00:00Z"), "to");
        between("yesterday", "2026-12-24T12:00:00Z").expectStatus().isBadRequest();
        due("2026-12-23T15:30:00Z", "urgent").expectStatus().isBadRequest();
        expectFieldError(due("9999-12-31T23:00:00Z", "normal"), "receivedAt");
        expectFieldError(between("1500-01-01T00:00:00Z", "1500-01-02T00:00:00Z"), "from");
        http.get().uri("/v1/brands/" + brand + "/business-time/due?priority=normal")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isBadRequest();
    }

    @Test
    void onlyTheAgencysStaffEvaluateIt() {
        TestAgency other = newAgency("elsewhere");
        String client = clientViewer(agency, brand);

        call(other.adminToken(), "/due?receivedAt=2026-12-23T15:30:00Z&priority=normal").expectStatus().isNotFound();
        call(other.adminToken(), "/between?from=2026-12-23T00:00:00Z&to=2026-12-24T00:00:00Z").expectStatus().isNotFound();
        call(client, "/due?receivedAt=2026-12-23T15:30:00Z&priority=normal").expectStatus().isForbidden();
        call(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER),
                "/between?from=2026-12-23T00:00:00Z&to=2026-12-24T00:00:00Z").expectStatus().isOk();
        http.get().uri("/v1/brands/" + UUID.randomUUID() + "/business-time/due?receivedAt=2026-12-23T15:30:00Z&priority=normal")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isNotFound();
    }

    private static int minutes(BusinessTimeSpanDto span, String timeClass) {
        return span.getClasses().stream().filter(c -> c.getTimeClass().getValue().equals(timeClass))
                .mapToInt(TimeClassMinutesDto::getMinutes).sum();
    }

    private WebTestClient.ResponseSpec due(String receivedAt, String priority) {
        return call(agency.adminToken(), "/due?receivedAt=" + receivedAt + "&priority=" + priority);
    }

    private WebTestClient.ResponseSpec between(String from, String to) {
        return call(agency.adminToken(), "/between?from=" + from + "&to=" + to);
    }

    private WebTestClient.ResponseSpec call(String token, String path) {
        return http.get().uri("/v1/brands/" + brand + "/business-time" + path).headers(h -> h.setBearerAuth(token))
                .exchange();
    }
}
