package com.agencyhub.roster.web;

import com.agencyhub.api.model.RosterChangeDto;
import com.agencyhub.api.model.RosterChangePageDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.roster.web.RosterFixture.BERLIN;
import static com.agencyhub.roster.web.RosterFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The changes per member that the roster writes record, through the API. Jonas and Lea take daily turns on Alpenmilch
 * from today 09:00 in Europe/Berlin, Jonas first (so Jonas has the turns starting an even number of days from today,
 * Lea the odd ones); Lea is the deputy of the brand's team. Every write goes through the API, so the rows are stored
 * in the write's transaction, under row-level security.
 */
class RosterChangesApiTest extends ApiTest {

    private TestAgency agency;
    private UUID alpenmilch;
    private UUID jonas;
    private UUID lea;
    private UUID manager;
    private LocalDate today;

    @BeforeEach
    void jonasAndLeaTakeDailyTurns() {
        agency = newAgency("roster-changes");
        alpenmilch = newBrand(agency, "Alpenmilch");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        manager = newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
        http.put().uri("/v1/brands/" + alpenmilch + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", jonas, "responsibility", "responsible"),
                        Map.of("memberId", lea, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        today = LocalDate.now(BERLIN);
        created(agency.adminToken(), "/v1/roster/rotations", rotation(List.of(jonas, lea), 1, List.of(), alpenmilch));
    }

    @Test
    void aSickDayMakesTheDeputyGainDutyAndTheSickMemberLoseIt() {
        LocalDate jonasDay = today.plusDays(8);
        JsonNode sick = created(agency.tokenFor(manager), "/v1/roster/absences", Map.of("memberId", jonas,
                "kind", "sick", "from", berlin(jonasDay, "10:00").toString(), "to",
                berlin(jonasDay, "16:00").toString()));
        UUID cause = id(sick);

        RosterChangeDto leaGained = changes(agency.tokenFor(lea), "").get(0);
        assertThat(leaGained).extracting(RosterChangeDto::getMemberId, RosterChangeDto::getBrandId,
                        change -> change.getKind().getValue(), change -> change.getCause().getValue(),
                        RosterChangeDto::getCauseId, RosterChangeDto::getChangedBy)
                .containsExactly(lea, alpenmilch, "gained", "absence", cause, manager);
        assertThat(stretch(leaGained)).containsExactly(berlin(jonasDay, "10:00"), berlin(jonasDay, "16:00"));

        List<RosterChangeDto> jonasChanges = causedBy(changes(agency.tokenFor(manager), "?memberId=" + jonas), cause);
        assertThat(jonasChanges).extracting(change -> change.getKind().getValue(), change -> stretch(change))
                .containsExactly(tuple("lost", List.of(berlin(jonasDay, "10:00"), berlin(jonasDay, "16:00"))));
        assertThat(causedBy(changes(agency.tokenFor(jonas), ""), cause)).isEqualTo(jonasChanges);
    }

    @Test
    void anOverrideAndItsDeletionAreChangesOfBothMembers() {
        LocalDate jonasDay = today.plusDays(10);
        JsonNode override = created(agency.tokenFor(manager), "/v1/roster/overrides", Map.of("memberId", lea,
                "from", berlin(jonasDay, "10:00").toString(), "to", berlin(jonasDay, "12:00").toString(),
                "brandIds", List.of(alpenmilch)));
        UUID cause = id(override);
        call(HttpMethod.DELETE, agency.tokenFor(lea), "/v1/roster/overrides/" + cause, null, null).expectStatus()
                .isNoContent();

        List<Instant> hours = List.of(berlin(jonasDay, "10:00"), berlin(jonasDay, "12:00"));
        // newest first: the deletion, then the creation
        assertThat(causedBy(changes(agency.tokenFor(lea), ""), cause))
                .extracting(change -> change.getKind().getValue(), change -> change.getCause().getValue(),
                        RosterChangeDto::getChangedBy, change -> stretch(change))
                .containsExactly(tuple("lost", "override", lea, hours), tuple("gained", "override", manager, hours));
        assertThat(causedBy(changes(agency.adminToken(), "?memberId=" + jonas), cause))
                .extracting(change -> change.getKind().getValue(), change -> stretch(change))
                .containsExactly(tuple("gained", hours), tuple("lost", hours));
    }

    @Test
    void aSwapGivesEachMemberOneStretchGainedAndOneLost() {
        LocalDate jonasDay = today.plusDays(12);
        LocalDate leaDay = today.plusDays(13);
        JsonNode swap = created(agency.tokenFor(jonas), "/v1/roster/swaps", Map.of("brandIds", List.of(alpenmilch),
                "first", Map.of("memberId", jonas, "from", berlin(jonasDay, "10:00").toString(),
                        "to", berlin(jonasDay, "12:00").toString()),
                "second", Map.of("memberId", lea, "from", berlin(leaDay, "10:00").toString(),
                        "to", berlin(leaDay, "12:00").toString())));
        UUID cause = UUID.fromString(swap.path("swapId").asString());

        List<Instant> jonasHours = List.of(berlin(jonasDay, "10:00"), berlin(jonasDay, "12:00"));
        List<Instant> leaHours = List.of(berlin(leaDay, "10:00"), berlin(leaDay, "12:00"));
        assertThat(causedBy(changes(agency.tokenFor(lea), ""), cause))
                .extracting(change -> change.getKind().getValue(), change -> change.getCause().getValue(),
                        RosterChangeDto::getChangedBy, change -> stretch(change))
                .containsExactlyInAnyOrder(tuple("gained", "swap", jonas, jonasHours),
                        tuple("lost", "swap", jonas, leaHours));
        assertThat(causedBy(changes(agency.tokenFor(jonas), ""), cause))
                .extracting(change -> change.getKind().getValue(), change -> stretch(change))
                .containsExactlyInAnyOrder(tuple("lost", jonasHours), tuple("gained", leaHours));
    }

    @Test
    void aRotationEditHandsItsShiftsToTheNewMemberWithinTheNextEightWeeks() {
        UUID bergkaese = newBrand(agency, "Bergkäse");
        List<Map<String, String>> saturdays = List.of(Map.of("day", "SATURDAY", "start", "10:00", "end", "18:00"));
        UUID rotation = id(created(agency.adminToken(), "/v1/roster/rotations",
                rotation(List.of(jonas), 7, saturdays, bergkaese)));
        call(HttpMethod.PUT, agency.tokenFor(manager), "/v1/roster/rotations/" + rotation,
                rotation(List.of(lea), 7, saturdays, bergkaese), "\"1\"").expectStatus().isOk();

        List<RosterChangeDto> leaGained = causedBy(changes(agency.tokenFor(lea), ""), rotation);
        assertThat(leaGained).allSatisfy(change -> {
            assertThat(change.getKind().getValue()).isEqualTo("gained");
            assertThat(change.getBrandId()).isEqualTo(bergkaese);
            assertThat(change.getChangedBy()).isEqualTo(manager);
            ZonedDateTime start = change.getStart().toInstant().atZone(BERLIN);
            ZonedDateTime end = change.getEnd().toInstant().atZone(BERLIN);
            assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(end.toLocalDate()).isEqualTo(start.toLocalDate());
            assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(10, 0));
            assertThat(end.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(18, 0));
        });
        // eight weeks hold eight Saturdays (and a piece of a ninth when they start on a Saturday between 10 and 18)
        assertThat(leaGained).hasSizeBetween(8, 9);

        // Jonas gained them all when the rotation was created and lost them when it was handed over
        List<RosterChangeDto> jonasChanges = causedBy(changes(agency.tokenFor(jonas), "?limit=200"), rotation);
        assertThat(jonasChanges.stream().filter(change -> change.getKind().getValue().equals("lost"))
                .map(RosterChangesApiTest::stretch)).containsExactlyInAnyOrderElementsOf(
                        leaGained.stream().map(RosterChangesApiTest::stretch).toList());
        assertThat(jonasChanges.stream().filter(change -> change.getKind().getValue().equals("gained"))
                .map(RosterChangeDto::getChangedBy)).hasSize(leaGained.size()).containsOnly(agency.admin().value());
    }

    @Test
    void aPendingVacationChangesNothingUntilApprovedAndItsCancellationGivesTheDutyBack() {
        LocalDate leaDay = today.plusDays(15);
        List<Instant> hours = List.of(berlin(leaDay, "10:00"), berlin(leaDay, "16:00"));
        UUID vacation = id(created(agency.tokenFor(lea), "/v1/roster/absences", Map.of("kind", "vacation",
                "from", hours.get(0).toString(), "to", hours.get(1).toString())));
        assertThat(causedBy(changes(agency.tokenFor(lea), ""), vacation)).isEmpty();
        assertThat(causedBy(changes(agency.tokenFor(jonas), ""), vacation)).isEmpty();

        call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/absences/" + vacation + "/decision",
                Map.of("decision", "approved"), null).expectStatus().isOk();
        // the brand's deputy is the absent Lea herself, so the layer's next member stands in
        assertThat(causedBy(changes(agency.tokenFor(lea), ""), vacation))
                .extracting(change -> change.getKind().getValue(), RosterChangeDto::getChangedBy,
                        change -> stretch(change))
                .containsExactly(tuple("lost", manager, hours));
        assertThat(causedBy(changes(agency.tokenFor(jonas), ""), vacation))
                .extracting(change -> change.getKind().getValue(), change -> stretch(change))
                .containsExactly(tuple("gained", hours));

        call(HttpMethod.DELETE, agency.tokenFor(lea), "/v1/roster/absences/" + vacation, null, null)
                .expectStatus().isNoContent();
        assertThat(causedBy(changes(agency.tokenFor(lea), ""), vacation))
                .extracting(change -> change.getKind().getValue(), RosterChangeDto::getChangedBy)
                .containsExactly(tuple("gained", lea), tuple("lost", manager));
    }

