package com.agencyhub.calendar.web;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.agencyhub.api.model.MemberDto;
import com.github.mangstadt.vinnie.io.VObjectPropertyValues;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ParsedFeeds;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calendar feeds: created, read by their secret URL and parsed with a maintained iCalendar parser (biweekly), so that
 * what we write is checked by reading it with somebody else's code; revoked, refused and re-checked at read time.
 */
class CalendarFeedsApiTest extends ApiTest {

    private static final Instant SOON = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

    private TestAgency agency;
    private UUID brand;
    private UUID staff;
    private String staffToken;

    @BeforeEach
    void anAgencyWithABrand() {
        agency = newAgency("feeds");
        brand = brand("Alpenmilch");
        staff = newStaffMember(agency, "Sam", "Social");
        staffToken = agency.tokenFor(staff);
    }

    @Test
    void aBrandFeedRoundTripsThroughAnICalendarParser() {
        String title = "Frühling; Käse, Milch \\ 🐄\nzweite Zeile";
        String post = post(staffToken, brand, title, SOON, Map.of("campaign", "Spring, 2027; launch"));
        String cancelled = post(staffToken, brand, "Dropped", SOON.plus(Duration.ofHours(1)), Map.of());
        transition(staffToken, cancelled, 0, "cancel");
        post(staffToken, brand, "Too far ahead", Instant.now().plus(Duration.ofDays(200)), Map.of());
        post(staffToken, brand, "Long gone", Instant.now().minus(Duration.ofDays(40)), Map.of());

        JsonNode created = createFeed(staffToken, Map.of("brandId", brand, "label", "Alpenmilch, Kalender"))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/v1/calendar-feeds/"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        URI url = URI.create(created.path("url").asString());
        assertThat(url.toString()).startsWith("http://localhost:8080/v1/feeds/").endsWith(".ics");
        assertThat(created.path("brandId").asString()).isEqualTo(brand.toString());
        assertThat(created.path("assigneeId").isNull()).isTrue();
        assertThat(created.path("ownerId").asString()).isEqualTo(staff.toString());
        assertThat(created.path("content").asString()).isEqualTo("posts");

        String text = read(url);
        ICalendar calendar = ParsedFeeds.parse(text);
        assertThat(calendar.getVersion()).isEqualTo(ICalVersion.V2_0);
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString())
                .isTrue();
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getCalendarScale().getValue()).isEqualTo("GREGORIAN");
        // biweekly keeps the value of a property it does not know (X-WR-CALNAME, TEXT) as written: unescaped here
        assertThat(VObjectPropertyValues.unescape(calendar.getExperimentalProperty("X-WR-CALNAME").getValue()))
                .isEqualTo("Alpenmilch, Kalender");
        Map<String, VEvent> events = ParsedFeeds.byUid(calendar);
        assertThat(events).containsOnlyKeys(post + "@agencyhub", cancelled + "@agencyhub");

        VEvent event = events.get(post + "@agencyhub");
        assertThat(event.getSummary().getValue()).isEqualTo(title);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(SOON);
        assertThat(event.getDuration().getValue().toString()).isEqualTo("PT30M");
        assertThat(event.getStatus().getValue()).isEqualTo("TENTATIVE");
        assertThat(event.getSequence().getValue()).isEqualTo(1);
        assertThat(event.getUrl().getValue()).isEqualTo("http://localhost:5173/posts/" + post);
        assertThat(event.getDescription().getValue()).isEqualTo("Status: draft\nPlatforms: instagram"
                + "\nCampaign: Spring, 2027; launch\nhttp://localhost:5173/posts/" + post);
        assertThat(event.getDateTimeStamp()).isNotNull();
        assertThat(event.getLastModified()).isNotNull();
        assertThat(events.get(cancelled + "@agencyhub").getStatus().getValue()).isEqualTo("CANCELLED");
        expectWellFormedLines(text);

        JsonNode listed = get(staffToken, "/v1/calendar-feeds").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).has("url")).isFalse();
        assertThat(listed.path("items").get(0).path("lastReadAt").isNull()).isFalse();
    }

    @Test
    void aLongTitleFoldsAtSeventyFiveOctetsWithoutSplittingACharacterAndStillParses() {
        String title = "Ä🐄ü, ".repeat(33).substring(0, 198).strip();
        String post = post(staffToken, brand, title, SOON, Map.of());
        String text = read(feedUrl(staffToken, Map.of("brandId", brand, "label", "Folded")));

        assertThat(text).contains("\r\n ");
        expectWellFormedLines(text);
        assertThat(ParsedFeeds.byUid(ParsedFeeds.parse(text)).get(post + "@agencyhub").getSummary().getValue()).isEqualTo(title);
    }

    @Test
    void anAssigneeFeedShowsTheirPostsAcrossBrandsWithTheBrandsName() {
        UUID other = brand("Bergkäse");
        String mine = post(staffToken, brand, "Mine", SOON, Map.of("assigneeId", staff));
        String mineElsewhere = post(staffToken, other, "Mine too", SOON.plus(Duration.ofDays(1)),
                Map.of("assigneeId", staff));
        post(staffToken, brand, "Not mine", SOON, Map.of());

        Map<String, VEvent> events = ParsedFeeds.byUid(ParsedFeeds.parse(read(feedUrl(staffToken, Map.of("assigneeId", staff,
                "label", "My posts")))));
        assertThat(events).containsOnlyKeys(mine + "@agencyhub", mineElsewhere + "@agencyhub");
        assertThat(events.get(mineElsewhere + "@agencyhub").getSummary().getValue()).isEqualTo("Mine too (Bergkäse)");

        UUID colleague = newStaffMember(agency, "Cole", "League");
        createFeed(staffToken, Map.of("assigneeId", colleague, "label", "Theirs")).expectStatus().isForbidden();
        createFeed(agency.adminToken(), Map.of("assigneeId", colleague, "label", "Theirs")).expectStatus()
                .isCreated();
        createFeed(agency.adminToken(), Map.of("assigneeId", UUID.randomUUID(), "label", "Nobody")).expectStatus()
                .isNotFound();
    }

    @Test
    void aClientUsersFeedShowsOnlyClientVisiblePostsOfBrandsInTheirScope() {
        UUID other = brand("Out of scope");
        UUID client = inviteClient(brand);
        String clientToken = agency.tokenFor(client);
        String approved = post(staffToken, brand, "Approved", SOON, Map.of());
        transition(staffToken, approved, 0, "submit");
        transition(agency.adminToken(), approved, 1, "approve");
        post(staffToken, brand, "Still a draft", SOON, Map.of());

        URI url = feedUrl(clientToken, Map.of("brandId", brand, "label", "Our calendar"));
        assertThat(ParsedFeeds.byUid(ParsedFeeds.parse(read(url)))).containsOnlyKeys(approved + "@agencyhub");

        createFeed(clientToken, Map.of("brandId", other, "label", "Not ours")).expectStatus().isNotFound();
        createFeed(clientToken, Map.of("assigneeId", staff, "label", "Not ours")).expectStatus().isNotFound();

        // the scope is read again at every read: a client user who lost the brand has a feed that answers 404
        http.put().uri("/v1/client-users/" + client + "/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("brandIds", List.of(other))).exchange().expectStatus().isOk();
        expectNoFeed(url);
    }

    @Test
    void aRevokedFeedAnswers404AndLeavesTheList() {
        JsonNode created = createFeed(staffToken, Map.of("brandId", brand, "label", "To revoke")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        URI url = URI.create(created.path("url").asString());
        String feed = "/v1/calendar-feeds/" + created.path("id").asString();
        read(url);
        String colleague = memberToken(agency, Role.AGENCY_MANAGER);
        http.delete().uri(feed).headers(h -> h.setBearerAuth(colleague)).exchange().expectStatus().isNotFound();
        get(colleague, feed).expectStatus().isNotFound();
        get(agency.adminToken(), feed).expectStatus().isOk();

        http.delete().uri(feed).headers(h -> h.setBearerAuth(staffToken)).exchange().expectStatus().isNoContent();
        expectNoFeed(url);
        get(staffToken, feed).expectStatus().isNotFound();
        get(staffToken, "/v1/calendar-feeds").expectStatus().isOk().expectBody().jsonPath("$.items.length()")
                .isEqualTo(0);
        http.delete().uri(feed).headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus()
                .isNoContent();

        JsonNode audit = get(agency.adminToken(), "/v1/audit-events?entityType=calendar-feed").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> actions = new ArrayList<>();
        audit.path("items").forEach(item -> actions.add(item.path("action").asString()));
        assertThat(actions).containsExactly("calendar-feed.revoked", "calendar-feed.created");
        assertThat(audit.toString()).doesNotContain(url.getPath().substring("/v1/feeds/".length(),
                url.getPath().length() - 4));
    }

    @Test
    void unknownAndMalformedSecretsAnswerTheSame404() {
        String unknown = "A".repeat(43);
        for (String secret : List.of(unknown, "abc", "A".repeat(44), "abc.def", "A".repeat(42) + "=")) {
            expectNoFeed(URI.create("http://localhost/v1/feeds/" + secret + ".ics"));
        }
        // a bearer token sent along changes nothing
        http.get().uri("/v1/feeds/" + unknown + ".ics").headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anotherAgencysBrandOrFeedIsNotFound() {
        TestAgency other = newAgency("feeds-other");
        UUID theirBrand = newBrand(other, "Theirs");
        createFeed(staffToken, Map.of("brandId", theirBrand, "label", "Theirs")).expectStatus().isNotFound();

        String feed = "/v1/calendar-feeds/" + createFeed(staffToken, Map.of("brandId", brand, "label", "Ours"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
        get(other.adminToken(), feed).expectStatus().isNotFound();
        http.delete().uri(feed).headers(h -> h.setBearerAuth(other.adminToken())).exchange().expectStatus()
                .isNotFound();
        get(other.adminToken(), "/v1/calendar-feeds").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void aDeactivatedOwnersFeedAnswers404UntilTheyAreBack() {
        URI url = feedUrl(staffToken, Map.of("brandId", brand, "label", "Mine"));
        read(url);
        http.post().uri("/v1/members/" + staff + "/deactivation").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();
        expectNoFeed(url);
        http.delete().uri("/v1/members/" + staff + "/deactivation").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();
        read(url);
    }

    @Test
    void aFeedNamesExactlyOneBrandOrAssigneeAndALabel() {
        expectFieldError(createFeed(staffToken, Map.of("label", "Nothing")), "brandId");
        expectFieldError(createFeed(staffToken, Map.of("brandId", brand, "assigneeId", staff, "label", "Both")),
                "assigneeId");
        expectFieldError(createFeed(staffToken, Map.of("brandId", brand, "label", "   ")), "label");
        expectFieldError(createFeed(staffToken, Map.of("brandId", brand, "label", "x".repeat(101))), "label");
        get(staffToken, "/v1/calendar-feeds").expectStatus().isOk().expectBody().jsonPath("$.items.length()")
                .isEqualTo(0);
    }

    /** Every physical line ends in CRLF, has at most 75 octets and is UTF-8 by itself (no character split). */
    private static void expectWellFormedLines(String text) {
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : text.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(octets));
            } catch (CharacterCodingException e) {
                throw new AssertionError("a line splits a character: " + Arrays.toString(octets), e);
            }
        }
    }

    /** Reads the feed as a calendar app would: no token, the URL only. */
    private String read(URI url) {
        EntityExchangeResult<byte[]> answer = http.get().uri(url.getPath()).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/calendar;charset=utf-8")
                .expectBody().returnResult();
        return new String(answer.getResponseBody(), StandardCharsets.UTF_8);
    }

    private void expectNoFeed(URI url) {
        http.get().uri(url.getPath()).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private URI feedUrl(String token, Map<String, Object> body) {
        return URI.create(createFeed(token, body).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("url").asString());
    }

    private WebTestClient.ResponseSpec createFeed(String token, Map<String, Object> body) {
        return http.post().uri("/v1/calendar-feeds").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private UUID brand(String name) {
        return http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", name, "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@" + name.length()))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString().transform(UUID::fromString);
    }

    /** Plans a post with a reel on Instagram. */
    private String post(String token, UUID brandId, String title, Instant plannedAt, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("title", title);
        body.put("plannedAt", plannedAt.toString());
        body.put("variants", List.of(Map.of("platform", "instagram", "format", "reel")));
        return http.post().uri("/v1/brands/" + brandId + "/posts").headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString();
    }

    private void transition(String token, String post, int version, String action) {
        http.post().uri("/v1/posts/" + post + "/transitions").headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"" + version + "\"");
        }).bodyValue(Map.of("action", action)).exchange().expectStatus().isOk();
    }

    private UUID inviteClient(UUID... brands) {
        return http.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", "client-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test",
                        "firstName", "Cleo", "lastName", "Client", "brandIds", List.of(brands)))
                .exchange().expectStatus().isCreated().expectBody(MemberDto.class).returnResult().getResponseBody()
                .getId();
    }
}
