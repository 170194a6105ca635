package com.agencyhub.calendar.web;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ParsedFeeds;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shift feeds: monitoring duty resolved from a roster planned through the API (a weekly weekday rotation of Jonas and
 * Lea on a brand that requires every day 09:00-17:00, and Jonas sick on a Tuesday of his), read by secret URL and
 * parsed with biweekly; who may create them, and revoked or foreign ones.
 */
class ShiftFeedsApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private TestAgency agency;
    private UUID brand;
    private UUID jonas;
    private UUID lea;
    /** The rotation's first day: Jonas's turns are the weeks starting 0, 14, 28… days after it, Lea's 7, 21… */
    private LocalDate monday;

    @BeforeEach
    void aBrandWithARotationAndASickDay() {
        agency = newAgency("shift-feeds");
        jonas = newStaffMember(agency, "Jonas", "Berg");
        lea = newStaffMember(agency, "Lea", "Roth");
        brand = UUID.fromString(post(agency.adminToken(), "/v1/brands", Map.of("name", "Alpenmilch",
                "zone", "Europe/Berlin", "locale", "de-DE",
                "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString());
        List<Map<String, Object>> everyDay = Stream.concat(WEEKDAYS.stream(), Stream.of("SATURDAY", "SUNDAY"))
                .map(day -> StrategyApiTest.window(day, "09:00", "17:00")).toList();
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(jonas, lea, everyDay), "/draft/approval");

        monday = LocalDate.now(BERLIN).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        post(agency.adminToken(), "/v1/roster/rotations", Map.of("name", "Alpenmilch weekdays", "priority", 10,
                "memberIds", List.of(jonas, lea), "lengthDays", 7, "handoffTime", "08:00",
                "startDate", monday.toString(), "zone", "Europe/Berlin", "brandIds", List.of(brand),
                "restriction", WEEKDAYS.stream().map(day -> StrategyApiTest.window(day, "09:00", "17:00")).toList()))
                .expectStatus().isCreated();
        post(agency.tokenFor(jonas), "/v1/roster/absences", Map.of("kind", "sick",
                "from", at(sickDay(), LocalTime.MIDNIGHT).toString(),
                "to", at(sickDay().plusDays(1), LocalTime.MIDNIGHT).toString()))
                .expectStatus().isCreated();
    }

    @Test
    void aBrandFeedShowsWhoIsOnDutyTheDeputyStandingInAndTheGaps() {
        JsonNode created = post(agency.tokenFor(lea), "/v1/calendar-feeds", Map.of("brandId", brand,
                "label", "Alpenmilch duty", "content", "shifts")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.path("content").asString()).isEqualTo("shifts");
        String feed = created.path("id").asString();

        ICalendar calendar = ParsedFeeds.parse(read(URI.create(created.path("url").asString())));
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString())
                .isTrue();
        Map<String, VEvent> events = ParsedFeeds.byUid(calendar);

        VEvent jonasOnDuty = event(events, feed, sickDay().minusDays(1));
        expectTimes(jonasOnDuty, sickDay().minusDays(1));
        assertThat(jonasOnDuty.getSummary().getValue()).isEqualTo("Alpenmilch: Jonas Berg");
        assertThat(jonasOnDuty.getDescription().getValue()).isEqualTo("Why: rotation\nDeputy chain: Lea Roth");

        VEvent standingIn = event(events, feed, sickDay());
        expectTimes(standingIn, sickDay());
        assertThat(standingIn.getSummary().getValue()).isEqualTo("Alpenmilch: Lea Roth (standing in for Jonas Berg)");
        assertThat(standingIn.getDescription().getValue())
                .isEqualTo("Why: deputy for Jonas Berg (sick)\nDeputy chain: none");

        VEvent leaOnDuty = event(events, feed, monday.plusDays(7));
        assertThat(leaOnDuty.getSummary().getValue()).isEqualTo("Alpenmilch: Lea Roth");
        assertThat(leaOnDuty.getDescription().getValue()).isEqualTo("Why: rotation\nDeputy chain: Jonas Berg");

        LocalDate saturday = monday.plusDays(12);
        VEvent gap = event(events, feed, saturday);
        expectTimes(gap, saturday);
        assertThat(gap.getSummary().getValue()).isEqualTo("Gap");
        // off time (the nights) is no event: every event ahead starts at 09:00, when monitoring is required
        Instant now = Instant.now();
        assertThat(events.values().stream().map(event -> event.getDateStart().getValue().toInstant())
                .filter(start -> start.isAfter(now)).map(start -> start.atZone(BERLIN).toLocalTime()).distinct())
                .containsExactly(LocalTime.of(9, 0));
    }

    @Test
    void aMembersFeedShowsTheirShiftsAndWhomTheyStandInFor() {
        JsonNode created = post(agency.tokenFor(lea), "/v1/calendar-feeds", Map.of("assigneeId", lea,
                "label", "My shifts", "content", "shifts")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String feed = created.path("id").asString();

        Map<String, VEvent> events = ParsedFeeds.byUid(ParsedFeeds.parse(read(URI.create(
                created.path("url").asString()))));
        VEvent ownTurn = event(events, feed, monday.plusDays(7));
        expectTimes(ownTurn, monday.plusDays(7));
        assertThat(ownTurn.getSummary().getValue()).isEqualTo("Alpenmilch");
        assertThat(ownTurn.getDescription().getValue()).isEqualTo("Why: rotation");

        VEvent standingIn = event(events, feed, sickDay());
        expectTimes(standingIn, sickDay());
        assertThat(standingIn.getSummary().getValue()).isEqualTo("Alpenmilch (standing in for Jonas Berg)");
        assertThat(standingIn.getDescription().getValue()).isEqualTo("Why: deputy for Jonas Berg");

        assertThat(events).doesNotContainKey(uid(feed, sickDay().minusDays(1)));
        assertThat(events.values()).noneMatch(event -> event.getSummary().getValue().equals("Gap"));
    }

    @Test
    void onlyStaffCreateShiftFeedsAndSocialMediaManagersOnlyOfTheirOwnShifts() {
        post(clientViewer(agency, brand), "/v1/calendar-feeds", Map.of("brandId", brand, "label", "Duty",
                "content", "shifts")).expectStatus().isForbidden();
        post(agency.tokenFor(lea), "/v1/calendar-feeds", Map.of("assigneeId", jonas, "label", "Jonas's shifts",
                "content", "shifts")).expectStatus().isForbidden();
        post(memberToken(agency, Role.AGENCY_MANAGER), "/v1/calendar-feeds", Map.of("assigneeId", jonas,
                "label", "Jonas's shifts", "content", "shifts")).expectStatus().isCreated();
        TestAgency other = newAgency("shift-feeds-other");
        post(other.adminToken(), "/v1/calendar-feeds", Map.of("brandId", brand, "label", "Not ours",
                "content", "shifts")).expectStatus().isNotFound();
    }

    @Test
    void aRevokedFeedAndOneOfAMemberWhoLeftAnswer404() {
        JsonNode brandFeed = post(agency.tokenFor(lea), "/v1/calendar-feeds", Map.of("brandId", brand,
                "label", "Alpenmilch duty", "content", "shifts")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        URI brandUrl = URI.create(brandFeed.path("url").asString());
        read(brandUrl);
        http.delete().uri("/v1/calendar-feeds/" + brandFeed.path("id").asString())
                .headers(h -> h.setBearerAuth(agency.tokenFor(lea))).exchange().expectStatus().isNoContent();
        expectNoFeed(brandUrl);

        URI jonasUrl = URI.create(post(agency.adminToken(), "/v1/calendar-feeds", Map.of("assigneeId", jonas,
                "label", "Jonas's shifts", "content", "shifts")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("url").asString());
        read(jonasUrl);
        http.post().uri("/v1/members/" + jonas + "/deactivation").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();
        expectNoFeed(jonasUrl);
    }

    /** Jonas's Tuesday in the second of his turns: Lea, in the other turn, stands in. */
    private LocalDate sickDay() {
        return monday.plusDays(15);
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(BERLIN).toInstant();
    }

    /** The event of the day's 09:00 shift (Berlin time) in the feed; it must exist. */
    private VEvent event(Map<String, VEvent> events, String feed, LocalDate day) {
        assertThat(events).containsKey(uid(feed, day));
        return events.get(uid(feed, day));
    }

    private String uid(String feed, LocalDate day) {
        return feed + "-" + brand + "-" + at(day, LocalTime.of(9, 0)).getEpochSecond() + "@agencyhub";
    }

    private static void expectTimes(VEvent event, LocalDate day) {
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(at(day, LocalTime.of(9, 0)));
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(at(day, LocalTime.of(17, 0)));
    }

    /** Reads the feed as a calendar app would: no token, the URL only. */
    private String read(URI url) {
        return new String(http.get().uri(url.getPath()).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/calendar;charset=utf-8")
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private void expectNoFeed(URI url) {
        http.get().uri(url.getPath()).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec post(String token, String path, Map<String, Object> body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }
}