    @Test
    void writesBeyondTheNextEightWeeksRecordNothing() {
        LocalDate farAhead = today.plusDays(64); // one of Jonas's days
        UUID override = id(created(agency.tokenFor(manager), "/v1/roster/overrides", Map.of("memberId", lea,
                "from", berlin(farAhead, "10:00").toString(), "to", berlin(farAhead, "12:00").toString(),
                "brandIds", List.of(alpenmilch))));

        assertThat(causedBy(changes(agency.tokenFor(lea), ""), override)).isEmpty();
    }

    @Test
    void pagesRunNewestFirstWithoutGapsOrRepeats() {
        List<RosterChangeDto> all = changes(agency.tokenFor(jonas), "?limit=200");
        // the rotation gave Jonas every other day of the next eight weeks
        assertThat(all).hasSizeGreaterThanOrEqualTo(27);

        List<RosterChangeDto> paged = new ArrayList<>();
        String cursor = null;
        do {
            RosterChangePageDto page = page(agency.tokenFor(jonas), "?limit=10"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).getCreatedAt()).isBeforeOrEqualTo(all.get(i - 1).getCreatedAt());
        }
        expectFieldError(call(HttpMethod.GET, agency.tokenFor(jonas), "/v1/roster/changes?cursor=nonsense", null,
                null), "cursor");
    }

    @Test
    void socialMediaManagersReadOnlyTheirOwnChangesAndOnlyStaffOfTheAgencyCanBeAsked() {
        call(HttpMethod.GET, agency.tokenFor(lea), "/v1/roster/changes?memberId=" + jonas, null, null)
                .expectStatus().isForbidden();
        assertThat(changes(agency.tokenFor(lea), "?memberId=" + lea)).isNotEmpty();
        expectFieldError(call(HttpMethod.GET, agency.adminToken(), "/v1/roster/changes?memberId=" + UUID.randomUUID(),
                null, null), "memberId");
        call(HttpMethod.GET, clientViewer(agency, alpenmilch), "/v1/roster/changes", null, null).expectStatus()
                .isForbidden();

        String other = newAgency("roster-changes-other").adminToken();
        assertThat(changes(other, "")).isEmpty();
        expectFieldError(call(HttpMethod.GET, other, "/v1/roster/changes?memberId=" + jonas, null, null), "memberId");
    }

    private Map<String, Object> rotation(List<UUID> members, int lengthDays, List<Map<String, String>> restriction,
                                         UUID brand) {
        Map<String, Object> rotation = new HashMap<>();
        rotation.put("name", "Rotation " + UUID.randomUUID());
        rotation.put("priority", 10);
        rotation.put("memberIds", members);
        rotation.put("lengthDays", lengthDays);
        rotation.put("handoffTime", "09:00");
        rotation.put("startDate", today.toString());
        rotation.put("zone", "Europe/Berlin");
        rotation.put("restriction", restriction);
        rotation.put("brandIds", List.of(brand));
        return rotation;
    }

    private static List<Instant> stretch(RosterChangeDto change) {
        return List.of(change.getStart().toInstant(), change.getEnd().toInstant());
    }

    private static List<RosterChangeDto> causedBy(List<RosterChangeDto> changes, UUID cause) {
        return changes.stream().filter(change -> change.getCauseId().equals(cause)).toList();
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.path("id").asString());
    }

    private List<RosterChangeDto> changes(String token, String query) {
        return page(token, query).getItems();
    }

    private RosterChangePageDto page(String token, String query) {
        return call(HttpMethod.GET, token, "/v1/roster/changes" + query, null, null).expectStatus().isOk()
                .expectBody(RosterChangePageDto.class).returnResult().getResponseBody();
    }

    private JsonNode created(String token, String path, Map<String, Object> body) {
        return call(HttpMethod.POST, token, path, body, null).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }
}
