package com.agencyhub.strategy.web;

import com.agencyhub.api.model.StrategyVersionPageDto;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.Strategies;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A brand's strategy: drafts, approval, history, diff; who may read and write it; what is refused. */
public class StrategyApiTest extends ApiTest {

    @Autowired
    private Strategies strategies;

    private TestAgency agency;
    private UUID brand;
    private UUID deputy;

    @BeforeEach
    void aBrandWithTwoStaffMembers() {
        agency = newAgency("strategy");
        brand = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Alpenmilch", "zone", "Europe/Berlin", "locale", "de-DE", "clientSeesPlans", true,
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .exchange().expectStatus().isCreated()
                .expectBody(com.agencyhub.api.model.BrandDto.class).returnResult().getResponseBody().getId();
        deputy = newStaffMember(agency, "Dana", "Deputy");
    }

    @Test
    void aDraftIsEditedWithIfMatchApprovedAndThenTheBrandsCurrentStrategy() {
        get(agency.adminToken(), "").expectStatus().isNotFound();
        get(agency.adminToken(), "/draft").expectStatus().isNotFound();

        post(agency.adminToken(), "/draft", null).expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectHeader().valueEquals("Location", "/v1/brands/" + brand + "/strategy/draft")
                .expectBody().jsonPath("$.number").isEqualTo(1).jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.content.goals").isEmpty();
        post(agency.adminToken(), "/draft", null).expectStatus().isEqualTo(409);

        put(agency.adminToken(), null, plan()).expectStatus().isEqualTo(428);
        put(agency.adminToken(), "\"7\"", plan()).expectStatus().isEqualTo(412);
        put(agency.adminToken(), "\"0\"", plan()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.content.goals[0].platform").isEqualTo("instagram")
                .jsonPath("$.content.channelPlan[0].format").isEqualTo("short-video")
                .jsonPath("$.content.monitoring.coverageWindows[1].end").isEqualTo("02:00")
                .jsonPath("$.content.monitoring.holidayRule").isEqualTo("treated-as-sunday");

        post(agency.adminToken(), "/draft/approval", "\"0\"").expectStatus().isEqualTo(412);
        post(agency.adminToken(), "/draft/approval", null).expectStatus().isEqualTo(428);
        post(memberToken(agency, Role.AGENCY_MANAGER), "/draft/approval", "\"1\"").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved").jsonPath("$.approvedAt").isNotEmpty();

        get(agency.adminToken(), "").expectStatus().isOk().expectBody().jsonPath("$.number").isEqualTo(1)
                .jsonPath("$.content.pillars.length()").isEqualTo(2);
        get(agency.adminToken(), "/draft").expectStatus().isNotFound();
        // approved versions never change
        put(agency.adminToken(), "\"2\"", plan()).expectStatus().isEqualTo(409);
        post(agency.adminToken(), "/draft/approval", "\"2\"").expectStatus().isEqualTo(409);

        http.get().uri("/v1/brands/" + brand + "/audit-events").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].action").isEqualTo("strategy.approved")
                .jsonPath("$.items[1].action").isEqualTo("strategy.draft-updated")
                .jsonPath("$.items[2].action").isEqualTo("strategy.draft-created");
    }

