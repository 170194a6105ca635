package com.agencyhub.testsupport;

import com.agencyhub.api.model.ActivityListDto;
import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.CalendarFeedDto;
import com.agencyhub.api.model.MemberDto;
import com.agencyhub.api.model.PostDto;
import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.db.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Base of the API tests: one Spring context for all of them (same configuration, so Spring caches it), on
 * the run's PostgreSQL with RLS and the application role, trusting {@link TestTokens}. Keycloak is replaced by
 * {@link InMemoryIdentityDirectory} here and used for real in the Keycloak tests. Every response is checked
 * against the OpenAPI contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@Import(ApiTestBeans.class)
public abstract class ApiTest {

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected InMemoryIdentityDirectory identity;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
        TestTokens.register(registry);
    }

    /** Onboards a new agency through the API as a platform admin; each call makes one with a unique slug. */
    protected TestAgency newAgency(String slugPrefix) {
        String slug = slugPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        AgencyDto created = http.post().uri("/v1/agencies")
                .headers(h -> h.setBearerAuth(TestAgency.platformAdminToken()))
                .bodyValue(Map.of("name", "Agency " + slug, "slug", slug, "defaultZone", "Europe/Berlin",
                        "locale", "de-DE", "admin", Map.of("email", "admin@" + slug + ".test",
                                "firstName", "Ada", "lastName", "Admin")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(AgencyDto.class).returnResult().getResponseBody();
        UUID admin = UUID.fromString(identity.user("admin@" + slug + ".test").orElseThrow().id());
        return new TestAgency(new TenantId(created.getId()), slug, new UserId(admin));
    }

    /** Creates a brand in onboarding through the API as the agency's admin; returns its id. */
    protected UUID newBrand(TestAgency agency, String name) {
        return http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", name, "zone", "Europe/Berlin", "locale", "de-DE"))
                .exchange().expectStatus().isCreated()
                .expectBody(BrandDto.class).returnResult().getResponseBody().getId();
    }

    /** Invites a social-media manager in Europe/Berlin through the API as the agency's admin; returns their id. */
    protected UUID newStaffMember(TestAgency agency, String firstName, String lastName) {
        return newStaffMember(agency, firstName, lastName, Role.SOCIAL_MEDIA_MANAGER);
    }

    /** Invites a staff member with the role in Europe/Berlin through the API as the agency's admin; returns their id. */
    protected UUID newStaffMember(TestAgency agency, String firstName, String lastName, Role role) {
        String email = (firstName + "." + lastName).toLowerCase(Locale.ROOT) + "@" + agency.slug() + ".test";
        return http.post().uri("/v1/members").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", email, "firstName", firstName, "lastName", lastName,
                        "roles", List.of(role.claimValue()), "homeZone", "Europe/Berlin"))
                .exchange().expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody().getId();
    }

    /**
     * A token of a new member of the agency who holds the role there (a client user gets a brand of their own to
     * see): authority comes from member records, so every token in these tests belongs to a real member.
     */
    protected String memberToken(TestAgency agency, Role role) {
        if (role == Role.CLIENT_VIEWER) {
            return clientViewer(agency, newBrand(agency, "Scope of a client"));
        }
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return agency.tokenFor(newStaffMember(agency, "Sam", role.claimValue().replace("-", "") + unique, role));
    }

    /** Invites a client user through the API who may see the brands; returns a token of theirs. */
    protected String clientViewer(TestAgency agency, UUID... brands) {
        String email = "client-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
        MemberDto client = http.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", email, "firstName", "Cleo", "lastName", "Client", "brandIds", List.of(brands)))
                .exchange().expectStatus().isCreated()
                .expectBody(MemberDto.class).returnResult().getResponseBody();
        return agency.tokenFor(client.getId());
    }

    /**
     * Takes a brand's versioned document (module {@code /strategy} or {@code /guidelines}) from a new draft with this
     * content to its final state ({@code finish}: {@code /draft/approval} or {@code /draft/publication}).
     */
    protected void draftAndFinish(TestAgency agency, UUID brand, String module, Map<String, Object> content,
                                  String finish) {
        String base = "/v1/brands/" + brand + module;
        http.post().uri(base + "/draft").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isCreated();
        http.put().uri(base + "/draft").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(content).exchange().expectStatus().isOk();
        http.post().uri(base + finish).headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"1\"");
        }).exchange().expectStatus().isOk();
    }

    /** Sends {@code body} (none when null) as the token's holder. */
    protected WebTestClient.ResponseSpec call(HttpMethod method, String token, String path, Object body) {
        return call(method, token, path, body, null);
    }

    /** Sends {@code body} (none when null) as the token's holder, with {@code If-Match} when it is not null. */
    protected WebTestClient.ResponseSpec call(HttpMethod method, String token, String path, Object body,
                                              String ifMatch) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        });
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    /** Expects a 400 validation problem that names the field. */
    protected static void expectFieldError(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    /**
     * A new agency with one of everything (see {@link AgencyWorld}); its person in two agencies is admin of
     * {@code other} too. Every member has made a first request, so later requests change nothing by themselves.
     */
    protected AgencyWorld newWorld(TestAgency other) {
        TestAgency a = newAgency("world");
        UUID inScope = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(a.adminToken()))
                .bodyValue(Map.of("name", "In scope", "zone", "Europe/Berlin", "locale", "de-DE",
                        "clientSeesPlans", true, "clientSeesAudit", true, "clientSeesHours", true,
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@inscope"))))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody()
                .getId();
        UUID outOfScope = newBrand(a, "Out of scope");
        UUID manager = newStaffMember(a, "Mia", "Manager", Role.AGENCY_MANAGER);
        UUID socialMediaManager = newStaffMember(a, "Sam", "Social");
        UUID deactivated = newStaffMember(a, "Dee", "Parted");
        http.post().uri("/v1/members/" + deactivated + "/deactivation").headers(h -> h.setBearerAuth(a.adminToken()))
                .exchange().expectStatus().isOk();
        UUID targetStaff = newStaffMember(a, "Tara", "Target");
        UUID targetClient = invitedClientUser(a, outOfScope);
        String bothEmail = "both-" + UUID.randomUUID().toString().substring(0, 8) + "@world.test";
        UUID both = invitedStaff(a, bothEmail, Role.SOCIAL_MEDIA_MANAGER);
        if (!invitedStaff(other, bothEmail, Role.AGENCY_ADMIN).equals(both)) {
            throw new IllegalStateException("one e-mail address, two people");
        }
        http.put().uri("/v1/brands/" + inScope + "/team").headers(h -> h.setBearerAuth(a.adminToken()))
                .bodyValue(Map.of("assignments", List.of(
                        Map.of("memberId", socialMediaManager, "responsibility", "responsible"),
                        Map.of("memberId", manager, "responsibility", "deputy"),
                        Map.of("memberId", a.admin().value(), "responsibility", "deputy"),
                        Map.of("memberId", both, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        draftAndFinish(a, inScope, "/strategy", StrategyApiTest.plan(a.admin().value(), socialMediaManager,
                List.of(StrategyApiTest.window("MONDAY", "09:00", "17:00"))), "/draft/approval");
        draftAndFinish(a, inScope, "/guidelines", GuidelinesApiTest.content(), "/draft/publication");
        for (String module : List.of("/strategy", "/guidelines")) { // open drafts for the draft operations
            http.post().uri("/v1/brands/" + inScope + module + "/draft").headers(h -> h.setBearerAuth(a.adminToken()))
                    .exchange().expectStatus().isCreated();
        }
        CalendarFeedDto feed = http.post().uri("/v1/calendar-feeds")
                .headers(h -> h.setBearerAuth(a.tokenFor(socialMediaManager)))
                .bodyValue(Map.of("brandId", inScope, "label", "In scope calendar"))
                .exchange().expectStatus().isCreated().expectBody(CalendarFeedDto.class).returnResult()
                .getResponseBody();
        UUID communityManagement = activity(a, "community-management");
        AgencyWorld world = new AgencyWorld(a, inScope, outOfScope, manager, socialMediaManager, deactivated,
                targetStaff, targetClient, both, clientViewer(a, inScope), clientViewer(a, outOfScope),
                approvedPost(a, inScope), feed.getId(), feedSecret(feed.getUrl()),
                created(a.adminToken(), "/v1/roster/rotations", Map.of("name", "World", "priority", 1,
                        "memberIds", List.of(socialMediaManager, manager), "lengthDays", 7, "handoffTime", "08:00",
                        "startDate", "2027-03-01", "zone", "Europe/Berlin", "brandIds", List.of(inScope))),
                created(a.adminToken(), "/v1/roster/overrides", Map.of("memberId", socialMediaManager,
                        "from", "2027-03-06T08:00:00Z", "to", "2027-03-06T16:00:00Z", "brandIds", List.of(inScope))),
                created(a.tokenFor(socialMediaManager), "/v1/roster/absences", Map.of("kind", "vacation",
                        "from", "2027-03-08T00:00:00Z", "to", "2027-03-15T00:00:00Z")),
                created(a.adminToken(), "/v1/brands/" + inScope + "/interactions", ContractOperations.requestExample(
                        "ingestInteraction")),
                inboxWebhook(a, inScope),
                created(a.adminToken(), "/v1/notification-webhooks", Map.of("name", "World Slack",
                        "url", "https://hooks.slack.invalid/services/T000/B000/world",
                        "topics", List.of("sla-breached"))),
                created(a.adminToken(), "/v1/brands/" + inScope + "/contracts", Map.of("startMonth", "2026-10",
                        "overageRate", "95.00", "carryOver", Map.of("rule", "none"))),
                created(a.tokenFor(socialMediaManager), "/v1/time-entries", Map.of("brandId", inScope,
                        "activityId", communityManagement, "start", "2027-03-02T09:00:00Z",
                        "end", "2027-03-02T10:00:00Z")),
                communityManagement,
                created(a.adminToken(), "/v1/rates", Map.of("brandId", inScope, "activityId", communityManagement,
                        "billRate", "110.00")));
        for (String token : List.of(a.tokenFor(manager), a.tokenFor(socialMediaManager), world.clientInScopeToken(),
                world.clientOutOfScopeToken())) {
            http.get().uri("/v1/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
        for (TestAgency agency : List.of(a, other)) {
            http.get().uri("/v1/me").headers(h -> {
                h.setBearerAuth(agency.tokenFor(both));
                h.set("X-Agency-Id", agency.tenant().toString());
            }).exchange().expectStatus().isOk();
        }
        return world;
    }

    /** The id of the agency's activity with this key. */
    protected UUID activity(TestAgency agency, String key) {
        return http.get().uri("/v1/activities").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody(ActivityListDto.class).returnResult().getResponseBody().getItems()
                .stream().filter(activity -> activity.getKey().equals(key)).findFirst().orElseThrow().getId();
    }

    /** The id of the brand's inbox webhook, which this creates. */
    private UUID inboxWebhook(TestAgency agency, UUID brand) {
        return UUID.fromString(http.post().uri("/v1/brands/" + brand + "/inbox-webhook/rotation")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString());
    }

    /** The id of what a POST to {@code path} created. */
    private UUID created(String token, String path, Object body) {
        return UUID.fromString(http.post().uri(path).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString());
    }

    /** The secret of a feed, from the URL its creation answered ({@code …/v1/feeds/<secret>.ics}). */
    protected static String feedSecret(URI url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
    }

    /**
     * A brand in Europe/Berlin with Instagram and LinkedIn channels and an approved strategy (pillars "From the farm"
     * and "Recipes"), made by the agency's admin; {@code deputy} stands in for monitoring. Returns its id.
     */
    protected UUID brandWithStrategy(TestAgency agency, String name, UUID deputy) {
        String handle = "@" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        UUID brand = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", name, "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", handle),
                                Map.of("platform", "linkedin", "handle", handle + "-eg"))))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody()
                .getId();
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), deputy,
                List.of(StrategyApiTest.window("MONDAY", "09:00", "17:00"))), "/draft/approval");
        return brand;
    }

    /** A post of the brand taken through review: approved, so that the brand's client users see it (version 2). */
    private UUID approvedPost(TestAgency agency, UUID brand) {
        UUID post = http.post().uri("/v1/brands/" + brand + "/posts").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("title", "Approved post", "plannedAt", "2027-03-01T09:30:00+01:00",
                        "variants", List.of(Map.of("platform", "instagram", "format", "reel"))))
                .exchange().expectStatus().isCreated().expectBody(PostDto.class).returnResult().getResponseBody()
                .getId();
        approve(agency, post);
        return post;
    }

    /** Submits the new post (version 0) and approves it as the agency's admin: client users then see it. */
    protected void approve(TestAgency agency, UUID post) {
        for (String action : List.of("submit", "approve")) {
            int version = action.equals("submit") ? 0 : 1;
            http.post().uri("/v1/posts/" + post + "/transitions").headers(h -> {
                h.setBearerAuth(agency.adminToken());
                h.setIfMatch("\"" + version + "\"");
            }).bodyValue(Map.of("action", action)).exchange().expectStatus().isOk();
        }
    }

    private UUID invitedClientUser(TestAgency agency, UUID brand) {
        return http.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", "target-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test",
                        "firstName", "Tim", "lastName", "Target", "brandIds", List.of(brand)))
                .exchange().expectStatus().isCreated().expectBody(MemberDto.class).returnResult().getResponseBody()
                .getId();
    }

    private UUID invitedStaff(TestAgency agency, String email, Role role) {
        return http.post().uri("/v1/members").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", email, "firstName", "Bo", "lastName", "Both", "roles",
                        List.of(role.claimValue()), "homeZone", "Europe/Berlin"))
                .exchange().expectStatus().isCreated().expectBody(MemberDto.class).returnResult().getResponseBody()
                .getId();
    }
}
