package com.agencyhub.roster.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing the roster through the API: rotations with optimistic concurrency, overrides only for people who may watch
 * the brand, swaps as pairs, absences with vacation approval; refused writes change nothing, and another agency sees
 * none of it.
 */
class RosterWritesApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private UUID jonas;
    private UUID lea;
    private UUID outsider;
    private UUID manager;

    @BeforeEach
    void anAgencyWithATeam() {
        agency = newAgency("roster");
        brand = newBrand(agency, "Alpenmilch");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        outsider = newStaffMember(agency, "Otto", "Outside");
        manager = newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", jonas, "responsibility", "responsible"),
                        Map.of("memberId", lea, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aRotationIsCreatedReadReplacedWithIfMatchAndDeleted() {
        WebTestClient.ResponseSpec created = call(HttpMethod.POST, agency.adminToken(), "/v1/roster/rotations",
                rotation(List.of(jonas, lea), 7, "Europe/Berlin"), null).expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"");
        JsonNode rotation = created.expectBody(JsonNode.class).returnResult().getResponseBody();
        String path = "/v1/roster/rotations/" + rotation.path("id").asString();
        assertThat(rotation.path("memberIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(jonas.toString(), lea.toString());
        assertThat(rotation.path("restriction").size()).isEqualTo(2);

        call(HttpMethod.GET, agency.tokenFor(jonas), path, null, null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        Map<String, Object> daily = rotation(List.of(lea, jonas), 1, "Europe/Vienna");
        call(HttpMethod.PUT, agency.adminToken(), path, daily, null).expectStatus().isEqualTo(428);
        JsonNode replaced = call(HttpMethod.PUT, agency.tokenFor(manager), path, daily, "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"").expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(replaced.path("memberIds").get(0).asString()).isEqualTo(lea.toString());
        assertThat(replaced.path("zone").asString()).isEqualTo("Europe/Vienna");
        call(HttpMethod.PUT, agency.adminToken(), path, daily, "\"1\"").expectStatus().isEqualTo(412);
        call(HttpMethod.DELETE, agency.adminToken(), path, null, "\"1\"").expectStatus().isEqualTo(412);
        call(HttpMethod.DELETE, agency.adminToken(), path, null, "\"2\"").expectStatus().isNoContent();
        call(HttpMethod.GET, agency.adminToken(), path, null, null).expectStatus().isNotFound();

        JsonNode audit = call(HttpMethod.GET, agency.adminToken(), "/v1/audit-events?entityType=roster-rotation",
                null, null).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.path("items").valueStream().map(event -> event.path("action").asString()).toList())
                .contains("roster-rotation.created", "roster-rotation.replaced", "roster-rotation.deleted");
    }

    @Test
    void invalidRotationsAreRefusedNamingTheFieldAndNothingIsStored() {
        String token = agency.adminToken();
        expectFieldError(call(HttpMethod.POST, token, "/v1/roster/rotations", rotation(List.of(), 7, "Europe/Berlin"),
                null), "memberIds");
        expectFieldError(call(HttpMethod.POST, token, "/v1/roster/rotations", rotation(List.of(jonas), 0,
                "Europe/Berlin"), null), "lengthDays");
        expectFieldError(call(HttpMethod.POST, token, "/v1/roster/rotations", rotation(List.of(jonas), 7,
                "Europe/Atlantis"), null), "zone");
        expectFieldError(call(HttpMethod.POST, token, "/v1/roster/rotations", rotation(List.of(jonas, lea, jonas), 7,
                "Europe/Berlin"), null), "memberIds[2]");
        UUID client = UUID.fromString(clientViewerId());
        expectFieldError(call(HttpMethod.POST, token, "/v1/roster/rotations", rotation(List.of(jonas, client), 7,
                "Europe/Berlin"), null), "memberIds[1]");
        Map<String, Object> overlapping = rotation(List.of(jonas), 7, "Europe/Berlin");
        overlapping.put("restriction", List.of(Map.of("day", "SATURDAY", "start", "10:00", "end", "18:00"),
                Map.of("day", "SATURDAY", "start", "17:00", "end", "20:00")));
        expectFieldError(call(HttpMethod.POST, token, "/v1/roster/rotations", overlapping, null), "restriction[1]");
        Map<String, Object> unknownBrand = rotation(List.of(jonas), 7, "Europe/Berlin");
        unknownBrand.put("brandIds", List.of(UUID.randomUUID()));
        call(HttpMethod.POST, token, "/v1/roster/rotations", unknownBrand, null).expectStatus().isNotFound();
        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/rotations", rotation(List.of(jonas), 7,
                "Europe/Berlin"), null).expectStatus().isForbidden();

        assertThat(list(token, "/v1/roster/rotations")).isEmpty();
    }

    @Test
    void anOverrideIsOnlyForSomeoneWhoMayWatchTheBrand() {
        call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/overrides", override(outsider, "2027-03-06T09:00:00Z",
                "2027-03-06T17:00:00Z"), null).expectStatus().isEqualTo(409);
        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/overrides", override(lea, "2027-03-06T09:00:00Z",
                "2027-03-06T17:00:00Z"), null).expectStatus().isForbidden();
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/overrides", override(lea,
                "2027-03-06T17:00:00Z", "2027-03-06T09:00:00Z"), null), "to");
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/overrides", override(lea,
                "2027-03-01T00:00:00Z", "2027-04-02T00:00:00Z"), null), "to");
        assertThat(list(agency.adminToken(), "/v1/roster/overrides?from=2027-01-01T00:00:00Z")).isEmpty();

        JsonNode taken = call(HttpMethod.POST, agency.tokenFor(lea), "/v1/roster/overrides", override(lea,
                "2027-03-06T09:00:00+01:00", "2027-03-06T17:00:00+01:00"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(taken.path("from").asString()).isEqualTo("2027-03-06T08:00:00Z");
        assertThat(taken.path("swapId").isNull()).isTrue();
        assertThat(list(agency.adminToken(), "/v1/roster/overrides?from=2027-03-06T12:00:00Z&memberId=" + lea))
                .hasSize(1);
        assertThat(list(agency.adminToken(), "/v1/roster/overrides?from=2027-03-06T16:00:00Z")).isEmpty();
        call(HttpMethod.DELETE, agency.tokenFor(jonas), "/v1/roster/overrides/" + taken.path("id").asString(), null,
                null).expectStatus().isForbidden();
        call(HttpMethod.DELETE, agency.tokenFor(lea), "/v1/roster/overrides/" + taken.path("id").asString(), null,
                null).expectStatus().isNoContent();
    }

    @Test
    void aSwapIsAPairOfOverridesDeletedTogether() {
        Map<String, Object> swap = Map.of("brandIds", List.of(brand),
                "first", Map.of("memberId", jonas, "from", "2027-03-06T08:00:00Z", "to", "2027-03-06T16:00:00Z"),
                "second", Map.of("memberId", lea, "from", "2027-03-13T08:00:00Z", "to", "2027-03-13T16:00:00Z"),
                "note", "Swapped weekends");
        JsonNode pair = call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/swaps", swap, null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode first = pair.path("overrides").get(0);
        JsonNode second = pair.path("overrides").get(1);
        assertThat(first.path("memberId").asString()).isEqualTo(lea.toString());
        assertThat(first.path("from").asString()).isEqualTo("2027-03-06T08:00:00Z");
        assertThat(first.path("swapWithMemberId").asString()).isEqualTo(jonas.toString());
        assertThat(second.path("memberId").asString()).isEqualTo(jonas.toString());
        assertThat(second.path("swapId").asString()).isEqualTo(pair.path("swapId").asString());

        Map<String, Object> withOutsider = new HashMap<>(swap);
        withOutsider.put("second", Map.of("memberId", outsider, "from", "2027-03-20T08:00:00Z",
                "to", "2027-03-20T16:00:00Z"));
        call(HttpMethod.POST, agency.adminToken(), "/v1/roster/swaps", withOutsider, null).expectStatus()
                .isEqualTo(409);
        call(HttpMethod.POST, agency.tokenFor(outsider), "/v1/roster/swaps", swap, null).expectStatus().isForbidden();

        call(HttpMethod.DELETE, agency.tokenFor(manager), "/v1/roster/overrides/" + second.path("id").asString(),
                null, null).expectStatus().isNoContent();
        assertThat(list(agency.adminToken(), "/v1/roster/overrides?from=2027-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void aVacationWaitsForApprovalWhileASickDayCountsAtOnce() {
        JsonNode vacation = call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/absences", Map.of(
                "kind", "vacation", "from", "2027-03-08T00:00:00+01:00", "to", "2027-03-15T00:00:00+01:00",
                "note", "Skiing"), null).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(vacation.path("status").asString()).isEqualTo("pending");
        assertThat(vacation.path("memberId").asString()).isEqualTo(jonas.toString());
        String decision = "/v1/roster/absences/" + vacation.path("id").asString() + "/decision";
        call(HttpMethod.POST, agency.tokenFor(lea), decision, Map.of("decision", "approved"), null)
                .expectStatus().isForbidden();
        JsonNode approved = call(HttpMethod.POST, agency.tokenFor(manager), decision, Map.of("decision", "approved",
                "note", "Enjoy"), null).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(approved.path("status").asString()).isEqualTo("approved");
        assertThat(approved.path("decidedBy").asString()).isEqualTo(manager.toString());
        call(HttpMethod.POST, agency.adminToken(), decision, Map.of("decision", "rejected"), null)
                .expectStatus().isEqualTo(409);

        JsonNode seenByLea = call(HttpMethod.GET, agency.tokenFor(lea), "/v1/roster/absences/"
                + vacation.path("id").asString(), null, null).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(seenByLea.path("note").isNull()).isTrue();

        JsonNode managersOwn = call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/absences", Map.of(
                "kind", "vacation", "from", "2027-04-01T00:00:00Z", "to", "2027-04-02T00:00:00Z"), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/absences/" + managersOwn.path("id").asString()
                + "/decision", Map.of("decision", "approved"), null).expectStatus().isForbidden();

        JsonNode sick = call(HttpMethod.POST, agency.tokenFor(manager), "/v1/roster/absences", Map.of(
                "memberId", lea, "kind", "sick", "from", "2027-03-02T08:00:00+01:00", "to",
                "2027-03-03T08:00:00+01:00"), null).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(sick.path("status").asString()).isEqualTo("approved");
        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/absences", Map.of("memberId", lea, "kind", "sick",
                "from", "2027-03-02T08:00:00Z", "to", "2027-03-03T08:00:00Z"), null).expectStatus().isForbidden();
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/absences", Map.of("kind", "sick",
                "from", "2027-03-03T08:00:00Z", "to", "2027-03-02T08:00:00Z"), null), "to");
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/absences", Map.of("kind", "nap",
                "from", "2027-03-02T08:00:00Z", "to", "2027-03-03T08:00:00Z"), null), "kind");

        String sickPath = "/v1/roster/absences/" + sick.path("id").asString();
        call(HttpMethod.DELETE, agency.tokenFor(jonas), sickPath, null, null).expectStatus().isForbidden();
        call(HttpMethod.DELETE, agency.tokenFor(lea), sickPath, null, null).expectStatus().isNoContent();
        call(HttpMethod.DELETE, agency.tokenFor(lea), sickPath, null, null).expectStatus().isNoContent();
        assertThat(list(agency.adminToken(), "/v1/roster/absences?from=2027-01-01T00:00:00Z&status=cancelled"))
                .hasSize(1);
        assertThat(list(agency.adminToken(), "/v1/roster/absences?from=2027-01-01T00:00:00Z&memberId=" + jonas))
                .hasSize(1);
    }

    @Test
    void anotherAgencySeesAndChangesNothing() {
        JsonNode rotation = call(HttpMethod.POST, agency.adminToken(), "/v1/roster/rotations",
                rotation(List.of(jonas, lea), 7, "Europe/Berlin"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode override = call(HttpMethod.POST, agency.adminToken(), "/v1/roster/overrides", override(lea,
                "2027-03-06T09:00:00Z", "2027-03-06T17:00:00Z"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode absence = call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/roster/absences", Map.of(
                "kind", "vacation", "from", "2027-03-08T00:00:00Z", "to", "2027-03-15T00:00:00Z"), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        String other = newAgency("roster-other").adminToken();
        String rotationPath = "/v1/roster/rotations/" + rotation.path("id").asString();
        String overridePath = "/v1/roster/overrides/" + override.path("id").asString();
        String absencePath = "/v1/roster/absences/" + absence.path("id").asString();
        call(HttpMethod.GET, other, rotationPath, null, null).expectStatus().isNotFound();
        call(HttpMethod.PUT, other, rotationPath, rotation(List.of(jonas), 7, "Europe/Berlin"), "\"1\"")
                .expectStatus().isNotFound();
        call(HttpMethod.DELETE, other, rotationPath, null, "\"1\"").expectStatus().isNotFound();
        call(HttpMethod.GET, other, overridePath, null, null).expectStatus().isNotFound();
        call(HttpMethod.DELETE, other, overridePath, null, null).expectStatus().isNotFound();
        call(HttpMethod.GET, other, absencePath, null, null).expectStatus().isNotFound();
        call(HttpMethod.POST, other, absencePath + "/decision", Map.of("decision", "approved"), null)
                .expectStatus().isNotFound();
        call(HttpMethod.DELETE, other, absencePath, null, null).expectStatus().isNotFound();
        call(HttpMethod.POST, other, "/v1/roster/rotations", rotation(List.of(jonas), 7, "Europe/Berlin"), null)
                .expectStatus().isNotFound();
        call(HttpMethod.POST, other, "/v1/roster/overrides", override(lea, "2027-03-06T09:00:00Z",
                "2027-03-06T17:00:00Z"), null).expectStatus().isNotFound();
        assertThat(list(other, "/v1/roster/rotations")).isEmpty();
        assertThat(list(other, "/v1/roster/overrides?from=2027-01-01T00:00:00Z")).isEmpty();
        assertThat(list(other, "/v1/roster/absences?from=2027-01-01T00:00:00Z")).isEmpty();

        String client = clientViewer(agency, brand);
        call(HttpMethod.GET, client, "/v1/roster/rotations", null, null).expectStatus().isForbidden();
        call(HttpMethod.GET, client, rotationPath, null, null).expectStatus().isForbidden();

        call(HttpMethod.GET, agency.adminToken(), rotationPath, null, null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        assertThat(call(HttpMethod.GET, agency.adminToken(), absencePath, null, null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("status").asString())
                .isEqualTo("pending");
    }

    private String clientViewerId() {
        return http.get().uri("/v1/me").headers(h -> h.setBearerAuth(clientViewer(agency, brand))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("userId").asString();
    }

    private Map<String, Object> rotation(List<UUID> members, int lengthDays, String zone) {
        Map<String, Object> rotation = new HashMap<>();
        rotation.put("name", "Alpenmilch weekends");
        rotation.put("priority", 10);
        rotation.put("memberIds", members);
        rotation.put("lengthDays", lengthDays);
        rotation.put("handoffTime", "08:00");
        rotation.put("startDate", "2027-03-01");
        rotation.put("zone", zone);
        rotation.put("restriction", List.of(Map.of("day", "SATURDAY", "start", "10:00", "end", "18:00"),
                Map.of("day", "SUNDAY", "start", "10:00", "end", "18:00")));
        rotation.put("brandIds", List.of(brand));
        return rotation;
    }

    private Map<String, Object> override(UUID member, String from, String to) {
        return Map.of("memberId", member, "from", from, "to", to, "brandIds", List.of(brand), "note", "Cover");
    }

    private List<JsonNode> list(String token, String path) {
        return call(HttpMethod.GET, token, path, null, null).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("items").valueStream().toList();
    }
}
