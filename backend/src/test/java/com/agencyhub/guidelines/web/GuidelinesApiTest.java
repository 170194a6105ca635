package com.agencyhub.guidelines.web;

import com.agencyhub.api.model.AuditEventDto;
import com.agencyhub.api.model.AuditEventPageDto;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts, publishing, acknowledgments, readiness; who may see and do what; invalid content writes nothing. */
public class GuidelinesApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private String manager;

    @BeforeEach
    void aBrand() {
        agency = newAgency("guided");
        brand = newBrand(agency, "Alpenmilch");
        manager = memberToken(agency, Role.AGENCY_MANAGER);
    }

    @Test
    void aDraftIsWrittenPublishedAssignedToTheTeamAndAcknowledgedUntilTheBrandIsReady() {
        UUID jonas = newStaffMember(agency, "jonas", "Staff");
        UUID mara = newStaffMember(agency, "mara", "Staff");
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", jonas, "responsibility", "responsible"),
                        Map.of("memberId", mara, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        expectReadiness("no guidelines are published", false);

        call("POST", manager, "/draft", null, null).expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.number").isEqualTo(1).jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.content.sections.length()").isEqualTo(0)
                .jsonPath("$.content.approvalMode").isEqualTo("internal");
        call("POST", manager, "/draft/publication", "\"0\"", null).expectStatus().isEqualTo(409);
        call("PUT", manager, "/draft", "\"0\"", content()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.content.approvalMode").isEqualTo("internal");
        call("GET", manager, "/draft", null, null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.content.languages[0]").isEqualTo("de-DE")
                .jsonPath("$.content.slaPolicies[1].clock").isEqualTo("business")
                .jsonPath("$.content.escalation[1].trigger.at").isEqualTo("after-breach");
        call("GET", manager, "", null, null).expectStatus().isNotFound();

        call("POST", manager, "/draft/publication", "\"1\"", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("published")
                .jsonPath("$.publishedAt").isNotEmpty()
                .jsonPath("$.acknowledgments.length()").isEqualTo(2)
                .jsonPath("$.acknowledgments[0].memberId").isEqualTo(jonas.toString())
                .jsonPath("$.acknowledgments[0].responsibility").isEqualTo("responsible")
                .jsonPath("$.acknowledgments[?(@.acknowledgedAt != null)]").isEmpty();
        call("GET", manager, "/draft", null, null).expectStatus().isNotFound();
        call("PUT", manager, "/draft", "\"2\"", content()).expectStatus().isEqualTo(409);
        expectReadiness("version 1: 0 of 2 assigned members acknowledged", false);

        String jonasToken = agency.tokenFor(jonas);
        call("POST", jonasToken, "/versions/1/acknowledgement", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.acknowledgments[0].acknowledgedAt").isNotEmpty()
                .jsonPath("$.acknowledgments[1].acknowledgedAt").doesNotExist();
        call("POST", jonasToken, "/versions/1/acknowledgement", null, null).expectStatus().isOk();
        call("POST", manager, "/versions/1/acknowledgement", null, null).expectStatus().isForbidden();
        call("POST", memberToken(agency, Role.SOCIAL_MEDIA_MANAGER), "/versions/1/acknowledgement",
                null, null).expectStatus().isForbidden();
        expectReadiness("version 1: 1 of 2 assigned members acknowledged", false);
        call("POST", agency.tokenFor(mara), "/versions/1/acknowledgement", null, null)
                .expectStatus().isOk();
        expectReadiness("version 1 acknowledged by all 2 assigned members", true);

        call("GET", jonasToken, "/sla-policies", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.versionNumber").isEqualTo(1)
                .jsonPath("$.policies[0].priority").isEqualTo("critical")
                .jsonPath("$.policies[0].conditions.kinds[0]").isEqualTo("review");
        assertThat(auditActions()).containsExactly("guidelines.acknowledged", "guidelines.acknowledged", "guidelines.published",
                "guidelines.draft-replaced", "guidelines.draft-created");
    }

    @Test
    void aNewDraftCopiesThePublishedVersionWhichStaysCurrentAndUnchangedUntilTheDraftIsPublished() {
        publishVersion(content());
        call("POST", manager, "/draft", null, null).expectStatus().isCreated().expectBody()
                .jsonPath("$.number").isEqualTo(2)
                .jsonPath("$.content.sections[0].title").isEqualTo("How we sound");
        call("POST", manager, "/draft", null, null).expectStatus().isEqualTo(409);
        Map<String, Object> changed = content();
        changed.put("languages", List.of("en"));
        call("PUT", manager, "/draft", "\"0\"", changed).expectStatus().isOk();

        call("GET", manager, "", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.number").isEqualTo(1).jsonPath("$.content.languages[0]").isEqualTo("de-DE");
        call("POST", manager, "/versions/2/acknowledgement", null, null).expectStatus().isEqualTo(409);
        call("GET", manager, "/versions?limit=1", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].number").isEqualTo(2)
                .jsonPath("$.items[0].status").isEqualTo("draft")
                .jsonPath("$.nextCursor").isNotEmpty();

        call("POST", manager, "/draft/publication", "\"1\"", null).expectStatus().isOk();
        call("GET", manager, "", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.number").isEqualTo(2).jsonPath("$.content.languages[0]").isEqualTo("en");
        call("GET", manager, "/versions/1", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("published").jsonPath("$.content.languages[0]").isEqualTo("de-DE");
        call("POST", manager, "/versions/1/acknowledgement", null, null).expectStatus().isEqualTo(409);
        call("GET", manager, "/versions/9", null, null).expectStatus().isNotFound();
    }

    @Test
    void invalidContentIsRefusedWithFieldErrorsAndChangesNothing() {
        call("POST", manager, "/draft", null, null).expectStatus().isCreated();

        expectFieldError(put(with("slaPolicies", List.of(policy("normal", 60, 120, "business"),
                policy("normal", 30, 60, "calendar")))), "slaPolicies[1].priority");
        expectFieldError(put(with("slaPolicies", List.of(policy("normal", 120, 60, "business")))),
                "slaPolicies[0].resolutionMinutes");
        expectFieldError(put(with("slaPolicies", List.of(policy("high", 60, 120, "business")))), "slaPolicies");
        expectFieldError(put(with("slaPolicies", List.of(policy("normal", 0, 60, "business")))),
                "slaPolicies[0].firstResponseMinutes");
        expectFieldError(put(with("slaPolicies", List.of(policy("normal", 60, 120, "lunar")))), "slaPolicies[0].clock");
        expectFieldError(put(with("escalation", List.of(step("after-breach", 30), step("percent-of-target", 80)))),
                "escalation[1].trigger");
        expectFieldError(put(with("escalation", List.of(step("percent-of-target", 80), step("percent-of-target", 80)))),
                "escalation[1].trigger");
        expectFieldError(put(with("escalation", List.of(step("percent-of-target", 150)))), "escalation[0].trigger.value");
        expectFieldError(put(with("escalation", List.of(step("sometime", 1)))), "escalation[0].trigger.at");
        expectFieldError(put(with("sections", List.of(Map.of("kind", "gossip", "title", "x", "body", "y")))),
                "sections[0].kind");
        expectFieldError(put(with("sections", List.of(Map.of("kind", "other", "title", "x", "body", "y".repeat(20_001))))),
                "sections[0].body");
        expectFieldError(put(with("sections", List.of(Map.of("kind", "other", "title", " ", "body", "y")))),
                "sections[0].title");
        expectFieldError(put(with("languages", List.of("de-DE", "not a tag"))), "languages[1]");
        expectFieldError(put(with("languages", List.of("de-DE", "de-de"))), "languages[1]");
        expectFieldError(put(with("surprise", true)), "surprise");
        expectFieldError(put(with("approvalMode", "client-only")), "approvalMode");
        expectFieldError(put(with("approvalMode", null)), "approvalMode");

        call("GET", manager, "/draft", null, null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.content.slaPolicies.length()").isEqualTo(0);
        assertThat(auditActions()).containsExactly("guidelines.draft-created");
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        call("POST", manager, "/draft", null, null).expectStatus().isCreated();
        call("PUT", manager, "/draft", null, content()).expectStatus().isEqualTo(428);
        call("PUT", manager, "/draft", "\"3\"", content()).expectStatus().isEqualTo(412);
        call("POST", manager, "/draft/publication", null, null).expectStatus().isEqualTo(428);
        call("PUT", manager, "/draft", "\"0\"", content()).expectStatus().isOk();
        call("POST", manager, "/draft/publication", "\"0\"", null).expectStatus().isEqualTo(412);
    }

    @Test
    void clientUsersReadPublishedGuidelinesOnlyOfBrandsInScopeThatShareThem() {
        publishVersion(content());
        call("POST", manager, "/draft", null, null).expectStatus().isCreated();
        String client = clientViewer(agency, brand);
        String outOfScope = clientViewer(agency, newBrand(agency, "Hafenrad"));
        for (String path : List.of("", "/versions", "/versions/1", "/sla-policies")) {
            call("GET", client, path, null, null).expectStatus().isNotFound();
            call("GET", outOfScope, path, null, null).expectStatus().isNotFound();
        }

        http.patch().uri("/v1/brands/" + brand).headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("clientSeesPlans", true)).exchange()
                .expectStatus().isOk();

        call("GET", client, "", null, null).expectStatus().isOk().expectBody().jsonPath("$.number").isEqualTo(1);
        call("GET", client, "/sla-policies", null, null).expectStatus().isOk();
        call("GET", client, "/versions/1", null, null).expectStatus().isOk();
        call("GET", client, "/versions/2", null, null).expectStatus().isNotFound();
        call("GET", client, "/versions", null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].status").isEqualTo("published");
        call("GET", client, "/draft", null, null).expectStatus().isForbidden();
        call("POST", client, "/versions/1/acknowledgement", null, null).expectStatus().isForbidden();
        call("PUT", client, "/draft", "\"0\"", content()).expectStatus().isForbidden();
        for (String path : List.of("", "/versions", "/versions/1", "/sla-policies")) {
            call("GET", outOfScope, path, null, null).expectStatus().isNotFound();
        }
    }

    @Test
    void socialMediaManagersReadButDoNotWrite() {
        String socialMediaManager = memberToken(agency, Role.SOCIAL_MEDIA_MANAGER);
        call("POST", socialMediaManager, "/draft", null, null).expectStatus().isForbidden();
        call("POST", manager, "/draft", null, null).expectStatus().isCreated();
        call("GET", socialMediaManager, "/draft", null, null).expectStatus().isOk();
        call("PUT", socialMediaManager, "/draft", "\"0\"", content()).expectStatus().isForbidden();
        call("POST", socialMediaManager, "/draft/publication", "\"0\"", null).expectStatus().isForbidden();
        call("GET", socialMediaManager, "/versions", null, null).expectStatus().isOk();
    }

    @Test
    void anotherAgencyReachesNoneOfTheseEndpoints() {
        publishVersion(content());
        call("POST", manager, "/draft", null, null).expectStatus().isCreated();
        TestAgency other = newAgency("stranger");
        String admin = other.adminToken();
        for (String path : List.of("", "/draft", "/versions", "/versions/1", "/sla-policies")) {
            call("GET", admin, path, null, null).expectStatus().isNotFound();
        }
        call("POST", admin, "/draft", null, null).expectStatus().isNotFound();
        call("PUT", admin, "/draft", "\"0\"", content()).expectStatus().isNotFound();
        call("POST", admin, "/draft/publication", "\"0\"", null).expectStatus().isNotFound();
        call("POST", admin, "/versions/1/acknowledgement", null, null).expectStatus().isNotFound();
        call("GET", manager, "/draft", null, null).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"");
    }

    @Test
    void offboardedBrandsKeepTheirGuidelinesReadOnly() {
        publishVersion(content());
        http.post().uri("/v1/brands/" + brand + "/status").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"0\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "offboarded")).exchange()
                .expectStatus().isOk();

        call("POST", manager, "/draft", null, null).expectStatus().isEqualTo(409);
        call("POST", agency.adminToken(), "/versions/1/acknowledgement", null, null).expectStatus().isEqualTo(409);
        call("GET", manager, "", null, null).expectStatus().isOk();
    }

    private void publishVersion(Map<String, Object> content) {
        call("POST", manager, "/draft", null, null).expectStatus().isCreated();
        call("PUT", manager, "/draft", "\"0\"", content).expectStatus().isOk();
        call("POST", manager, "/draft/publication", "\"1\"", null).expectStatus().isOk();
    }


    private void expectReadiness(String reason, boolean done) {
        http.get().uri("/v1/brands/" + brand + "/readiness").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.requirements[1].requirement").isEqualTo("guidelines-acknowledged")
                .jsonPath("$.requirements[1].done").isEqualTo(done)
                .jsonPath("$.requirements[1].reason").isEqualTo(reason);
    }

    private List<String> auditActions() {
        return http.get().uri("/v1/brands/" + brand + "/audit-events?entityType=guideline-version")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(AuditEventPageDto.class).returnResult().getResponseBody()
                .getItems().stream().map(AuditEventDto::getAction).toList();
    }

    private WebTestClient.ResponseSpec put(Map<String, Object> content) {
        return call("PUT", manager, "/draft", "\"0\"", content);
    }

    private WebTestClient.ResponseSpec call(String method, String token, String subPath, String ifMatch, Object body) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method))
                .uri("/v1/brands/" + brand + "/guidelines" + subPath).headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                });
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> with(String property, Object value) {
        Map<String, Object> content = content();
        content.put(property, value);
        return content;
    }

    /** Valid guidelines: normal 120/960 min on the business clock, critical 30/240 min on the calendar clock. */
    public static Map<String, Object> content() {
        Map<String, Object> content = new HashMap<>();
        content.put("languages", List.of("de-de"));
        content.put("sections", List.of(Map.of("kind", "tone-of-voice", "title", "How we sound",
                "body", "We say *du*.")));
        content.put("slaPolicies", new ArrayList<>(List.of(critical(), policy("normal", 120, 960, "business"))));
        content.put("escalation", List.of(step("percent-of-target", 80), step("after-breach", 30)));
        return content;
    }

    private static Map<String, Object> critical() {
        Map<String, Object> critical = policy("critical", 30, 240, "calendar");
        critical.put("conditions", Map.of("platforms", List.of(), "kinds", List.of("review"),
                "keywords", List.of("lawyer")));
        return critical;
    }

    public static Map<String, Object> policy(String priority, int firstResponse, int resolution, String clock) {
        return new HashMap<>(Map.of("priority", priority, "firstResponseMinutes", firstResponse,
                "resolutionMinutes", resolution, "clock", clock,
                "conditions", Map.of("platforms", List.of(), "kinds", List.of(), "keywords", List.of())));
    }

    private static Map<String, Object> step(String at, int value) {
        return Map.of("trigger", Map.of("at", at, "value", value), "recipient", "on-duty-member", "channel", "in-app");
    }
}
