package com.agencyhub.roster.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load and fairness through the API: Jonas and Lea take weekly turns on a brand that must be watched Mondays 09–17
 * and Saturdays 10–18 (Europe/Berlin, no normal working hours in their profiles, so all duty is unsocial): in the
 * first week Jonas carries all 16 required hours, in the second Lea.
 */
class RosterLoadApiTest extends ApiTest {

    private TestAgency agency;
    private UUID jonas;
    private UUID lea;

    @BeforeEach
    void twoMembersTakingWeeklyTurns() {
        agency = newAgency("load");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        UUID brand = UUID.fromString(http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Alpenmilch", "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString());
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), lea, List.of(
                StrategyApiTest.window("MONDAY", "09:00", "17:00"),
                StrategyApiTest.window("SATURDAY", "10:00", "18:00"))), "/draft/approval");
        http.post().uri("/v1/roster/rotations").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Weekly", "priority", 1, "memberIds", List.of(jonas, lea), "lengthDays", 7,
                        "handoffTime", "00:00", "startDate", "2027-03-08", "zone", "Europe/Berlin",
                        "brandIds", List.of(brand)))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void oneWeekShowsWhoCarriedTheLoadAndHowUnevenlyItWasSpread() {
        JsonNode load = load(agency.tokenFor(lea), "week=2027-W10&weeks=1");
        assertThat(load.path("firstWeek").asString()).isEqualTo("2027-W10");
        assertThat(load.path("fairness").path("gini").asDouble()).isEqualTo(0.5);
        assertThat(load.path("fairness").path("members").asInt()).isEqualTo(2);
        JsonNode jonasWeek = member(load, jonas).path("weeks").get(0);
        assertThat(jonasWeek.path("onDutyMinutes").asLong()).isEqualTo(16 * 60);
        assertThat(jonasWeek.path("weekendMinutes").asLong()).isEqualTo(8 * 60);
        assertThat(jonasWeek.path("outsideWorkingHoursMinutes").asLong()).isEqualTo(16 * 60);
        assertThat(jonasWeek.path("daysOnDuty").asInt()).isEqualTo(2);
        assertThat(member(load, jonas).path("unsocialShare").asDouble()).isEqualTo(1.0);
        assertThat(member(load, lea).path("weeks").get(0).path("onDutyMinutes").asLong()).isZero();
    }

    @Test
    void overTwoWeeksTheTurnsEvenOut() {
        JsonNode load = load(agency.adminToken(), "week=2027-W10&weeks=2");
        assertThat(load.path("lastWeek").asString()).isEqualTo("2027-W11");
        assertThat(load.path("fairness").path("gini").asDouble()).isZero();
        assertThat(member(load, lea).path("weeks").get(1).path("onDutyMinutes").asLong()).isEqualTo(16 * 60);
        assertThat(member(load, jonas).path("unsocialMinutes").asLong())
                .isEqualTo(member(load, lea).path("unsocialMinutes").asLong()).isEqualTo(16 * 60);
    }

    @Test
    void badWeeksAreRefusedAndOthersSeeNothing() {
        expectFieldError(http.get().uri("/v1/roster/load?week=2027-W54").headers(h -> h.setBearerAuth(
                agency.adminToken())).exchange(), "week");
        expectFieldError(http.get().uri("/v1/roster/load?weeks=14").headers(h -> h.setBearerAuth(
                agency.adminToken())).exchange(), "weeks");
        JsonNode foreign = load(newAgency("load-other").adminToken(), "week=2027-W10&weeks=1");
        assertThat(foreign.path("members").size()).isZero();
        assertThat(foreign.path("fairness").path("gini").asDouble()).isZero();
        http.get().uri("/v1/roster/load").headers(h -> h.setBearerAuth(memberToken(agency,
                Role.CLIENT_VIEWER))).exchange().expectStatus().isForbidden();
    }

    private JsonNode load(String token, String query) {
        return http.get().uri("/v1/roster/load?" + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode member(JsonNode load, UUID id) {
        return load.path("members").valueStream().filter(m -> m.path("memberId").asString().equals(id.toString()))
                .findFirst().orElseThrow();
    }
}
