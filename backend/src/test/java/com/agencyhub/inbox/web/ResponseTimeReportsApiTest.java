package com.agencyhub.inbox.web;

import com.agencyhub.testsupport.AgencyWorld;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ResponseTimeData;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.testsupport.ResponseTimeData.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response-time reports through the API on a small hand-made month (November 2026, Europe/Berlin), whose figures are
 * worked out by hand below; who may read which report.
 *
 * <p>The brand in scope has twelve items. First response, in business minutes (calendar where different), target 60:
 * <pre>
 *  1  Mon 2 Nov 09:05  inside    instagram comment         normal    5        by the social-media manager
 *  2  Mon 2 Nov 09:20  inside    instagram comment         normal   10        by the social-media manager
 *  3  Mon 2 Nov 09:35  inside    instagram direct-message  high     15        by the manager
 *  4  Mon 2 Nov 10:10  inside    facebook  comment         normal   20        by the manager
 *  5  Mon 2 Nov 10:40  inside    facebook  review          normal   30
 *  6  Tue 10 Nov 19:00 covered   instagram comment         normal   40
 *  7  Tue 10 Nov 20:00 covered   instagram mention         high     60        (exactly at the due time: within)
 *  8  Tue 10 Nov 21:00 covered   facebook  comment         normal  120 (600) due after 90: missed, covered but slow
 *  9  Sat 14 Nov 03:00 uncovered instagram comment         critical open, past due: missed, uncovered
 * 10  Mon 30 Nov 11:00 inside    instagram comment         normal   open, due in 2100: not yet due
 * 11  Sun 1 Nov 11:00  inside    instagram other           low      (50)      no SLA: without target
 * 12  Sat 14 Nov 10:00 covered   facebook  comment         normal   open, past due, escalation reached nobody
 * </pre>
 * Business minutes of the 8 answered with an SLA: 5 10 15 20 30 40 60 120 → median (20+30)/2 = 25, p90 at rank 6.3:
 * 60 + 0.3 × 60 = 78, mean 300 / 8 = 37.5. Calendar minutes of all 9 answered: 5 10 15 20 30 40 50 60 600 → median 30,
 * p90 at rank 7.2: 60 + 0.2 × 540 = 168, mean 830 / 9 = 92.2. Within target 7, missed 3 (8, 9, 12), not yet due 1
 * (10), without target 1 (11): 7 / 10 = 70.0 %. Resolution (due after 1440 minutes): items 1–4 resolved after 60, 120,
 * 180 and 2000 minutes: within 3, missed 1 + the 6 open past due = 7, not yet due 1, without 1: 30.0 %; median 150, p90
 * at rank 2.7: 180 + 0.7 × 1820 = 1454, mean 590.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseTimeReportsApiTest extends ApiTest {

    private static final String NOVEMBER = "?from=2026-11-01&to=2026-12-01";
    private static final Instant FAR_AWAY = Instant.parse("2100-01-01T00:00:00Z");

    private AgencyWorld world;
    private TestAgency other;
    private String path;

    @BeforeAll
    void month() {
        other = newAgency("response-times-other");
        world = newWorld(other);
        UUID brand = world.brandInScope();
        path = "/v1/brands/" + brand + "/response-times";
        UUID social = world.socialMediaManager();
        UUID manager = world.manager();
        List<ResponseTimeData.Item> items = new ArrayList<>(List.of(
                withSla(item(brand, "2026-11-02T08:05:00Z")).answered(5, 5, social).resolved(60),
                withSla(item(brand, "2026-11-02T08:20:00Z")).answered(10, 10, social).resolved(120),
                withSla(item(brand, "2026-11-02T08:35:00Z").kind("direct-message").priority("high"))
                        .answered(15, 15, manager).resolved(180),
                withSla(item(brand, "2026-11-02T09:10:00Z").channel("facebook")).answered(20, 20, manager)
                        .resolved(2000),
                withSla(item(brand, "2026-11-02T09:40:00Z").channel("facebook").kind("review")).answered(30, 30, null),
                withSla(item(brand, "2026-11-10T18:00:00Z").window("covered")).answered(40, 40, null),
                withSla(item(brand, "2026-11-10T19:00:00Z").window("covered").kind("mention").priority("high"))
                        .answered(60, 60, null),
                item(brand, "2026-11-10T20:00:00Z").window("covered").channel("facebook")
                        .due(Instant.parse("2026-11-10T21:30:00Z"), Instant.parse("2026-11-11T20:00:00Z"))
                        .answered(600, 120, null),
                withSla(item(brand, "2026-11-14T02:00:00Z").window("uncovered").priority("critical")),
                item(brand, "2026-11-30T10:00:00Z").due(FAR_AWAY, FAR_AWAY),
                item(brand, "2026-11-01T10:00:00Z").kind("other").priority("low").answered(50, null, null),
                withSla(item(brand, "2026-11-14T09:00:00Z").window("covered").channel("facebook"))
                        .escalationReachedNobody()));
        // outside the brand or the period: never counted in its November
        items.add(withSla(item(world.brandOutOfScope(), "2026-11-05T10:00:00Z")).answered(1, 1, null));
        items.add(withSla(item(brand, "2026-10-31T22:59:00Z")).answered(1, 1, null)); // 23:59 on 31 October in Berlin
        items.add(withSla(item(brand, "2026-11-30T23:00:00Z")).answered(1, 1, null)); // 00:00 on 1 December
        ResponseTimeData.insert(world.agency().tenant(), items);
    }

    /** The brand's SLA: a first response within 60 minutes, a resolution within 1440 (due times on the wall clock). */
    private static ResponseTimeData.Item withSla(ResponseTimeData.Item item) {
        return item.target(60, 1440);
    }

    @Test
    void theMonthsFiguresAreThoseWorkedOutByHand() {
        JsonNode report = get(world.agency().adminToken(), path + NOVEMBER);
        assertThat(report.path("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(report.path("from").asString()).isEqualTo("2026-11-01");
        assertThat(report.path("to").asString()).isEqualTo("2026-12-01");
        assertThat(report.path("brandName").asString()).isEqualTo("In scope");
        JsonNode totals = report.path("totals");
        assertThat(totals.path("received").asInt()).isEqualTo(12);

        JsonNode first = totals.path("firstResponse");
        assertThat(counts(first)).containsExactly(9, 3, 7, 3, 1, 1);
        assertThat(first.path("percentWithinTarget").asDouble()).isEqualTo(70.0);
        assertThat(durations(first.path("businessMinutes"))).containsExactly(25.0, 78.0, 37.5);
        assertThat(durations(first.path("calendarMinutes"))).containsExactly(30.0, 168.0, 92.2);

        JsonNode resolution = totals.path("resolution");
        assertThat(counts(resolution)).containsExactly(4, 8, 3, 7, 1, 1);
        assertThat(resolution.path("percentWithinTarget").asDouble()).isEqualTo(30.0);
        assertThat(durations(resolution.path("businessMinutes"))).containsExactly(150.0, 1454.0, 590.0);
    }

    @Test
    void windowClassesAndBreachesTellWhereAndWhyTargetsWereMissed() {
        JsonNode report = get(world.agency().adminToken(), path + NOVEMBER);
        JsonNode classes = report.path("byWindowClass");
        assertThat(keys(classes)).containsExactly("inside", "covered", "uncovered");
        JsonNode inside = classes.get(0).path("figures");
        assertThat(inside.path("received").asInt()).isEqualTo(7);
        assertThat(counts(inside.path("firstResponse"))).containsExactly(6, 1, 5, 0, 1, 1);
        assertThat(inside.path("firstResponse").path("percentWithinTarget").asDouble()).isEqualTo(100.0);
        assertThat(inside.path("firstResponse").path("businessMinutes").path("median").asDouble()).isEqualTo(15.0);
        JsonNode covered = classes.get(1).path("figures");
        assertThat(counts(covered.path("firstResponse"))).containsExactly(3, 1, 2, 2, 0, 0);
        assertThat(covered.path("firstResponse").path("percentWithinTarget").asDouble()).isEqualTo(50.0);
        assertThat(covered.path("firstResponse").path("businessMinutes").path("median").asDouble()).isEqualTo(60.0);
        JsonNode uncovered = classes.get(2).path("figures");
        assertThat(counts(uncovered.path("firstResponse"))).containsExactly(0, 1, 0, 1, 0, 0);
        assertThat(uncovered.path("firstResponse").path("percentWithinTarget").asDouble()).isEqualTo(0.0);
        assertThat(uncovered.path("firstResponse").path("businessMinutes").path("median").isNull()).isTrue();

        JsonNode breaches = report.path("breaches");
        assertThat(breaches.path("missedTarget").asInt()).isEqualTo(3);
        assertThat(breaches.path("uncovered").asInt()).isEqualTo(1);
        assertThat(breaches.path("escalationFailed").asInt()).isEqualTo(1);
        assertThat(breaches.path("coveredButSlow").asInt()).isEqualTo(1);
    }

    @Test
    void breakdownsGroupByChannelPriorityKindWeekAndLocalHour() {
        JsonNode report = get(world.agency().adminToken(), path + NOVEMBER);
        assertThat(keys(report.path("byChannel"))).containsExactly("facebook", "instagram");
        assertThat(received(report.path("byChannel"))).containsExactly(4, 8);
        assertThat(keys(report.path("byPriority"))).containsExactly("critical", "high", "normal", "low");
        assertThat(received(report.path("byPriority"))).containsExactly(1, 2, 8, 1);
        assertThat(keys(report.path("byKind"))).containsExactly("comment", "direct-message", "mention", "other",
                "review");
        List<String> weeks = new ArrayList<>();
        report.path("byWeek").forEach(week -> weeks.add(week.path("week").asString() + " "
                + week.path("weekStart").asString() + " " + week.path("figures").path("received").asInt()));
        assertThat(weeks).containsExactly("2026-W44 2026-10-26 1", "2026-W45 2026-11-02 5", "2026-W46 2026-11-09 5",
                "2026-W49 2026-11-30 1");
        List<String> hours = new ArrayList<>();
        report.path("byWeekdayHour").forEach(hour -> hours.add(hour.path("weekday").asInt() + " "
                + hour.path("hour").asInt() + " " + hour.path("figures").path("received").asInt()));
        // Berlin is an hour ahead of UTC in November
        assertThat(hours).containsExactly("1 9 3", "1 10 2", "1 11 1", "2 19 1", "2 20 1", "2 21 1", "6 3 1",
                "6 10 1", "7 11 1");
    }

    @Test
    void staffSeeWhoAnsweredClientUsersSeeTheirBrandWithoutNames() {
        JsonNode staff = get(world.agency().adminToken(), path + NOVEMBER);
        List<String> responders = new ArrayList<>();
        staff.path("byResponder").forEach(responder -> responders.add(responder.path("displayName").asString() + " "
                + responder.path("figures").path("received").asInt()));
        assertThat(responders).containsExactly("Mia Manager 2", "Sam Social 2");

        JsonNode client = get(world.clientInScopeToken(), path + NOVEMBER);
        assertThat(client.has("byResponder")).isFalse();
        assertThat(client.path("totals")).isEqualTo(staff.path("totals"));
        String csv = csv(world.clientInScopeToken());
        assertThat(csv).doesNotContain("responder").doesNotContain("Sam Social").doesNotContain("Mia Manager");
        assertThat(csv(world.agency().adminToken())).contains("responder,Sam Social,2,");
    }

    @Test
    void aBrandOutsideTheCallersReachIsNotFound() {
        http.get().uri(path + NOVEMBER).headers(h -> h.setBearerAuth(world.clientOutOfScopeToken())).exchange()
                .expectStatus().isNotFound();
        http.get().uri(path + NOVEMBER).headers(h -> h.setBearerAuth(other.adminToken())).exchange()
                .expectStatus().isNotFound();
        http.get().uri(path + "/export.csv").headers(h -> h.setBearerAuth(world.clientOutOfScopeToken())).exchange()
                .expectStatus().isNotFound();
        http.get().uri(path + "/report.pdf").headers(h -> h.setBearerAuth(other.adminToken())).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v1/response-times").headers(h -> h.setBearerAuth(world.clientInScopeToken())).exchange()
                .expectStatus().isForbidden();
        // the other agency's own report does not count this agency's items
        JsonNode theirs = get(other.adminToken(), "/v1/response-times" + NOVEMBER);
        assertThat(theirs.path("totals").path("received").asInt()).isZero();
    }

    @Test
    void theAgencyReportCountsEveryBrandAndNamesThem() {
        JsonNode report = get(world.agency().adminToken(), "/v1/response-times" + NOVEMBER);
        assertThat(report.path("brandId").isNull()).isTrue();
        assertThat(report.path("totals").path("received").asInt()).isEqualTo(13);
        List<String> brands = new ArrayList<>();
        report.path("byBrand").forEach(brand -> brands.add(brand.path("brandName").asString() + " "
                + brand.path("figures").path("received").asInt()));
        assertThat(brands).containsExactly("In scope 12", "Out of scope 1");
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        String token = world.agency().adminToken();
        expectFieldError(http.get().uri(path + "?from=2026-13-01").headers(h -> h.setBearerAuth(token)).exchange(),
                "from");
        expectFieldError(http.get().uri(path + "?from=yesterday").headers(h -> h.setBearerAuth(token)).exchange(),
                "from");
        expectFieldError(http.get().uri(path + "?from=2026-12-01&to=2026-11-01").headers(h -> h.setBearerAuth(token))
                .exchange(), "to");
        expectFieldError(http.get().uri(path + "?from=2026-11-01&to=2026-11-01").headers(h -> h.setBearerAuth(token))
                .exchange(), "to");
        expectFieldError(http.get().uri(path + "?from=2025-01-01&to=2026-01-03").headers(h -> h.setBearerAuth(token))
                .exchange(), "to");
        expectFieldError(http.get().uri(path + "?from=1999-12-01").headers(h -> h.setBearerAuth(token)).exchange(),
                "from");
        expectFieldError(http.get().uri(path + "/export.csv?to=2026-02-30").headers(h -> h.setBearerAuth(token))
                .exchange(), "to");
        expectFieldError(http.get().uri("/v1/response-times?from=2026-11-01&to=2028-01-01")
                .headers(h -> h.setBearerAuth(token)).exchange(), "to");
    }

    @Test
    void periodsDefaultToMonths() {
        JsonNode lastMonth = get(world.agency().adminToken(), path);
        assertThat(lastMonth.path("from").asString()).endsWith("-01");
        assertThat(lastMonth.path("to").asString()).endsWith("-01");
        assertThat(Duration.between(Instant.parse(lastMonth.path("from").asString() + "T00:00:00Z"),
                Instant.parse(lastMonth.path("to").asString() + "T00:00:00Z")).toDays()).isBetween(28L, 31L);
        JsonNode fromOnly = get(world.agency().adminToken(), path + "?from=2026-11-15");
        assertThat(fromOnly.path("to").asString()).isEqualTo("2026-12-15");
        JsonNode toOnly = get(world.agency().adminToken(), path + "?to=2026-11-15");
        assertThat(toOnly.path("from").asString()).isEqualTo("2026-10-15");
    }

    @Test
    void theCsvHasTheTotalsAndEveryGroup() {
        String[] lines = csv(world.agency().adminToken()).split("\r\n");
        assertThat(lines[0]).startsWith("breakdown,group,received,first_response_completed,first_response_open,"
                + "first_response_within_target,first_response_missed_target,first_response_not_yet_due,"
                + "first_response_without_target,first_response_percent_within_target,"
                + "first_response_median_business_minutes,first_response_p90_business_minutes,"
                + "first_response_mean_business_minutes,first_response_median_calendar_minutes,"
                + "first_response_p90_calendar_minutes,first_response_mean_calendar_minutes,resolution_completed");
        assertThat(lines[1]).isEqualTo("total,,12,9,3,7,3,1,1,70.0,25.0,78.0,37.5,30.0,168.0,92.2,"
                + "4,8,3,7,1,1,30.0,150.0,1454.0,590.0,150.0,1454.0,590.0");
        assertThat(lines[4]).startsWith("window-class,uncovered,1,0,1,0,1,0,0,0.0,,,,,,,");
        assertThat(List.of(lines)).contains("week,2026-11-30,1,0,1,0,0,1,0,,,,,,,,0,1,0,0,1,0,,,,,,,")
                .anyMatch(line -> line.startsWith("weekday-hour,1 09,3,"));
    }

    private JsonNode get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String csv(String token) {
        return http.get().uri(path + "/export.csv" + NOVEMBER.replace("?", "?separator=comma&"))
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** completed, open, withinTarget, missedTarget, notYetDue, withoutTarget */
    private static List<Integer> counts(JsonNode clock) {
        return List.of("completed", "open", "withinTarget", "missedTarget", "notYetDue", "withoutTarget").stream()
                .map(name -> clock.path(name).asInt()).toList();
    }

    private static List<Double> durations(JsonNode durations) {
        return List.of(durations.path("median").asDouble(), durations.path("p90").asDouble(),
                durations.path("mean").asDouble());
    }

    private static List<String> keys(JsonNode groups) {
        List<String> keys = new ArrayList<>();
        groups.forEach(group -> keys.add(group.path("key").asString()));
        return keys;
    }

    private static List<Integer> received(JsonNode groups) {
        List<Integer> received = new ArrayList<>();
        groups.forEach(group -> received.add(group.path("figures").path("received").asInt()));
        return received;
    }
}
