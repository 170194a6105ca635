package com.agencyhub.inbox;

import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.INGEST_REQUEST;
import static com.agencyhub.jooq.Tables.INTERACTION;
import static com.agencyhub.jooq.Tables.INTERACTION_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox through the API on the real PostgreSQL: the worked SLA example (a complaint on Friday 17:30 in
 * Berlin with a 60-business-minute target), versions pinned at arrival, priorities from the guidelines' conditions,
 * window classes, redeliveries and Idempotency-Keys, refused input with nothing stored, the lifecycle with both clocks,
 * a reopen and waiting for the customer (the resolution clock paused, the scheduler leaving it alone), and other
 * agencies and client users.
 */
public class InboxApiTest extends ApiTest {

    /** Friday 27 November 2026, 17:30 in Berlin. */
    private static final String FRIDAY_1730 = "2026-11-27T16:30:00Z";

    @Autowired
    private Transactions transactions;
    @Autowired
    private IngestKeyExpiry keyExpiry;

    @Autowired
    private EscalationScheduler scheduler;

    private TestAgency agency;
    private UUID brand;

    @BeforeEach
    void brandWithWeekdayCoverage() {
        agency = newAgency("inbox");
        brand = brandWithChannels(http, agency);
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), newStaffMember(agency, "Dana", "Deputy"),
                weekdays("08:00", "18:00")), "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", guidelines(60, 240, "spoiled"), "/draft/publication");
    }

    @Test
    void aFridayComplaintIsDueOnMondayMorningOnTheBusinessClock() {
        JsonNode stored = ingest(item("c-1", "comment", FRIDAY_1730, "Second spoiled bottle!"), null)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.path("created").asBoolean()).isTrue();
        // 30 minutes on Friday until 18:00, then 30 on Monday from 08:00 (CET: UTC+1)
        assertThat(stored.path("firstResponseDueAt").asString()).isEqualTo("2026-11-30T07:30:00Z");
        assertThat(stored.path("resolutionDueAt").asString()).isEqualTo("2026-11-30T10:30:00Z");
        assertThat(stored.path("priority").asString()).isEqualTo("high");
        assertThat(stored.path("prioritySource").asString()).isEqualTo("rule");
        assertThat(stored.path("guidelinesVersion").asInt()).isEqualTo(1);
        assertThat(stored.path("strategyVersion").asInt()).isEqualTo(1);
        assertThat(stored.path("windowClass").asString()).isEqualTo("inside");

        JsonNode other = ingest(item("c-2", "mention", FRIDAY_1730, "Nice milk"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(other.path("priority").asString()).isEqualTo("normal");
        assertThat(other.path("prioritySource").asString()).isEqualTo("fallback");
        Map<String, Object> given = item("c-3", "review", FRIDAY_1730, "Spoiled again");
        given.put("priority", "low");
        assertThat(ingest(given, null).expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("prioritySource").asString()).isEqualTo("given");
    }

    @Test
    void versionsInForceAtArrivalArePinnedAndLaterVersionsChangeNothing() {
        String id = ingest(item("pin-1", "comment", FRIDAY_1730, "Hello"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        JsonNode before = get(id);
        // a new strategy watching weekends too, new guidelines with a 15-minute target
        Map<String, Object> everyDay = StrategyApiTest.plan(agency.admin().value(), newStaffMember(agency, "Del", "Uty"),
                List.of(StrategyApiTest.window("FRIDAY", "08:00", "22:00"),
                        StrategyApiTest.window("SATURDAY", "10:00", "18:00")));
        draftAndFinish(agency, brand, "/strategy", everyDay, "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", guidelines(15, 60, "spoiled"), "/draft/publication");

        JsonNode after = get(id);
        assertThat(after.path("sla")).isEqualTo(before.path("sla"));
        assertThat(after.path("firstResponse").path("dueAt").asString()).isEqualTo("2026-11-30T07:30:00Z");
        assertThat(after.path("sla").path("strategyVersion").asInt()).isEqualTo(1);
        assertThat(after.path("sla").path("guidelinesVersion").asInt()).isEqualTo(1);

        // an item that arrives now is pinned to the new versions
        String now = Instant.now().toString();
        JsonNode fresh = ingest(item("pin-2", "comment", now, "Hello"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(fresh.path("guidelinesVersion").asInt()).isEqualTo(2);
        assertThat(fresh.path("strategyVersion").asInt()).isEqualTo(2);
    }

    @Test
    void withoutPublishedGuidelinesNoClockRuns() {
        UUID bare = newBrand(agency, "No guidelines yet");
        JsonNode stored = http.post().uri("/v1/brands/" + bare + "/interactions")
                .headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(item("bare-1", "comment", FRIDAY_1730, "Hi")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.path("guidelinesVersion").isNull()).isTrue();
        assertThat(stored.path("firstResponseDueAt").isNull()).isTrue();
        assertThat(stored.path("windowClass").asString()).isEqualTo("uncovered");
        JsonNode item = get(stored.path("id").asString());
        assertThat(item.path("sla").isNull()).isTrue();
        assertThat(item.path("firstResponse").isNull()).isTrue();
    }

    @Test
    void arrivalsOutsideTheWindowsAreCoveredWhenTheRosterHasSomeoneOnDuty() {
        http.post().uri("/v1/roster/rotations").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Weekend", "priority", 1, "memberIds", List.of(agency.admin().value()),
                        "lengthDays", 7, "handoffTime", "08:00", "startDate", "2026-11-02", "zone", "Europe/Berlin",
                        "brandIds", List.of(brand), "restriction", List.of(
                                Map.of("day", "SATURDAY", "start", "10:00", "end", "18:00"))))
                .exchange().expectStatus().isCreated();
        JsonNode result = batch(List.of(item("w-1", "comment", "2026-11-27T09:00:00Z", "Friday morning"),
                item("w-2", "comment", "2026-11-28T11:00:00Z", "Saturday noon"),
                item("w-3", "comment", "2026-11-29T11:00:00Z", "Sunday noon")), null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> classes = new ArrayList<>();
        result.path("items").forEach(item -> classes.add(item.path("windowClass").asString()));
        assertThat(classes).containsExactly("inside", "covered", "uncovered");
    }

    @Test
    void redeliveriesAndIdempotencyKeysNeverCreateASecondItem() {
        Map<String, Object> complaint = item("dup-1", "comment", FRIDAY_1730, "Spoiled");
        String id = ingest(complaint, null).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString();
        JsonNode again = ingest(complaint, null).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(again.path("created").asBoolean()).isFalse();
        assertThat(again.path("id").asString()).isEqualTo(id);

        JsonNode twice = batch(List.of(complaint, item("dup-2", "comment", FRIDAY_1730, "x"),
                item("dup-2", "comment", FRIDAY_1730, "x")), null).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(twice.path("createdCount").asInt()).isEqualTo(1);
        assertThat(twice.path("existingCount").asInt()).isEqualTo(2);
        assertThat(twice.path("items").get(2).path("id")).isEqualTo(twice.path("items").get(1).path("id"));
        assertThat(rows()).isEqualTo(2);
        long events = events();

        Map<String, Object> keyed = item("key-1", "comment", FRIDAY_1730, "first");
        JsonNode first = ingest(keyed, "delivery-1").expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        JsonNode repeated = ingest(keyed, "delivery-1").expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(repeated).isEqualTo(first);
        ingest(item("key-2", "comment", FRIDAY_1730, "other"), "delivery-1").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://agencyhub.dev/problems/idempotency-key-reused");
        assertThat(rows()).isEqualTo(3);
        assertThat(events()).isEqualTo(events + 3); // received and two activations, once
    }

    @Test
    void aKeyOlderThanADayIsDeletedByTheExpiryAndThenForgotten() {
        ingest(item("expiring-1", "comment", FRIDAY_1730, "old"), "expiring").expectStatus().isCreated();
        ingest(item("fresh-1", "comment", FRIDAY_1730, "new"), "fresh").expectStatus().isCreated();
        transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.update(INGEST_REQUEST)
                .set(INGEST_REQUEST.CREATED_AT, Instant.now().minus(Duration.ofHours(25)))
                .where(INGEST_REQUEST.KEY.eq("expiring")))).block();

        assertThat(keyExpiry.runRound(Instant.now()).block()).isGreaterThanOrEqualTo(1);

        assertThat(storedKeys()).contains("fresh").doesNotContain("expiring");
        // the key is free again: another body under it is a new delivery, not a reuse
        ingest(item("expiring-2", "comment", FRIDAY_1730, "other"), "expiring").expectStatus().isCreated();
        ingest(item("fresh-2", "comment", FRIDAY_1730, "other"), "fresh").expectStatus().isEqualTo(422);
    }

    private List<String> storedKeys() {
        return transactions.inTenant(agency.tenant(), sql -> Flux.from(sql.select(INGEST_REQUEST.KEY)
                .from(INGEST_REQUEST).orderBy(INGEST_REQUEST.KEY)).map(row -> row.value1()).collectList()).block();
    }

    @Test
    void oneBadItemRefusesTheBatchNamingEachFieldAndStoresNothing() {
        Map<String, Object> future = item("bad-1", "comment", "2099-01-01T00:00:00Z", "later");
        Map<String, Object> badLink = item("bad-2", "comment", FRIDAY_1730, "link");
        badLink.put("link", "javascript:alert(1)");
        Map<String, Object> ancient = item("bad-4", "comment", "1999-12-31T23:59:59Z", "earlier");
        batch(List.of(item("ok-1", "comment", FRIDAY_1730, "fine"), future, ancient), null)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'items[1].receivedAt')]").exists()
                .jsonPath("$.errors[?(@.field == 'items[2].receivedAt')]").exists();
        batch(List.of(item("ok-2", "comment", FRIDAY_1730, "fine"), badLink), null)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'items[1].link')]").exists();
        Map<String, Object> nul = item("bad-3", "comment", FRIDAY_1730, "nul \u0000 inside");
        ingest(nul, null).expectStatus().isBadRequest();
        assertThat(rows()).isZero();
        assertThat(events()).isZero();
    }

    @Test
    void repliesResolutionAndAReopenCountBothClocks() {
        String id = ingest(item("life-1", "comment", FRIDAY_1730, "Spoiled!"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        UUID lea = newStaffMember(agency, "Lea", "Roth");
        // Monday 09:00 in Berlin: 90 business minutes after arrival (30 on Friday, 60 on Monday), due at 08:30
        JsonNode replied = step(id, "/replies", "\"0\"", Map.of("at", "2026-11-30T08:00:00Z", "memberId", lea))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"").expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        JsonNode first = replied.path("firstResponse");
        assertThat(replied.path("status").asString()).isEqualTo("responded");
        assertThat(first.path("state").asString()).isEqualTo("breached");
        assertThat(first.path("seconds").asInt()).isEqualTo(228_600);
        assertThat(first.path("businessSeconds").asInt()).isEqualTo(5_400);
        assertThat(first.path("by").asString()).isEqualTo(lea.toString());
        assertThat(first.path("channel").asString()).isEqualTo("instagram");

        // a second reply is recorded, the first response stays
        step(id, "/replies", "\"1\"", Map.of("at", "2026-11-30T08:10:00Z")).expectStatus().isOk();
        // resolved Monday 10:00 in Berlin: 150 business minutes, due at 11:30
        JsonNode resolved = step(id, "/resolution", "\"2\"", Map.of("at", "2026-11-30T09:00:00Z"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(resolved.path("resolution").path("state").asString()).isEqualTo("fulfilled");
        assertThat(resolved.path("resolution").path("seconds").asInt()).isEqualTo(232_200);
        assertThat(resolved.path("resolution").path("businessSeconds").asInt()).isEqualTo(9_000);
        step(id, "/resolution", "\"3\"", Map.of()).expectStatus().isEqualTo(409);

        // reopened at 11:00 in Berlin: 90 of the 240 minutes are left, so it is due at 12:30
        JsonNode reopened = step(id, "/reopening", "\"3\"", Map.of("at", "2026-11-30T10:00:00Z"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reopened.path("status").asString()).isEqualTo("responded");
        assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.path("resolution").path("dueAt").asString()).isEqualTo("2026-11-30T11:30:00Z");
        assertThat(reopened.path("resolution").path("seconds").isNull()).isTrue();
        step(id, "/resolution", "\"4\"", Map.of("at", "2026-11-30T09:59:00Z")).expectStatus().isBadRequest();

        // resolved at 12:00: the hour it lay resolved does not count
        JsonNode again = step(id, "/resolution", "\"4\"", Map.of("at", "2026-11-30T11:00:00Z"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.path("resolution").path("seconds").asInt()).isEqualTo(232_200 + 3_600);
        assertThat(again.path("resolution").path("businessSeconds").asInt()).isEqualTo(9_000 + 3_600);
        assertThat(again.path("resolution").path("state").asString()).isEqualTo("fulfilled");

        // stale and missing ETags
        step(id, "/reopening", "\"1\"", Map.of()).expectStatus().isEqualTo(412);
        http.post().uri("/v1/interactions/" + id + "/reopening").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of()).exchange().expectStatus().isEqualTo(428);

        assertThat(eventNames(id)).containsExactly("received", "activated:first-response", "activated:resolution",
                "replied", "breached:first-response", "replied", "resolved", "fulfilled:resolution", "reopened",
                "activated:resolution", "resolved", "fulfilled:resolution");
    }

    @Test
    void waitingOverTheWeekendMovesTheResolutionDueByTheBusinessTimeOfTheWait() {
        // Friday 15:00 in Berlin: 240 business minutes are 3 hours on Friday and 1 on Monday, due Monday 09:00
        String id = ingest(item("wait-1", "comment", "2026-11-27T14:00:00Z", "Spoiled!"), null).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        step(id, "/replies", "\"0\"", Map.of("at", "2026-11-27T14:30:00Z")).expectStatus().isOk();

        // Friday 17:00: asked for the order number; the resolution clock ran 2 business hours until now
        JsonNode waiting = step(id, "/waiting", "\"1\"", Map.of("at", "2026-11-27T16:00:00Z",
                "note", "Asked for the order number")).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(waiting.path("status").asString()).isEqualTo("waiting");
        assertThat(waiting.path("resolution").path("state").asString()).isEqualTo("paused");
        assertThat(waiting.path("resolution").path("dueAt").asString()).isEqualTo("2026-11-30T08:00:00Z");
        assertThat(waiting.path("firstResponse").path("state").asString()).isEqualTo("fulfilled");
        http.get().uri("/v1/interactions?status=waiting").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(id);

        // a reply on Saturday does not end the waiting: the customer has not answered
        step(id, "/replies", "\"2\"", Map.of("at", "2026-11-28T10:00:00Z")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("waiting");

        // the customer answers on Monday 10:00: the wait held 1 business hour on Friday and 2 on Monday, so the
        // resolution is due 3 business hours later, Monday 12:00
        JsonNode resumed = step(id, "/resumption", "\"3\"", Map.of("at", "2026-11-30T09:00:00Z")).expectStatus()
                .isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(resumed.path("status").asString()).isEqualTo("responded");
        assertThat(resumed.path("resolution").path("dueAt").asString()).isEqualTo("2026-11-30T11:00:00Z");

        // resolved Monday 11:30: 2 hours before the wait and 1.5 after it, on both clocks
        JsonNode resolved = step(id, "/resolution", "\"4\"", Map.of("at", "2026-11-30T10:30:00Z")).expectStatus()
                .isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("resolution");
        assertThat(resolved.path("state").asString()).isEqualTo("fulfilled");
        assertThat(resolved.path("seconds").asInt()).isEqualTo(7_200 + 5_400);
        assertThat(resolved.path("businessSeconds").asInt()).isEqualTo(7_200 + 5_400);

        assertThat(eventNames(id)).containsExactly("received", "activated:first-response", "activated:resolution",
                "replied", "fulfilled:first-response", "paused:resolution", "replied", "activated:resolution",
                "resolved", "fulfilled:resolution");
        JsonNode paused = events(id).get(5);
        assertThat(paused.path("detail").path("note").asString()).isEqualTo("Asked for the order number");
        assertThat(paused.path("source").asString()).isEqualTo("staff");
        assertThat(events(id).get(7).path("detail").path("dueAt").asString()).isEqualTo("2026-11-30T11:00:00Z");
    }

    @Test
    void aWaitingItemMayBeResolvedAndOnlyOpenItemsWait() {
        // Friday 17:30 in Berlin, resolution due Monday 11:30
        String id = ingest(item("wait-2", "comment", FRIDAY_1730, "Spoiled!"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        step(id, "/resumption", "\"0\"", Map.of()).expectStatus().isEqualTo(409);
        step(id, "/waiting", "\"0\"", Map.of("at", "2026-11-27T16:29:00Z")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
        http.post().uri("/v1/interactions/" + id + "/waiting").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of()).exchange().expectStatus().isEqualTo(428);
        step(id, "/waiting", "\"0\"", Map.of("at", "2026-11-27T16:45:00Z")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("waiting").jsonPath("$.firstResponse.state")
                .isEqualTo("breached");
        step(id, "/waiting", "\"0\"", Map.of()).expectStatus().isEqualTo(412);
        step(id, "/waiting", "\"1\"", Map.of()).expectStatus().isEqualTo(409);
        step(id, "/resumption", "\"1\"", Map.of("at", "2026-11-27T16:44:00Z")).expectStatus().isBadRequest();

        TestAgency other = newAgency("inbox-wait-other");
        step(id, "/waiting", "\"1\"", Map.of(), other.adminToken()).expectStatus().isNotFound();
        step(id, "/resumption", "\"1\"", Map.of(), other.adminToken()).expectStatus().isNotFound();
        String client = clientViewer(agency, brand);
        step(id, "/resumption", "\"1\"", Map.of(), client).expectStatus().isForbidden();
        step(id, "/waiting", "\"1\"", Map.of(), client).expectStatus().isForbidden();

        // the reports count it open, its resolution not yet due: the clock paused 15 minutes after arrival
        http.get().uri("/v1/brands/" + brand + "/response-times?from=2026-11-27&to=2026-11-28")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totals.resolution.open").isEqualTo(1)
                .jsonPath("$.totals.resolution.notYetDue").isEqualTo(1)
                .jsonPath("$.totals.resolution.missedTarget").isEqualTo(0)
                .jsonPath("$.totals.firstResponse.missedTarget").isEqualTo(1);

        // resolved Monday 09:00 while waiting: the wait ends and does not count; 15 minutes ran on Friday, and the
        // due time moved by the 75 business minutes of the wait (15 on Friday, 60 on Monday) to 12:45
        JsonNode resolved = step(id, "/resolution", "\"1\"", Map.of("at", "2026-11-30T08:00:00Z")).expectStatus()
                .isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(resolved.path("status").asString()).isEqualTo("resolved");
        assertThat(resolved.path("resolution").path("seconds").asInt()).isEqualTo(900);
        assertThat(resolved.path("resolution").path("businessSeconds").asInt()).isEqualTo(900);
        assertThat(resolved.path("resolution").path("dueAt").asString()).isEqualTo("2026-11-30T11:45:00Z");
        assertThat(resolved.path("resolution").path("state").asString()).isEqualTo("fulfilled");
        step(id, "/waiting", "\"2\"", Map.of()).expectStatus().isEqualTo(409);
        step(id, "/resumption", "\"2\"", Map.of()).expectStatus().isEqualTo(409);
        assertThat(eventNames(id)).containsSubsequence("paused:resolution", "resolved", "fulfilled:resolution")
                .doesNotContain("breached:resolution");
    }

    @Test
    void theSchedulerNeitherBreachesNorEscalatesAWaitingResolution() {
        // Friday 17:30 in Berlin, answered at once, resolution due Monday 11:30; waiting from 17:40
        String id = ingest(item("wait-3", "comment", FRIDAY_1730, "Spoiled!"), null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        step(id, "/replies", "\"0\"", Map.of("at", "2026-11-27T16:35:00Z")).expectStatus().isOk();
        step(id, "/waiting", "\"1\"", Map.of("at", "2026-11-27T16:40:00Z")).expectStatus().isOk();

        scheduler.runRound(Instant.parse("2026-11-30T12:00:00Z")).block();
        assertThat(eventNames(id)).doesNotContain("breached:resolution", "escalated");

        // resumed Tuesday 10:00: 20 + 600 + 120 business minutes of waiting move the due time to Tuesday 13:50
        step(id, "/resumption", "\"2\"", Map.of("at", "2026-12-01T09:00:00Z")).expectStatus().isOk()
                .expectBody().jsonPath("$.resolution.dueAt").isEqualTo("2026-12-01T12:50:00Z");
        scheduler.runRound(Instant.parse("2026-12-01T12:49:00Z")).block();
        assertThat(eventNames(id)).doesNotContain("breached:resolution");
        scheduler.runRound(Instant.parse("2026-12-01T12:51:00Z")).block();
        assertThat(eventNames(id)).contains("breached:resolution");
    }

    @Test
    void assignmentGoesToCurrentStaffOnly() {
        String id = ingest(item("as-1", "comment", FRIDAY_1730, "Hi"), null).expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("id").asString();
        UUID jonas = newStaffMember(agency, "Jonas", "Berg");
        http.put().uri("/v1/interactions/" + id + "/assignee").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"0\"");
        }).bodyValue(Map.of("assigneeId", jonas)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.assigneeId").isEqualTo(jonas.toString());
        http.put().uri("/v1/interactions/" + id + "/assignee").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"1\"");
        }).bodyValue(Map.of("assigneeId", UUID.randomUUID())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("assigneeId");
        http.get().uri("/v1/interactions?assigneeId=" + jonas).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(id);
    }

    @Test
    void listsFilterAndPageNewestFirst() {
        batch(List.of(item("l-1", "comment", "2026-11-20T10:00:00Z", "a"),
                item("l-2", "review", "2026-11-21T10:00:00Z", "b"),
                item("l-3", "comment", "2026-11-22T10:00:00Z", "c")), null).expectStatus().isOk();
        JsonNode page = http.get().uri("/v1/brands/" + brand + "/interactions?limit=2")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page.path("items").get(0).path("externalId").asString()).isEqualTo("l-3");
        String cursor = page.path("nextCursor").asString();
        http.get().uri("/v1/brands/" + brand + "/interactions?limit=2&cursor=" + cursor)
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].externalId").isEqualTo("l-1").jsonPath("$.nextCursor").isEmpty();
        http.get().uri("/v1/interactions?channel=instagram&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        http.get().uri("/v1/interactions?to=2026-11-21T00:00:00Z&from=2026-11-22T00:00:00Z")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isBadRequest();
    }

    @Test
    void otherAgenciesFindNothingAndClientUsersAreRefused() {
        String id = ingest(item("t-1", "comment", FRIDAY_1730, "Hi"), null).expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("id").asString();
        TestAgency other = newAgency("inbox-other");
        for (String path : List.of("/v1/interactions/" + id, "/v1/interactions/" + id + "/events",
                "/v1/brands/" + brand + "/interactions", "/v1/brands/" + brand + "/inbox-webhook")) {
            http.get().uri(path).headers(h -> h.setBearerAuth(other.adminToken())).exchange().expectStatus()
                    .isNotFound();
        }
        http.post().uri("/v1/brands/" + brand + "/interactions").headers(h -> h.setBearerAuth(other.adminToken()))
                .bodyValue(item("t-2", "comment", FRIDAY_1730, "x")).exchange().expectStatus().isNotFound();
        step(id, "/resolution", "\"0\"", Map.of(), other.adminToken()).expectStatus().isNotFound();
        http.get().uri("/v1/interactions").headers(h -> h.setBearerAuth(other.adminToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        String client = clientViewer(agency, brand);
        http.get().uri("/v1/brands/" + brand + "/interactions").headers(h -> h.setBearerAuth(client)).exchange()
                .expectStatus().isForbidden();
        String socialMediaManager = memberToken(agency, Role.SOCIAL_MEDIA_MANAGER);
        http.post().uri("/v1/brands/" + brand + "/inbox-webhook/rotation")
                .headers(h -> h.setBearerAuth(socialMediaManager)).exchange().expectStatus().isForbidden();
        assertThat(rows()).isEqualTo(1);
    }

    /** A brand in Europe/Berlin on Instagram, the platform the strategy's plan names. */
    public static UUID brandWithChannels(WebTestClient http, TestAgency agency) {
        return http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Alpenmilch", "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString().transform(UUID::fromString);
    }

    public static List<Map<String, Object>> weekdays(String start, String end) {
        return List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> StrategyApiTest.window(day, start, end)).toList();
    }

    /** Guidelines with a business-clock normal policy and a high one for comments naming the keyword. */
    public static Map<String, Object> guidelines(int firstResponse, int resolution, String keyword) {
        Map<String, Object> content = GuidelinesApiTest.content();
        Map<String, Object> high = GuidelinesApiTest.policy("high", firstResponse, resolution, "business");
        high.put("conditions", Map.of("platforms", List.of(), "kinds", List.of("comment"),
                "keywords", List.of(keyword)));
        content.put("slaPolicies", List.of(high,
                GuidelinesApiTest.policy("normal", firstResponse, resolution, "business"),
                GuidelinesApiTest.policy("low", 1440, 2880, "calendar")));
        return content;
    }

    public static Map<String, Object> item(String externalId, String kind, String receivedAt, String text) {
        Map<String, Object> item = new HashMap<>();
        item.put("channel", "instagram");
        item.put("externalId", externalId);
        item.put("kind", kind);
        item.put("authorHandle", "@milchfan");
        item.put("text", text);
        item.put("receivedAt", receivedAt);
        return item;
    }

    private WebTestClient.ResponseSpec ingest(Map<String, Object> item, String key) {
        return http.post().uri("/v1/brands/" + brand + "/interactions").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).bodyValue(item).exchange();
    }

    private WebTestClient.ResponseSpec batch(List<Map<String, Object>> items, String key) {
        return http.post().uri("/v1/brands/" + brand + "/interactions/batch").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).bodyValue(Map.of("items", items)).exchange();
    }

    private WebTestClient.ResponseSpec step(String id, String action, String etag, Map<String, Object> body) {
        return step(id, action, etag, body, agency.adminToken());
    }

    private WebTestClient.ResponseSpec step(String id, String action, String etag, Map<String, Object> body,
                                            String token) {
        return http.post().uri("/v1/interactions/" + id + action).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(etag);
        }).bodyValue(body).exchange();
    }

    /** The item's events, oldest first. */
    private JsonNode events(String id) {
        return http.get().uri("/v1/interactions/" + id + "/events").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("items");
    }

    /** The item's events as {@code type} or {@code type:metric}, oldest first. */
    private List<String> eventNames(String id) {
        List<String> names = new ArrayList<>();
        events(id).forEach(event -> names.add(event.path("type").asString()
                + (event.path("metric").isNull() ? "" : ":" + event.path("metric").asString())));
        return names;
    }

    private JsonNode get(String id) {
        return http.get().uri("/v1/interactions/" + id).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private long rows() {
        return transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.selectCount().from(INTERACTION)
                .where(INTERACTION.BRAND_ID.eq(brand))).map(row -> (long) row.value1())).block();
    }

    private long events() {
        return transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.selectCount().from(INTERACTION_EVENT))
                .map(row -> (long) row.value1())).block();
    }
}
