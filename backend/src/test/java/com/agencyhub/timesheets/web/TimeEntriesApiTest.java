package com.agencyhub.timesheets.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.PricingRows;
import com.agencyhub.testsupport.HoursBookedRecorder;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking time through the API against the real database: no overlaps for one member (also when two writes race),
 * closed months locked and corrected by adjustments with exact amounts, social-media managers limited to their own
 * entries, another agency seeing nothing, and bad input refused naming the field with nothing written.
 */
class TimeEntriesApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    private HoursBookedRecorder hoursBooked;

    private TestAgency agency;
    private UUID brand;
    private UUID jonas;
    private UUID lea;
    private UUID manager;
    private UUID community;

    @BeforeEach
    void anAgencyWithABrandAndRates() {
        agency = newAgency("hours");
        brand = newBrand(agency, "Alpenmilch");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        manager = newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
        community = activity(agency, "community-management");
        PricingRows.rate(agency.tenant(), null, "80.00", "45.00");
        PricingRows.surcharge(agency.tenant(), "weekend", "25.00");
    }

    @Test
    void anOverlappingEntryIsRefusedNamingTheOtherAndNothingIsWritten() {
        JsonNode first = book(jonas, timed("2026-11-10T09:00:00Z", "2026-11-10T11:00:00Z")).expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"").expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(first.path("workDate").asString()).isEqualTo("2026-11-10");
        assertThat(first.path("minutes").asInt()).isEqualTo(120);
        assertThat(first.path("source").asString()).isEqualTo("manual");

        book(jonas, timed("2026-11-10T10:59:00Z", "2026-11-10T12:00:00Z")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.conflictingEntryId").isEqualTo(first.path("id").asString());
        assertThat(TimesheetFixture.entries(agency.tenant())).isEqualTo(1);

        // back to back is no overlap, another member is free, and a date entry has no moment to collide
        book(jonas, timed("2026-11-10T11:00:00Z", "2026-11-10T12:00:00Z")).expectStatus().isCreated();
        book(lea, timed("2026-11-10T09:00:00Z", "2026-11-10T11:00:00Z")).expectStatus().isCreated();
        book(jonas, dated("2026-11-10", 30)).expectStatus().isCreated();

        // moving an entry onto another is refused as well, and leaves it as it was
        JsonNode later = book(jonas, timed("2026-11-10T13:00:00Z", "2026-11-10T14:00:00Z")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        call(HttpMethod.PATCH, agency.tokenFor(jonas), "/v1/time-entries/" + later.path("id").asString(),
                Map.of("start", "2026-11-10T10:00:00Z", "end", "2026-11-10T11:00:00Z"), "\"1\"")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.conflictingEntryId").isEqualTo(first.path("id").asString());
        call(HttpMethod.GET, agency.tokenFor(jonas), "/v1/time-entries/" + later.path("id").asString(), null, null)
                .expectStatus().isOk().expectBody().jsonPath("$.start").isEqualTo("2026-11-10T13:00:00Z");
    }

    @Test
    void twoOverlappingWritesAtOnceBookOneEntry() throws Exception {
        CyclicBarrier bothReady = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> writes = List.of("09:00", "09:30").stream()
                .map(start -> CompletableFuture.supplyAsync(() -> {
                    try {
                        bothReady.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return book(jonas, timed("2026-11-11T" + start + ":00Z", "2026-11-11T10:30:00Z"))
                            .returnResult(byte[].class).getStatus().value();
                }))
                .toList();
        List<Integer> statuses = List.of(writes.get(0).get(30, TimeUnit.SECONDS),
                writes.get(1).get(30, TimeUnit.SECONDS));
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(TimesheetFixture.entries(agency.tenant())).isEqualTo(1);
    }

    @Test
    void aClosedMonthIsLockedAndCorrectedByAnAdjustmentInTheOpenMonth() {
        // the worked example: Saturday 14 November, 10:00-12:00 in Berlin, 80.00/h, 25 % weekend surcharge
        JsonNode saturday = book(jonas, timed("2026-11-14T09:00:00Z", "2026-11-14T11:00:00Z")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String entry = "/v1/time-entries/" + saturday.path("id").asString();
        JsonNode asAdmin = call(HttpMethod.GET, agency.adminToken(), entry, null, null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(asAdmin.path("billRate").asString()).isEqualTo("80.00");
        assertThat(asAdmin.path("surchargeAmount").asString()).isEqualTo("40.00");
        assertThat(asAdmin.path("billAmount").asString()).isEqualTo("200.00");
        assertThat(asAdmin.path("costAmount").asString()).isEqualTo("90.00");
        assertThat(saturday.path("costAmount").isNull()).as("cost is for admins").isTrue();

        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/closed-months", Map.of("month", "2026-11"), null)
                .expectStatus().isForbidden();
        call(HttpMethod.POST, agency.adminToken(), "/v1/closed-months",
                Map.of("month", LocalDate.now(BERLIN).plusMonths(1).toString().substring(0, 7)), null)
                .expectStatus().isBadRequest();
        call(HttpMethod.POST, agency.adminToken(), "/v1/closed-months", Map.of("month", "2026-11"), null)
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.month").isEqualTo("2026-11")
                .jsonPath("$.closedBy").isEqualTo(agency.admin().value().toString());
        call(HttpMethod.POST, agency.adminToken(), "/v1/closed-months", Map.of("month", "2026-11"), null)
                .expectStatus().isEqualTo(409);
        call(HttpMethod.GET, agency.tokenFor(jonas), "/v1/closed-months", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].month").isEqualTo("2026-11");

        // locked: no new entry, no change, no deletion, and nothing moved into it
        book(jonas, dated("2026-11-20", 30)).expectStatus().isEqualTo(409);
        call(HttpMethod.PATCH, agency.adminToken(), entry, Map.of("billable", false), "\"1\"")
                .expectStatus().isEqualTo(409);
        call(HttpMethod.DELETE, agency.adminToken(), entry, null, "\"1\"").expectStatus().isEqualTo(409);
        String today = LocalDate.now(BERLIN).toString();
        JsonNode open = book(jonas, dated(today, 15)).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        call(HttpMethod.PATCH, agency.tokenFor(jonas), "/v1/time-entries/" + open.path("id").asString(),
                Map.of("date", "2026-11-30", "minutes", 15), "\"1\"").expectStatus().isEqualTo(409);
        assertThat(TimesheetFixture.entries(agency.tenant())).isEqualTo(2);

        // the correction: 90 minutes, not 120; only admins and managers make it
        String adjustments = entry + "/adjustments";
        Map<String, Object> shorter = Map.of("minutes", 90, "note", "Jonas booked the break too");
        call(HttpMethod.POST, agency.tokenFor(jonas), adjustments, shorter, null).expectStatus().isForbidden();
        call(HttpMethod.POST, agency.adminToken(), "/v1/time-entries/" + open.path("id").asString()
                + "/adjustments", shorter, null).expectStatus().isEqualTo(409);
        JsonNode adjustment = call(HttpMethod.POST, agency.tokenFor(manager), adjustments, shorter, null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(adjustment.path("source").asString()).isEqualTo("adjustment");
        assertThat(adjustment.path("adjustsEntryId").asString()).isEqualTo(saturday.path("id").asString());
        assertThat(adjustment.path("workDate").asString()).isEqualTo(today);
        assertThat(adjustment.path("minutes").asInt()).isEqualTo(-30);
        assertThat(adjustment.path("start").isNull()).isTrue();
        JsonNode exact = call(HttpMethod.GET, agency.adminToken(), "/v1/time-entries/" + adjustment.path("id")
                .asString(), null, null).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(exact.path("surchargeAmount").asString()).isEqualTo("-10.00");
        assertThat(exact.path("billAmount").asString()).isEqualTo("-50.00");
        assertThat(exact.path("costAmount").asString()).isEqualTo("-22.50");
        // the original stays as the month was closed
        call(HttpMethod.GET, agency.adminToken(), entry, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.minutes").isEqualTo(120).jsonPath("$.billAmount").isEqualTo("200.00");

        // a second correction counts the first: 60 minutes now takes back 30 more, 50.00 billed
        call(HttpMethod.POST, agency.adminToken(), adjustments, shorter, null).expectStatus().isBadRequest();
        JsonNode second = call(HttpMethod.POST, agency.adminToken(), adjustments,
                Map.of("minutes", 60, "note", "and the lunch"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second.path("minutes").asInt()).isEqualTo(-30);
        assertThat(second.path("billAmount").asString()).isEqualTo("-50.00");
        assertThat(second.path("costAmount").asString()).isEqualTo("-22.50");
        call(HttpMethod.POST, agency.adminToken(), "/v1/time-entries/" + second.path("id").asString()
                + "/adjustments", shorter, null).expectStatus().isEqualTo(409);

        JsonNode audit = call(HttpMethod.GET, agency.adminToken(), "/v1/audit-events?entityType=time-entry", null,
                null).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.path("items").valueStream().map(event -> event.path("action").asString()).toList())
                .contains("time-entry.created", "time-entry.adjusted");
    }

    @Test
    void entriesAreChangedWithIfMatchRepricedAndDeleted() {
        JsonNode created = book(jonas, timed("2026-11-09T09:00:00Z", "2026-11-09T10:00:00Z")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String path = "/v1/time-entries/" + created.path("id").asString();
        assertThat(created.path("billAmount").asString()).isEqualTo("80.00");
        call(HttpMethod.PATCH, agency.tokenFor(jonas), path, Map.of("note", "x"), null).expectStatus().isEqualTo(428);
        call(HttpMethod.PATCH, agency.tokenFor(jonas), path, Map.of("billable", false), "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"").expectBody()
                .jsonPath("$.billAmount").isEqualTo("0.00");
        call(HttpMethod.PATCH, agency.tokenFor(jonas), path, Map.of("date", "2026-11-09", "minutes", 30,
                "billable", true, "note", ""), "\"2\"").expectStatus().isOk().expectBody()
                .jsonPath("$.start").isEmpty().jsonPath("$.minutes").isEqualTo(30)
                .jsonPath("$.billAmount").isEqualTo("40.00").jsonPath("$.note").isEmpty();
        call(HttpMethod.PATCH, agency.tokenFor(jonas), path, Map.of("billable", false), "\"2\"")
                .expectStatus().isEqualTo(412);
        call(HttpMethod.DELETE, agency.tokenFor(jonas), path, null, "\"3\"").expectStatus().isNoContent();
        call(HttpMethod.GET, agency.adminToken(), path, null, null).expectStatus().isNotFound();

        JsonNode audit = call(HttpMethod.GET, agency.adminToken(), "/v1/audit-events?entityType=time-entry", null,
                null).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.path("items").valueStream().map(event -> event.path("action").asString()).toList())
                .contains("time-entry.created", "time-entry.updated", "time-entry.deleted");
    }

    @Test
    void socialMediaManagersSeeAndBookOnlyTheirOwnTime() {
        JsonNode leas = book(lea, timed("2026-11-12T09:00:00Z", "2026-11-12T10:00:00Z")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        book(jonas, timed("2026-11-12T09:00:00Z", "2026-11-12T10:00:00Z")).expectStatus().isCreated();
        // admins and managers book for others
        Map<String, Object> forLea = new HashMap<>(timed("2026-11-13T09:00:00Z", "2026-11-13T10:00:00Z"));
        forLea.put("memberId", lea);
        call(HttpMethod.POST, agency.tokenFor(manager), "/v1/time-entries", forLea, null).expectStatus().isCreated()
                .expectBody().jsonPath("$.memberId").isEqualTo(lea.toString())
                .jsonPath("$.createdBy").isEqualTo(manager.toString());
        forLea.put("start", "2026-11-13T10:00:00Z");
        forLea.put("end", "2026-11-13T11:00:00Z");
        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", forLea, null).expectStatus().isForbidden();

        JsonNode jonasSees = call(HttpMethod.GET, agency.tokenFor(jonas), "/v1/time-entries", null, null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(jonasSees.path("items").valueStream().map(item -> item.path("memberId").asString()).toList())
                .containsExactly(jonas.toString());
        call(HttpMethod.GET, agency.tokenFor(jonas), "/v1/time-entries?memberId=" + lea, null, null)
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        String leasPath = "/v1/time-entries/" + leas.path("id").asString();
        call(HttpMethod.GET, agency.tokenFor(jonas), leasPath, null, null).expectStatus().isNotFound();
        call(HttpMethod.PATCH, agency.tokenFor(jonas), leasPath, Map.of("billable", false), "\"1\"")
                .expectStatus().isNotFound();
        call(HttpMethod.DELETE, agency.tokenFor(jonas), leasPath, null, "\"1\"").expectStatus().isNotFound();

        JsonNode managerSees = call(HttpMethod.GET, agency.tokenFor(manager), "/v1/time-entries?limit=2", null,
                null).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(managerSees.path("items").size()).isEqualTo(2);
        JsonNode rest = call(HttpMethod.GET, agency.tokenFor(manager), "/v1/time-entries?limit=2&cursor="
                + managerSees.path("nextCursor").asString(), null, null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rest.path("items").size()).isEqualTo(1);
        call(HttpMethod.GET, agency.tokenFor(manager), "/v1/time-entries?memberId=" + lea
                + "&from=2026-11-13&to=2026-11-13", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void anotherAgencySeesNothingAndClientsNoTime() {
        JsonNode entry = book(jonas, timed("2026-11-12T09:00:00Z", "2026-11-12T10:00:00Z")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String path = "/v1/time-entries/" + entry.path("id").asString();
        TestAgency other = newAgency("hours-other");
        call(HttpMethod.GET, other.adminToken(), path, null, null).expectStatus().isNotFound();
        call(HttpMethod.PATCH, other.adminToken(), path, Map.of("billable", false), "\"1\"")
                .expectStatus().isNotFound();
        call(HttpMethod.DELETE, other.adminToken(), path, null, "\"1\"").expectStatus().isNotFound();
        call(HttpMethod.POST, other.adminToken(), path + "/adjustments", Map.of("minutes", 1, "note", "x"), null)
                .expectStatus().isNotFound();
        call(HttpMethod.GET, other.adminToken(), "/v1/time-entries", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        call(HttpMethod.POST, other.adminToken(), "/v1/time-entries", timed("2026-11-12T11:00:00Z",
                "2026-11-12T12:00:00Z"), null).expectStatus().isNotFound();
        call(HttpMethod.GET, other.adminToken(), "/v1/brands/" + brand + "/duty-billing", null, null)
                .expectStatus().isNotFound();
        call(HttpMethod.GET, clientViewer(agency, brand), "/v1/time-entries", null, null)
                .expectStatus().isForbidden();
        assertThat(TimesheetFixture.entries(agency.tenant())).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        expectFieldError(book(jonas, timed("2026-11-10T11:00:00Z", "2026-11-10T09:00:00Z")), "end");
        expectFieldError(book(jonas, timed("2026-11-10T09:00:00Z", "2026-11-11T09:01:00Z")), "end");
        expectFieldError(book(jonas, timed("2026-11-10T09:00:30Z", "2026-11-10T10:00:00Z")), "start");
        expectFieldError(book(jonas, dated("2026-11-10", 0)), "minutes");
        expectFieldError(book(jonas, dated("2026-11-10", -5)), "minutes");
        expectFieldError(book(jonas, dated("2026-11-10", 1441)), "minutes");
        Map<String, Object> both = new HashMap<>(timed("2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z"));
        both.put("date", "2026-11-10");
        both.put("minutes", 60);
        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", both, null).expectStatus().isBadRequest();
        Map<String, Object> neither = new HashMap<>(Map.of("brandId", brand, "activityId", community));
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", neither, null), "start");
        Map<String, Object> onlyStart = new HashMap<>(neither);
        onlyStart.put("start", "2026-11-10T09:00:00Z");
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", onlyStart, null), "end");

        Map<String, Object> unknownBrand = new HashMap<>(dated("2026-11-10", 30));
        unknownBrand.put("brandId", UUID.randomUUID());
        call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", unknownBrand, null)
                .expectStatus().isNotFound();
        Map<String, Object> unknownActivity = new HashMap<>(dated("2026-11-10", 30));
        unknownActivity.put("activityId", UUID.randomUUID());
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", unknownActivity, null),
                "activityId");
        Map<String, Object> unknownMember = new HashMap<>(dated("2026-11-10", 30));
        unknownMember.put("memberId", UUID.randomUUID());
        expectFieldError(call(HttpMethod.POST, agency.adminToken(), "/v1/time-entries", unknownMember, null),
                "memberId");
        UUID meetings = activity(agency, "meetings");
        TimesheetFixture.archive(agency.tenant(), meetings);
        Map<String, Object> archived = new HashMap<>(dated("2026-11-10", 30));
        archived.put("activityId", meetings);
        expectFieldError(call(HttpMethod.POST, agency.tokenFor(jonas), "/v1/time-entries", archived, null),
                "activityId");

        for (String body : List.of(
                "{\"brandId\":\"" + brand + "\",\"activityId\":\"" + community + "\",\"date\":\"2026-11-10\","
                        + "\"minutes\":\"thirty\"}",
                "{\"brandId\":\"" + brand + "\",\"activityId\":\"" + community + "\",\"date\":\"2026-11-10\","
                        + "\"minutes\":30,\"billable\":\"yes\"}",
                "{\"brandId\":\"" + brand + "\",\"activityId\":\"" + community + "\",\"date\":\"2026-11-10\","
                        + "\"minutes\":30,\"note\":\"a\\u0000b\"}",
                "{\"brandId\":\"" + brand + "\",\"activityId\":\"" + community + "\",\"date\":\"10.11.2026\","
                        + "\"minutes\":30}")) {
            http.post().uri("/v1/time-entries").headers(h -> h.setBearerAuth(agency.tokenFor(jonas)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest();
        }
        assertThat(TimesheetFixture.entries(agency.tenant())).isZero();
    }

    @Test
    void aTimerStartsOnceStopsIntoAnEntryOfItsStartDayAndCanBeDiscarded() {
        String token = agency.tokenFor(jonas);
        call(HttpMethod.GET, token, "/v1/timer", null, null).expectStatus().isNoContent();
        call(HttpMethod.POST, token, "/v1/timer/stop", null, null).expectStatus().isEqualTo(409);
        Map<String, Object> timer = Map.of("brandId", brand, "activityId", community, "note", "Comments");
        call(HttpMethod.POST, token, "/v1/timer", timer, null).expectStatus().isCreated()
                .expectBody().jsonPath("$.memberId").isEqualTo(jonas.toString());
        call(HttpMethod.POST, token, "/v1/timer", timer, null).expectStatus().isEqualTo(409);
        JsonNode running = call(HttpMethod.GET, token, "/v1/timer", null, null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        TimesheetFixture.backdateTimer(agency.tenant(), jonas, 90);
        JsonNode entry = call(HttpMethod.POST, token, "/v1/timer/stop", null, null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        java.time.Instant started = java.time.Instant.parse(running.path("startedAt").asString()).minusSeconds(5400);
        assertThat(entry.path("source").asString()).isEqualTo("timer");
        assertThat(entry.path("start").asString()).isEqualTo(started.toString());
        assertThat(entry.path("minutes").asInt()).isGreaterThanOrEqualTo(90);
        assertThat(entry.path("workDate").asString()).isEqualTo(started.atZone(ZoneId.of("Europe/Berlin"))
                .toLocalDate().toString());
        assertThat(entry.path("note").asString()).isEqualTo("Comments");
        call(HttpMethod.GET, token, "/v1/timer", null, null).expectStatus().isNoContent();

        // a timer whose time overlaps a booked entry stays running
        call(HttpMethod.POST, token, "/v1/timer", timer, null).expectStatus().isCreated();
        TimesheetFixture.backdateTimer(agency.tenant(), jonas, 60);
        call(HttpMethod.POST, token, "/v1/timer/stop", null, null).expectStatus().isEqualTo(409);
        call(HttpMethod.GET, token, "/v1/timer", null, null).expectStatus().isOk();
        call(HttpMethod.DELETE, token, "/v1/timer", null, null).expectStatus().isNoContent();
        call(HttpMethod.GET, token, "/v1/timer", null, null).expectStatus().isNoContent();
        call(HttpMethod.DELETE, token, "/v1/timer", null, null).expectStatus().isNoContent();
        assertThat(TimesheetFixture.entries(agency.tenant())).isEqualTo(1);
    }

    @Test
    void everyWriteTellsTheModulesAboveEachBrandMonthItChangedOnce() {
        JsonNode entry = book(jonas, timed("2026-11-30T09:00:00Z", "2026-11-30T10:00:00Z")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String path = "/v1/time-entries/" + entry.path("id").asString();
        book(jonas, timed("2026-11-30T09:30:00Z", "2026-11-30T10:30:00Z")).expectStatus().isEqualTo(409);
        call(HttpMethod.PATCH, agency.tokenFor(jonas), path, Map.of("start", "2026-12-01T09:00:00Z",
                "end", "2026-12-01T10:00:00Z"), "\"1\"").expectStatus().isOk();
        call(HttpMethod.PATCH, agency.tokenFor(jonas), path, Map.of("note", "moved"), "\"2\"").expectStatus().isOk();
        call(HttpMethod.DELETE, agency.tokenFor(jonas), path, null, "\"3\"").expectStatus().isNoContent();
        // the refused booking and the new note tell nothing; the move tells both months
        assertThat(hoursBooked.told(agency.tenant())).containsExactly(brand + " 2026-11", brand + " 2026-11",
                brand + " 2026-12", brand + " 2026-12");
    }

    private WebTestClient.ResponseSpec book(UUID member, Map<String, Object> body) {
        return call(HttpMethod.POST, agency.tokenFor(member), "/v1/time-entries", body, null);
    }

    private Map<String, Object> timed(String start, String end) {
        return Map.of("brandId", brand, "activityId", community, "start", start, "end", end);
    }

    private Map<String, Object> dated(String date, int minutes) {
        return Map.of("brandId", brand, "activityId", community, "date", date, "minutes", minutes);
    }
}
