package com.agencyhub.calendar.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan adherence against a real calendar: the strategy of {@link ApiTest#brandWithStrategy} promises 2 Instagram posts a
 * week. The weeks are Berlin's, and 2027-W12 ends with the change to summer time.
 */
class PlanAdherenceApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;

    @BeforeEach
    void aBrandWithPostsAroundTheChangeToSummerTime() {
        agency = newAgency("adherence");
        brand = brandWithStrategy(agency, "Alpenmilch", newStaffMember(agency, "Dana", "Deputy"));
        approve(agency, post("Monday recipe", "2027-03-22T10:00:00+01:00", "Recipes", List.of("instagram")));
        post("Sunday night, summer time", "2027-03-28T23:30:00+02:00", "From the farm", List.of("instagram", "linkedin"));
        post("Monday 00:30 in Berlin, Sunday in UTC", "2027-03-29T00:30:00+02:00", null, List.of("instagram"));
        cancel(post("Cancelled", "2027-03-24T09:00:00+01:00", "Recipes", List.of("instagram")));
        Map<String, Object> twoFormats = body("Reel and story", "2027-03-23T12:00:00+01:00", null, List.of());
        twoFormats.put("variants", List.of(Map.of("platform", "instagram", "format", "reel"),
                Map.of("platform", "instagram", "format", "story")));
        create(twoFormats);
    }

    @Test
    void eachWeekComparesEveryPlatformWithThePromiseInTheBrandsZone() {
        JsonNode report = get(agency.adminToken(), "/v1/brands/" + brand + "/plan-adherence?week=2027-W12&weeks=2")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(report.path("strategyVersion").asInt()).isEqualTo(1);
        assertThat(report.path("start").asString()).isEqualTo("2027-03-22");
        assertThat(report.path("end").asString()).isEqualTo("2027-04-05");
        assertThat(report.path("lastWeek").asString()).isEqualTo("2027-W13");
        JsonNode w12 = report.path("weeks").get(0);
        assertThat(w12.path("week").asString()).isEqualTo("2027-W12");
        assertThat(platform(w12, "instagram")).isEqualTo(Map.of("promised", 2, "planned", 3, "approved", 1,
                "published", 0, "deficit", 0, "surplus", 1));
        assertThat(platform(w12, "linkedin")).isEqualTo(Map.of("promised", 0, "planned", 1, "approved", 0,
                "published", 0, "deficit", 0, "surplus", 1));
        JsonNode w13 = report.path("weeks").get(1);
        assertThat(platform(w13, "instagram")).isEqualTo(Map.of("promised", 2, "planned", 1, "approved", 0,
                "published", 0, "deficit", 1, "surplus", 0));
        assertThat(report.path("totals").path("deficit").asInt()).isEqualTo(1);
        assertThat(report.path("totals").path("surplus").asInt()).isEqualTo(2);
        assertThat(report.path("totals").path("planned").asInt()).isEqualTo(5);

        List<String> pillars = report.path("pillars").valueStream()
                .map(pillar -> pillar.path("pillar").asString("none") + " " + pillar.path("posts").asInt() + " "
                        + pillar.path("actualSharePercent").asDouble())
                .toList();
        assertThat(pillars).containsExactly("From the farm 1 25.0", "Recipes 1 25.0", "none 2 50.0");
    }

    @Test
    void theAgencySeesTheBrandsFurthestBehindFirst() {
        UUID second = brandWithStrategy(agency, "Bergkäse", newStaffMember(agency, "Dora", "Deputy"));
        UUID withoutStrategy = newBrand(agency, "No plan yet");

        JsonNode behind = get(agency.adminToken(), "/v1/plan-adherence?week=2027-W13").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(names(behind)).containsExactly("Bergkäse 2", "Alpenmilch 1");

        JsonNode all = get(memberToken(agency, Role.SOCIAL_MEDIA_MANAGER),
                "/v1/plan-adherence?week=2027-W12&behindOnly=false&limit=1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(names(all)).containsExactly("Bergkäse 2");
        assertThat(names(get(agency.adminToken(), "/v1/plan-adherence?week=2027-W12&behindOnly=false")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()))
                .containsExactly("Bergkäse 2", "Alpenmilch 0");
        assertThat(second).isNotNull();

        get(agency.adminToken(), "/v1/brands/" + withoutStrategy + "/plan-adherence?week=2027-W12").expectStatus().isOk()
                .expectBody().jsonPath("$.strategyVersion").isEmpty()
                .jsonPath("$.totals.promised").isEqualTo(0);
    }

    @Test
    void badWeeksAreRefusedAndOnlyTheAgencysStaffSeeAnything() {
        expectFieldError(get(agency.adminToken(), "/v1/brands/" + brand + "/plan-adherence?week=2027-W53"), "week");
        get(agency.adminToken(), "/v1/brands/" + brand + "/plan-adherence?week=2027-W12&weeks=27")
                .expectStatus().isBadRequest();
        get(agency.adminToken(), "/v1/plan-adherence?week=2027-12").expectStatus().isBadRequest();
        get(agency.adminToken(), "/v1/brands/" + brand + "/plan-adherence").expectStatus().isOk()
                .expectBody().jsonPath("$.weeks.length()").isEqualTo(4);

        TestAgency other = newAgency("adherence-other");
        get(other.adminToken(), "/v1/brands/" + brand + "/plan-adherence?week=2027-W12").expectStatus().isNotFound();
        assertThat(names(get(other.adminToken(), "/v1/plan-adherence?week=2027-W13&behindOnly=false")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody())).isEmpty();
        String client = clientViewer(agency, brand);
        get(client, "/v1/brands/" + brand + "/plan-adherence?week=2027-W12").expectStatus().isForbidden();
        get(client, "/v1/plan-adherence").expectStatus().isForbidden();
    }

    private static Map<String, Integer> platform(JsonNode week, String platform) {
        JsonNode found = week.path("platforms").valueStream()
                .filter(item -> item.path("platform").asString().equals(platform)).findFirst().orElseThrow();
        Map<String, Integer> values = new HashMap<>();
        for (String field : List.of("promised", "planned", "approved", "published", "deficit", "surplus")) {
            assertThat(found.path(field).asDouble() % 1).as(field + " is whole here").isZero();
            values.put(field, found.path(field).asInt());
        }
        return values;
    }

    private static List<String> names(JsonNode page) {
        return page.path("items").valueStream()
                .map(item -> item.path("brandName").asString() + " " + item.path("totals").path("deficit").asInt())
                .toList();
    }

    private UUID post(String title, String plannedAt, String pillar, List<String> platforms) {
        return create(body(title, plannedAt, pillar, platforms));
    }

    private Map<String, Object> body(String title, String plannedAt, String pillar, List<String> platforms) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("plannedAt", plannedAt);
        if (pillar != null) {
            body.put("pillar", pillar);
        }
        body.put("variants", platforms.stream().map(platform -> Map.of("platform", platform, "format", "post"))
                .toList());
        return body;
    }

    private UUID create(Map<String, Object> body) {
        return UUID.fromString(http.post().uri("/v1/brands/" + brand + "/posts")
                .headers(h -> h.setBearerAuth(agency.adminToken())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString());
    }

    private void cancel(UUID post) {
        http.post().uri("/v1/posts/" + post + "/transitions").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"0\"");
        }).bodyValue(Map.of("action", "cancel")).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }
}
