package com.agencyhub.calendar.web;

import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Planned posts: planning, validation, the review workflow, lost updates, range views, clients and isolation. */
class PostsApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private UUID author;
    private String authorToken;

    @BeforeEach
    void aBrandWithAStrategy() {
        agency = newAgency("posts");
        author = newStaffMember(agency, "Sam", "Social");
        authorToken = agency.tokenFor(author);
        brand = brandWithStrategy(agency, "Alpenmilch", author);
    }

    @Test
    void staffPlanAPostThatShowsItsTimeInTheBrandsZone() {
        JsonNode created = create(authorToken, post("Spring teaser", "2027-03-01T09:30:00+01:00"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/v1/posts/"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.path("status").asString()).isEqualTo("draft");
        assertThat(created.path("plannedAt").asString()).isEqualTo("2027-03-01T08:30:00Z");
        assertThat(created.path("plannedAtLocal").asString()).isEqualTo("2027-03-01T09:30:00");
        assertThat(created.path("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(created.path("contentVersion").asInt()).isEqualTo(1);
        assertThat(created.path("variants").get(0).path("format").asString()).isEqualTo("reel");
        assertThat(created.path("pillar").asString()).isEqualTo("Recipes");
        get(agency.adminToken(), "/v1/posts/" + created.path("id").asString()).expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Spring teaser");
        events(agency.adminToken(), id(created)).expectBody()
                .jsonPath("$.items[0].action").isEqualTo("created")
                .jsonPath("$.items[0].actor.id").isEqualTo(author.toString());
    }

    @Test
    void invalidPlansAreRefusedFieldByFieldAndNothingIsStored() {
        expectFieldError(create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "variants",
                List.of(Map.of("platform", "tiktok", "format", "reel")))), "variants[0].platform");
        expectFieldError(create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "pillar", "Gossip")),
                "pillar");
        expectFieldError(create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "assigneeId",
                UUID.randomUUID())), "assigneeId");
        expectFieldError(create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "title", "   ")), "title");
        expectFieldError(create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "labels",
                List.of("spring", "spring"))), "labels");
        expectFieldError(create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "variants",
                List.of(Map.of("platform", "instagram", "format", "reel", "mediaUrls", List.of("ftp://x.example/a"))))),
                "variants[0].mediaUrls[0]");
        create(authorToken, post("X", "2027-03-01T09:30:00")).expectStatus().isBadRequest();
        Map<String, Object> nullVariant = post("X", "2027-03-01T09:30:00+01:00");
        List<Object> variants = new ArrayList<>();
        variants.add(null);
        nullVariant.put("variants", variants);
        create(authorToken, nullVariant).expectStatus().isBadRequest();
        create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "title", "x".repeat(201)))
                .expectStatus().isBadRequest();
        create(authorToken, with(post("X", "2027-03-01T09:30:00+01:00"), "title", "nul\u0000"))
                .expectStatus().isBadRequest();

        assertThat(range(agency.adminToken(), "2027-02-01", "2027-04-01").path("items")).isEmpty();
    }

    @Test
    void aPostIsReviewedByAColleagueScheduledAndPublished() {
        JsonNode post = create(authorToken, with(post("Teaser", "2027-03-01T09:30:00+01:00"), "assigneeId", author))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = id(post);
        JsonNode submitted = transition(authorToken, id, 0, "submit", "Ready", "internal").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(submitted.path("status").asString()).isEqualTo("in-review");
        assertThat(submitted.path("reviewStage").asString()).isEqualTo("internal");

        transition(authorToken, id, 1, "approve", null, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions").isEqualTo(List.of("request-changes", "hold", "cancel"));
        String manager = memberToken(agency, Role.AGENCY_MANAGER);
        transition(manager, id, 1, "request-changes", "Brighter picture, please", "client").expectStatus().isOk();
        patch(authorToken, id, 2, Map.of("body", "Brighter")).expectStatus().isOk()
                .expectBody().jsonPath("$.contentVersion").isEqualTo(2);
        transition(authorToken, id, 3, "submit", null, null).expectStatus().isOk();
        transition(manager, id, 4, "approve", "Lovely", "client").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved");
        transition(authorToken, id, 5, "schedule", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("scheduled");
        publication(authorToken, id, 6, Map.of("failureReason", "Token of the Instagram account expired"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("approved")
                .jsonPath("$.lastFailure").isEqualTo("Token of the Instagram account expired");
        transition(authorToken, id, 7, "schedule", null, null).expectStatus().isOk();
        publication(authorToken, id, 8, Map.of("publishedAt", "2027-03-01T09:30:05+01:00",
                "url", "https://www.instagram.com/p/abc123/")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("published")
                .jsonPath("$.publishedAt").isEqualTo("2027-03-01T08:30:05Z")
                .jsonPath("$.url").isEqualTo("https://www.instagram.com/p/abc123/");

        patch(authorToken, id, 9, Map.of("title", "Too late")).expectStatus().isEqualTo(409);
        transition(agency.adminToken(), id, 9, "cancel", null, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions.length()").isEqualTo(0);
        events(agency.adminToken(), id).expectBody()
                .jsonPath("$.items[0].action").isEqualTo("published")
                .jsonPath("$.items[?(@.action == 'request-changes')].comment").isEqualTo(
                        List.of("Brighter picture, please"));
    }

    @Test
    void changingApprovedContentNeedsANewApprovalButLabelsDoNot() {
        String id = approvedPost("Teaser");
        patch(authorToken, id, 2, Map.of("labels", List.of("spring", "teaser"))).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved").jsonPath("$.contentVersion").isEqualTo(1);
        patch(authorToken, id, 3, Map.of("plannedAt", "2027-03-02T09:30:00+01:00")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("in-review")
                .jsonPath("$.reviewStage").isEqualTo("internal")
                .jsonPath("$.contentVersion").isEqualTo(2);
    }

    @Test
    void theAssigneeIsChangedAndRemovedWithoutANewContentVersion() {
        JsonNode post = create(authorToken, with(post("Teaser", "2027-03-01T09:30:00+01:00"), "assigneeId", author))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        patch(authorToken, id(post), 0, Map.of("assigneeId", "")).expectStatus().isOk().expectBody()
                .jsonPath("$.assigneeId").isEmpty()
                .jsonPath("$.contentVersion").isEqualTo(1);
        patch(authorToken, id(post), 1, Map.of("assigneeId", author.toString())).expectStatus().isOk().expectBody()
                .jsonPath("$.assigneeId").isEqualTo(author.toString());
        expectFieldError(patch(authorToken, id(post), 2, Map.of("assigneeId", "nobody")), "assigneeId");
        expectFieldError(patch(authorToken, id(post), 2, Map.of("assigneeId", UUID.randomUUID().toString())),
                "assigneeId");
    }

    @Test
    void concurrentEditsNeverOverwriteEachOther() {
        String id = id(create(authorToken, post("Teaser", "2027-03-01T09:30:00+01:00")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody());
        http.patch().uri("/v1/posts/" + id).headers(h -> h.setBearerAuth(authorToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Mine")).exchange()
                .expectStatus().isEqualTo(428);
        patch(authorToken, id, 0, Map.of("title", "First")).expectStatus().isOk().expectHeader().valueEquals("ETag",
                "\"1\"");
        patch(agency.adminToken(), id, 0, Map.of("title", "Second")).expectStatus().isEqualTo(412);
        transition(agency.adminToken(), id, 0, "submit", null, null).expectStatus().isEqualTo(412);
        get(authorToken, "/v1/posts/" + id).expectBody().jsonPath("$.title").isEqualTo("First");
    }

    @Test
    void rangeViewsAreHalfOpenFollowTheBrandsZoneAcrossDaylightSavingAndPage() {
        // clocks in Berlin go forward on 2027-03-28: that local day has 23 hours
        create(authorToken, post("Before", "2027-03-27T23:59:59+01:00")).expectStatus().isCreated();
        create(authorToken, post("Sunday early", "2027-03-28T00:00:00+01:00")).expectStatus().isCreated();
        create(authorToken, post("Sunday late", "2027-03-28T23:59:00+02:00")).expectStatus().isCreated();
        create(authorToken, post("Monday", "2027-03-29T00:00:00+02:00")).expectStatus().isCreated();

        assertThat(titles(range(authorToken, "2027-03-28", "2027-03-29"))).containsExactly("Sunday early",
                "Sunday late");
        assertThat(titles(range(authorToken, "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z")))
                .containsExactly("Sunday early", "Sunday late");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(authorToken, "/v1/brands/" + brand + "/posts?from=2027-03-01&to=2027-04-01&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            paged.addAll(titles(page));
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null
                    : page.path("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactly("Before", "Sunday early", "Sunday late", "Monday");

        expectFieldError(get(authorToken, "/v1/brands/" + brand + "/posts?from=2027-01-01&to=2027-06-01"), "to");
        expectFieldError(get(authorToken, "/v1/brands/" + brand + "/posts?from=2027-03-02&to=2027-03-01"), "to");
        expectFieldError(get(authorToken, "/v1/brands/" + brand + "/posts?from=yesterday&to=2027-03-01"), "from");
        get(authorToken, "/v1/brands/" + brand + "/posts?to=2027-03-01").expectStatus().isBadRequest();
        expectFieldError(get(authorToken, "/v1/posts?from=2027-03-28&to=2027-03-29&zone=Mars/Olympus"), "zone");
        assertThat(titles(get(authorToken, "/v1/posts?from=2027-03-28&to=2027-03-29&zone=Europe/Berlin")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()))
                .containsExactly("Sunday early", "Sunday late");
    }

    @Test
    void filtersNarrowTheView() {
        create(authorToken, with(post("On LinkedIn", "2027-03-02T09:00:00+01:00"), "variants",
                List.of(Map.of("platform", "linkedin", "format", "article")))).expectStatus().isCreated();
        create(authorToken, with(with(post("Campaign", "2027-03-03T09:00:00+01:00"), "campaign", "Spring 2027"),
                "labels", List.of("teaser"))).expectStatus().isCreated();
        String base = "/v1/brands/" + brand + "/posts?from=2027-03-01&to=2027-04-01";
        assertThat(titles(get(authorToken, base + "&platform=linkedin").expectBody(JsonNode.class).returnResult()
                .getResponseBody())).containsExactly("On LinkedIn");
        assertThat(titles(get(authorToken, base + "&campaign=Spring 2027").expectBody(JsonNode.class)
                .returnResult().getResponseBody())).containsExactly("Campaign");
        assertThat(titles(get(authorToken, base + "&label=teaser").expectBody(JsonNode.class).returnResult()
                .getResponseBody())).containsExactly("Campaign");
        assertThat(titles(get(authorToken, base + "&status=approved").expectBody(JsonNode.class).returnResult()
                .getResponseBody())).isEmpty();
        expectFieldError(get(authorToken, base + "&status=sunny"), "status");
    }

    @Test
    void clientUsersSeeTheirBrandsPostsOnceApprovedWithoutInternalComments() {
        String approved = approvedPost("Approved one");
        String draft = id(create(authorToken, post("Draft", "2027-03-05T09:00:00+01:00")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody());
        String client = clientViewer(agency, brand);

        get(client, "/v1/posts/" + approved).expectStatus().isOk();
        get(client, "/v1/posts/" + draft).expectStatus().isNotFound();
        assertThat(titles(range(client, "2027-03-01", "2027-04-01"))).containsExactly("Approved one");
        assertThat(titles(get(client, "/v1/posts?from=2027-03-01&to=2027-04-01").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody())).containsExactly("Approved one");
        events(client, approved).expectBody()
                .jsonPath("$.items[?(@.action == 'approve')].comment").isEqualTo(List.of("Shown to the client"))
                .jsonPath("$.items[?(@.action == 'submit')].comment").isEqualTo(List.of());
        create(client, post("Mine", "2027-03-05T09:00:00+01:00")).expectStatus().isForbidden();
        transition(client, approved, 2, "schedule", null, null).expectStatus().isForbidden();

        String otherClient = clientViewer(agency, newBrand(agency, "Other brand"));
        get(otherClient, "/v1/posts/" + approved).expectStatus().isNotFound();
        get(otherClient, "/v1/brands/" + brand + "/posts?from=2027-03-01&to=2027-04-01").expectStatus().isNotFound();
        assertThat(titles(get(otherClient, "/v1/posts?from=2027-03-01&to=2027-04-01").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody())).isEmpty();
    }

    @Test
    void clientsWithTheApprovalPermissionApproveAfterTheAgencyWhenTheGuidelinesSaySo() {
        publishGuidelines("internal-then-client");
        String approver = clientApprover(brand);
        String reader = clientViewer(agency, brand);
        String id = id(create(authorToken, post("For the client", "2027-03-04T09:00:00+01:00"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody());
        transition(authorToken, id, 0, "submit", null, null).expectStatus().isOk();
        get(approver, "/v1/posts/" + id).expectStatus().isNotFound();
        transition(approver, id, 1, "approve", null, null).expectStatus().isNotFound();

        transition(agency.adminToken(), id, 1, "approve", "Internal: fine by us", "internal").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("in-review").jsonPath("$.reviewStage").isEqualTo("client");
        transition(agency.adminToken(), id, 2, "approve", null, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions").isEqualTo(List.of("hold", "cancel"));
        transition(reader, id, 2, "approve", null, null).expectStatus().isForbidden();
        transition(approver, id, 2, "schedule", null, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions").isEqualTo(List.of("approve", "request-changes", "reject"));
        transition(approver, id, 2, "request-changes", "Please mention the recipe", "internal").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("changes-requested");

        get(approver, "/v1/posts/" + id).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("changes-requested");
        patch(authorToken, id, 3, Map.of("body", "Now with the recipe")).expectStatus().isOk();
        transition(authorToken, id, 4, "submit", null, null).expectStatus().isOk();
        transition(agency.adminToken(), id, 5, "approve", null, null).expectStatus().isOk();
        transition(approver, id, 6, "approve", "Lovely", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved").jsonPath("$.contentVersion").isEqualTo(2);

        events(reader, id).expectBody()
                .jsonPath("$.items[?(@.action == 'request-changes')].comment")
                .isEqualTo(List.of("Please mention the recipe"))
                .jsonPath("$.items[?(@.action == 'request-changes')].actor.kind").isEqualTo(List.of("client"))
                .jsonPath("$.items[?(@.action == 'approve')].comment").isEqualTo(List.of("Lovely"));
        String otherApprover = clientApprover(newBrand(agency, "Another brand"));
        transition(otherApprover, id, 7, "approve", null, null).expectStatus().isNotFound();
    }

    @Test
    void theApprovalModeComesFromTheNewestPublishedGuidelines() {
        publishGuidelines("none");
        String id = id(create(authorToken, post("Straight out", "2027-03-04T09:00:00+01:00"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody());
        transition(authorToken, id, 0, "submit", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved");
        patch(authorToken, id, 1, Map.of("title", "Straight out, edited")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved");

        publishGuidelines("internal");
        patch(authorToken, id, 2, Map.of("title", "Edited again")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("in-review").jsonPath("$.reviewStage").isEqualTo("internal");
        get(agency.adminToken(), "/v1/brands/" + brand + "/guidelines/versions/1").expectStatus().isOk()
                .expectBody().jsonPath("$.content.approvalMode").isEqualTo("none");
    }

    @Test
    void onlyTheAgencyGrantsApprovalAndOnlyForBrandsTheClientSees() {
        UUID other = newBrand(agency, "Second brand");
        UUID client = clientMember(List.of(brand), List.of());
        http.put().uri("/v1/client-users/" + client + "/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("brandIds", List.of(brand), "approverBrandIds", List.of(other)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("approverBrandIds");
        http.put().uri("/v1/client-users/" + client + "/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("brandIds", List.of(brand, other), "approverBrandIds", List.of(other)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.approverBrandIds").isEqualTo(List.of(other.toString()));
        get(agency.tokenFor(client), "/v1/me").expectStatus().isOk().expectBody()
                .jsonPath("$.approvalScope").isEqualTo(List.of(other.toString()));

        TestAgency foreign = newAgency("posts-grant");
        http.put().uri("/v1/client-users/" + client + "/brands").headers(h -> h.setBearerAuth(foreign.adminToken()))
                .bodyValue(Map.of("brandIds", List.of(brand), "approverBrandIds", List.of(brand)))
                .exchange().expectStatus().isNotFound();
        get(agency.tokenFor(client), "/v1/me").expectBody()
                .jsonPath("$.approvalScope").isEqualTo(List.of(other.toString()));
    }

    @Test
    void anotherAgencySeesNothingAndChangesNothing() {
        String id = approvedPost("Ours");
        TestAgency other = newAgency("posts-other");
        String theirs = other.adminToken();
        get(theirs, "/v1/posts/" + id).expectStatus().isNotFound();
        patch(theirs, id, 2, Map.of("title", "Stolen")).expectStatus().isNotFound();
        transition(theirs, id, 2, "schedule", null, null).expectStatus().isNotFound();
        publication(theirs, id, 2, Map.of("failureReason", "x")).expectStatus().isNotFound();
        events(theirs, id).expectStatus().isNotFound();
        get(theirs, "/v1/brands/" + brand + "/posts?from=2027-03-01&to=2027-04-01").expectStatus().isNotFound();
        create(theirs, post("Theirs", "2027-03-05T09:00:00+01:00")).expectStatus().isNotFound();
        assertThat(titles(get(theirs, "/v1/posts?from=2027-03-01&to=2027-04-01").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody())).isEmpty();
        get(authorToken, "/v1/posts/" + id).expectBody().jsonPath("$.title").isEqualTo("Ours");
    }

    /** Publishes guidelines whose approval mode is {@code mode} as the brand's newest version. */
    private void publishGuidelines(String mode) {
        String base = "/v1/brands/" + brand + "/guidelines";
        http.post().uri(base + "/draft").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isCreated();
        Map<String, Object> content = new HashMap<>(GuidelinesApiTest.content());
        content.put("approvalMode", mode);
        JsonNode draft = http.put().uri(base + "/draft").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(content).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(draft.path("content").path("approvalMode").asString()).isEqualTo(mode);
        http.post().uri(base + "/draft/publication").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"1\"");
        }).exchange().expectStatus().isOk();
    }

    /** A client user who sees and may approve the brand; returns a token of theirs. */
    private String clientApprover(UUID approved) {
        return agency.tokenFor(clientMember(List.of(approved), List.of(approved)));
    }

    private UUID clientMember(List<UUID> brands, List<UUID> approvals) {
        return http.post().uri("/v1/client-users").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("email", "approver-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test",
                        "firstName", "Ada", "lastName", "Approver", "brandIds", brands, "approverBrandIds", approvals))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString().transform(UUID::fromString);
    }

    /** A post taken through review to approved (version 2), with an internal and a client-visible comment. */
    private String approvedPost(String title) {
        String id = id(create(authorToken, post(title, "2027-03-04T09:00:00+01:00")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody());
        transition(authorToken, id, 0, "submit", "Internal note", "internal").expectStatus().isOk();
        transition(agency.adminToken(), id, 1, "approve", "Shown to the client", "client").expectStatus().isOk();
        return id;
    }

    private Map<String, Object> post(String title, String plannedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "Fresh milk from the farm.");
        body.put("plannedAt", plannedAt);
        body.put("pillar", "Recipes");
        body.put("variants", List.of(Map.of("platform", "instagram", "format", "reel", "text", "Fresh!",
                "mediaUrls", List.of("https://cdn.example/teaser.mp4"))));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static String id(JsonNode post) {
        return post.path("id").asString();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }

    private JsonNode range(String token, String from, String to) {
        return get(token, "/v1/brands/" + brand + "/posts?from=" + from + "&to=" + to).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return http.post().uri("/v1/brands/" + brand + "/posts").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec events(String token, String id) {
        return get(token, "/v1/posts/" + id + "/events");
    }

    private WebTestClient.ResponseSpec patch(String token, String id, int version, Map<String, Object> body) {
        return http.patch().uri("/v1/posts/" + id).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"" + version + "\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec transition(String token, String id, int version, String action,
                                                  String comment, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (visibility != null) {
            body.put("visibility", visibility);
        }
        return http.post().uri("/v1/posts/" + id + "/transitions").headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"" + version + "\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec publication(String token, String id, int version, Map<String, Object> body) {
        return http.post().uri("/v1/posts/" + id + "/publication").headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"" + version + "\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