    @Test
    void aNewDraftStartsFromTheApprovedVersionAndTheDiffShowsWhatChanged() {
        approve(plan());
        post(agency.adminToken(), "/draft", null).expectStatus().isCreated()
                .expectBody().jsonPath("$.number").isEqualTo(2)
                .jsonPath("$.content.goals[0].title").isEqualTo("Grow the community");

        Map<String, Object> changed = plan();
        changed.put("pillars", List.of(pillar("Recipes", 50), pillar("Behind the scenes", 20)));
        changed.put("channelPlan", List.of(row("instagram", "short-video", 3)));
        put(agency.adminToken(), "\"0\"", changed).expectStatus().isOk();

        get(agency.adminToken(), "/diff?from=1&to=2").expectStatus().isOk().expectBody()
                .jsonPath("$.changes.length()").isEqualTo(4)
                .jsonPath("$.changes[?(@.section == 'channelPlan')].item").isEqualTo(List.of("instagram short-video"))
                .jsonPath("$.changes[?(@.section == 'channelPlan')].fields[0]").isEqualTo("postsPerWeek")
                .jsonPath("$.changes[?(@.section == 'pillars' && @.change == 'removed')].item")
                .isEqualTo(List.of("From the farm"))
                .jsonPath("$.changes[?(@.section == 'pillars' && @.change == 'added')].item")
                .isEqualTo(List.of("Behind the scenes"))
                .jsonPath("$.changes[?(@.section == 'pillars' && @.change == 'changed')].fields[0]")
                .isEqualTo("targetSharePercent");

        StrategyVersionPageDto first = get(agency.adminToken(), "/versions?limit=1").expectStatus().isOk()
                .expectBody(StrategyVersionPageDto.class).returnResult().getResponseBody();
        assertThat(first.getItems()).extracting(v -> v.getNumber()).containsExactly(2);
        get(agency.adminToken(), "/versions?limit=1&cursor=" + first.getNextCursor()).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].number").isEqualTo(1).jsonPath("$.nextCursor").isEmpty();
        get(agency.adminToken(), "/versions/2").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("draft");
        get(agency.adminToken(), "/versions/3").expectStatus().isNotFound();
        expectFieldError(get(agency.adminToken(), "/versions?cursor=nonsense"), "cursor");
    }

    @Test
    void approvalNeedsACompletePlanAndTellsWhatIsMissing() {
        post(agency.adminToken(), "/draft", null).expectStatus().isCreated();
        post(agency.adminToken(), "/draft/approval", "\"0\"").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://agencyhub.dev/problems/strategy-incomplete")
                .jsonPath("$.requirements[*].requirement").isEqualTo(List.of("goals", "channel-plan",
                        "coverage-windows", "monitoring-responsible", "monitoring-deputy"));
        Map<String, Object> noDeputy = plan();
        noDeputy.put("responsibilities", List.of(Map.of("task", "monitoring",
                "responsibleMemberIds", List.of(agency.admin().value()), "deputyMemberIds", List.of())));
        put(agency.adminToken(), "\"0\"", noDeputy).expectStatus().isOk();
        post(agency.adminToken(), "/draft/approval", "\"1\"").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.requirements[*].requirement").isEqualTo(List.of("monitoring-deputy"));
    }

    @Test
    void invalidContentIsRefusedWithFieldErrorsAndNothingIsWritten() {
        post(agency.adminToken(), "/draft", null).expectStatus().isCreated();
        expectFieldError(put(agency.adminToken(), "\"0\"", withMonitoring("coverageWindows", List.of(
                window("MONDAY", "08:00", "20:00"), window("MONDAY", "19:00", "21:00")))), "monitoring.coverageWindows[1]");
        expectFieldError(put(agency.adminToken(), "\"0\"", withMonitoring("coverageWindows", List.of(
                window("MONDAY", "08:00", "08:00")))), "monitoring.coverageWindows[0]");
        expectFieldError(put(agency.adminToken(), "\"0\"", withMonitoring("coverageWindows", List.of(
                window("MOONDAY", "08:00", "10:00")))), "monitoring.coverageWindows[0].day");
        expectFieldError(put(agency.adminToken(), "\"0\"", withMonitoring("holidayRule", "own-windows")),
                "monitoring.holidayWindows");
        expectFieldError(put(agency.adminToken(), "\"0\"", with("pillars", List.of(pillar("A", 60), pillar("B", 41)))),
                "pillars");
        expectFieldError(put(agency.adminToken(), "\"0\"", with("responsibilities", List.of(Map.of("task", "monitoring",
                "responsibleMemberIds", List.of(agency.admin().value()),
                "deputyMemberIds", List.of(UUID.randomUUID()))))), "responsibilities[0].deputyMemberIds[0]");
        expectFieldError(put(agency.adminToken(), "\"0\"", with("channelPlan", List.of(row("instagram", "carousel", 2)))),
                "channelPlan[0].format");
        expectFieldError(put(agency.adminToken(), "\"0\"", with("channelPlan", List.of(row("instagram", "post", 2),
                row("instagram", "post", 1)))), "channelPlan[1]");
        Map<String, Object> badDays = new HashMap<>(row("instagram", "post", 2));
        badDays.put("preferredDays", List.of("MONDAY", "MONDAY"));
        expectFieldError(put(agency.adminToken(), "\"0\"", with("channelPlan", List.of(badDays))),
                "channelPlan[0].preferredDays[1]");
        expectFieldError(put(agency.adminToken(), "\"0\"", with("goals", List.of(goal("tiktok")))), "goals[0].platform");
        expectFieldError(put(agency.adminToken(), "\"0\"", with("surprise", true)), "surprise");

        get(agency.adminToken(), "/draft").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.content.goals").isEmpty();
    }

    @Test
    void clientUsersReadOnlyTheApprovedStrategyOfTheirBrandsWhenPlansAreShared() {
        approve(plan());
        post(agency.adminToken(), "/draft", null).expectStatus().isCreated();
        String client = clientViewer(agency, brand);
        String outOfScope = clientViewer(agency, newBrand(agency, "Hafenrad"));

        get(client, "").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("approved");
        get(client, "/versions/1").expectStatus().isOk();
        get(client, "/versions").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
        get(client, "/draft").expectStatus().isNotFound();
        get(client, "/versions/2").expectStatus().isNotFound();
        get(client, "/diff?from=1&to=2").expectStatus().isNotFound();
        post(client, "/draft/approval", "\"0\"").expectStatus().isForbidden();
        for (String path : List.of("", "/draft", "/versions", "/versions/1", "/diff?from=1&to=1")) {
            get(outOfScope, path).expectStatus().isNotFound();
        }

        http.patch().uri("/v1/brands/" + brand).headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"0\"");
        }).bodyValue(Map.of("clientSeesPlans", false)).exchange().expectStatus().isOk();
        for (String path : List.of("", "/versions", "/versions/1")) {
            get(client, path).expectStatus().isNotFound();
        }
    }

    @Test
    void socialMediaManagersReadButDoNotWrite() {
        approve(plan());
        String socialMediaManager = agency.tokenFor(deputy);
        get(socialMediaManager, "").expectStatus().isOk();
        get(socialMediaManager, "/versions").expectStatus().isOk();
        post(socialMediaManager, "/draft", null).expectStatus().isForbidden();
        put(socialMediaManager, "\"0\"", plan()).expectStatus().isForbidden();
        post(socialMediaManager, "/draft/approval", "\"0\"").expectStatus().isForbidden();
        get(agency.adminToken(), "/draft").expectStatus().isNotFound();
    }

    @Test
    void anotherAgencyReachesNoneOfTheseEndpoints() {
        approve(plan());
        post(agency.adminToken(), "/draft", null).expectStatus().isCreated();
        TestAgency other = newAgency("stranger");
        for (String path : List.of("", "/draft", "/versions", "/versions/1", "/diff?from=1&to=2")) {
            get(other.adminToken(), path).expectStatus().isNotFound();
        }
        post(other.adminToken(), "/draft", null).expectStatus().isNotFound();
        put(other.adminToken(), "\"0\"", plan()).expectStatus().isNotFound();
        post(other.adminToken(), "/draft/approval", "\"0\"").expectStatus().isNotFound();
        get(agency.adminToken(), "/draft").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"");
    }

    @Test
    void anApprovedStrategyMakesTheReadinessRequirementDoneAndOffboardedBrandsAreReadOnly() {
        http.get().uri("/v1/brands/" + brand + "/readiness").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requirements[0].requirement").isEqualTo("approved-strategy")
                .jsonPath("$.requirements[0].done").isEqualTo(false);
        assertThat(strategies.approvedMonitoring(agency.tenant(), new BrandId(brand)).blockOptional()).isEmpty();
        approve(plan());
        StrategyContent.MonitoringRequirement monitoring =
                strategies.approvedMonitoring(agency.tenant(), new BrandId(brand)).block();
        assertThat(monitoring.coverageWindows()).hasSize(2);
        assertThat(monitoring.holidayRule()).isEqualTo(HolidayRule.TREATED_AS_SUNDAY);
        http.get().uri("/v1/brands/" + brand + "/readiness").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requirements[0].done").isEqualTo(true)
                .jsonPath("$.requirements[0].reason").isEqualTo("version 1 approved");

        http.post().uri("/v1/brands/" + brand + "/status").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"0\"");
        }).bodyValue(Map.of("status", "offboarded")).exchange().expectStatus().isOk();
        post(agency.adminToken(), "/draft", null).expectStatus().isEqualTo(409);
        get(agency.adminToken(), "").expectStatus().isOk();
    }

    private void approve(Map<String, Object> content) {
        post(agency.adminToken(), "/draft", null).expectStatus().isCreated();
        put(agency.adminToken(), "\"0\"", content).expectStatus().isOk();
        post(agency.adminToken(), "/draft/approval", "\"1\"").expectStatus().isOk();
    }

    private Map<String, Object> plan() {
        return plan(agency.admin().value(), deputy,
                List.of(window("MONDAY", "08:00", "20:00"), window("FRIDAY", "18:00", "02:00")));
    }

    /** A complete plan that can be approved, with these coverage windows, treating holidays as Sundays. */
    public static Map<String, Object> plan(UUID responsible, UUID deputy, List<Map<String, Object>> coverageWindows) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("goals", List.of(goal("instagram")));
        plan.put("targetGroups", List.of(Map.of("name", "Young families", "description", "Parents in Bavaria",
                "platforms", List.of("instagram"))));
        plan.put("channelPlan", List.of(row("instagram", "short-video", 2)));
        plan.put("pillars", List.of(pillar("From the farm", 40), pillar("Recipes", 35)));
        plan.put("responsibilities", List.of(Map.of("task", "monitoring",
                "responsibleMemberIds", List.of(responsible), "deputyMemberIds", List.of(deputy))));
        Map<String, Object> monitoring = new HashMap<>();
        monitoring.put("coverageWindows", coverageWindows);
        monitoring.put("holidayRule", "treated-as-sunday");
        monitoring.put("holidayWindows", List.of());
        monitoring.put("expectedInteractionsPerWeek", 120);
        monitoring.put("handlingMinutesPerInteraction", 4);
        plan.put("monitoring", monitoring);
        return plan;
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> plan = plan();
        plan.put(field, value);
        return plan;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withMonitoring(String field, Object value) {
        Map<String, Object> plan = plan();
        ((Map<String, Object>) plan.get("monitoring")).put(field, value);
        return plan;
    }

    private static Map<String, Object> goal(String platform) {
        return Map.of("title", "Grow the community", "platform", platform, "kpi", Map.of("metric", "followers",
                "target", 25000, "unit", "followers", "direction", "increase", "dueDate", "2026-12-31"));
    }

    private static Map<String, Object> row(String platform, String format, double postsPerWeek) {
        return Map.of("platform", platform, "format", format, "postsPerWeek", postsPerWeek, "effortMinutesPerPost", 90,
                "preferredDays", List.of("TUESDAY"), "preferredTimes", List.of("18:00"));
    }

    private static Map<String, Object> pillar(String name, int share) {
        return Map.of("name", name, "description", "About " + name, "targetSharePercent", share);
    }

    public static Map<String, Object> window(String day, String start, String end) {
        return Map.of("day", day, "start", start, "end", end);
    }

    private WebTestClient.ResponseSpec get(String token, String subPath) {
        return http.get().uri("/v1/brands/" + brand + "/strategy" + subPath).headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String subPath, String ifMatch) {
        return http.post().uri("/v1/brands/" + brand + "/strategy" + subPath).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String ifMatch, Map<String, Object> content) {
        return http.put().uri("/v1/brands/" + brand + "/strategy/draft").headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(content).exchange();
    }
}
