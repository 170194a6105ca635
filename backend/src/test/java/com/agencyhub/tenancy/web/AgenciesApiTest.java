package com.agencyhub.tenancy.web;

import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.AgencyPageDto;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboarding and browsing agencies as a platform admin (Keycloak replaced by the in-memory directory). */
class AgenciesApiTest extends ApiTest {

    private static final String PLATFORM = TestAgency.platformAdminToken();

    @Test
    void onboardingCreatesTheAgencyItsOrganizationAndAdminOnceAndReplaysIdempotently() {
        Map<String, Object> request = request("replay-" + shortId());

        AgencyDto created = post(request).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/v1/agencies/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(AgencyDto.class).returnResult().getResponseBody();
        AgencyDto replayed = post(request).expectStatus().isOk()
                .expectBody(AgencyDto.class).returnResult().getResponseBody();

        assertThat(created.getName()).isEqualTo(request.get("name"));
        assertThat(created.getDefaultZone()).isEqualTo("Europe/Berlin");
        assertThat(replayed.getId()).isEqualTo(created.getId());
        var organization = identity.organization((String) request.get("slug")).orElseThrow();
        assertThat(organization.id()).isEqualTo(created.getId().toString());
        assertThat(listSlugs((String) request.get("slug"))).containsExactly((String) request.get("slug"));
    }

    @Test
    void theSameSlugWithOtherDetailsIsAConflict() {
        Map<String, Object> request = request("taken-" + shortId());
        post(request).expectStatus().isCreated();
        request.put("name", "Someone else");

        post(request).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://agencyhub.dev/problems/conflict");
    }

    @ParameterizedTest
    @CsvSource({"400, 502, identity-provider-failed", "0, 503, identity-provider-unavailable"})
    void aFailureInTheIdentityProviderLeavesNoAgencyAndNoOrganization(int keycloakStatus, int expectedStatus,
                                                                      String problem) {
        Map<String, Object> request = request("idp-fails-" + shortId());
        identity.failNextMembership(keycloakStatus);

        var answer = post(request).expectStatus().isEqualTo(expectedStatus);
        if (expectedStatus == 503) {
            answer.expectHeader().valueEquals("Retry-After", "10");
        }
        answer.expectBody().jsonPath("$.type").isEqualTo("https://agencyhub.dev/problems/" + problem);

        assertThat(listSlugs((String) request.get("slug"))).isEmpty();
        assertThat(identity.organization((String) request.get("slug"))).isEmpty();
        assertThat(identity.user("owner@" + request.get("slug") + ".test")).as("the admin account it created").isEmpty();
        post(request).expectStatus().isCreated(); // a retry succeeds
    }

    @Test
    void anotherAgencysNameUnderANewSlugIsAConflictAndCreatesNothing() {
        Map<String, Object> first = request("named-" + shortId());
        post(first).expectStatus().isCreated();
        Map<String, Object> second = request("renamed-" + shortId());
        second.put("name", first.get("name"));

        post(second).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://agencyhub.dev/problems/conflict");

        assertThat(identity.organization((String) second.get("slug"))).isEmpty();
        assertThat(identity.user("owner@" + second.get("slug") + ".test")).isEmpty();
        assertThat(listSlugs((String) second.get("slug"))).isEmpty();
    }

    @Test
    void invalidRequestsAreRefusedWithFieldErrorsAndWriteNothing() {
        String slug = "invalid-" + shortId();
        Map<String, Object> badZone = request(slug);
        badZone.put("defaultZone", "Mars/Olympus_Mons");
        expectFieldError(post(badZone), "defaultZone");

        Map<String, Object> badLocale = request(slug);
        badLocale.put("locale", "not a locale!");
        expectFieldError(post(badLocale), "locale");

        Map<String, Object> badSlug = request(slug);
        badSlug.put("slug", "Not_A_Slug");
        expectFieldError(post(badSlug), "slug");

        Map<String, Object> badEmail = request(slug);
        badEmail.put("admin", Map.of("email", "not-an-email", "firstName", "A", "lastName", "B"));
        expectFieldError(post(badEmail), "admin.email");

        Map<String, Object> missingName = request(slug);
        missingName.remove("name");
        expectFieldError(post(missingName), "name");

        Map<String, Object> wrongType = request(slug);
        wrongType.put("admin", "should be an object");
        post(wrongType).expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(PLATFORM))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(PLATFORM))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x")
                .exchange().expectStatus().isEqualTo(415);
        Map<String, Object> huge = request(slug);
        huge.put("name", "x".repeat(300_000));
        post(huge).expectStatus().isEqualTo(413);

        assertThat(listSlugs(slug)).isEmpty();
        assertThat(identity.organization(slug)).isEmpty();
    }

    @Test
    void unicodeNamesAreKeptAsSent() {
        Map<String, Object> request = request("unicode-" + shortId());
        request.put("name", "Agentur Müller & Søn — 社交 🚀");

        AgencyDto created = post(request).expectStatus().isCreated()
                .expectBody(AgencyDto.class).returnResult().getResponseBody();

        assertThat(created.getName()).isEqualTo("Agentur Müller & Søn — 社交 🚀");
    }

    @Test
    void agenciesAreListedBySlugPageByPage() {
        String prefix = "paged-" + shortId();
        for (String suffix : List.of("c", "a", "b")) {
            post(request(prefix + "-" + suffix)).expectStatus().isCreated();
        }

        AgencyPageDto first = list("?q=" + prefix + "&limit=2");
        AgencyPageDto second = list("?q=" + prefix + "&limit=2&cursor=" + first.getNextCursor());

        assertThat(first.getItems()).extracting(AgencyDto::getSlug).containsExactly(prefix + "-a", prefix + "-b");
        assertThat(second.getItems()).extracting(AgencyDto::getSlug).containsExactly(prefix + "-c");
        assertThat(second.getNextCursor()).isNull();
        expectFieldError(http.get().uri("/v1/agencies?cursor=bm90LWEtY3Vyc29y!").headers(h -> h.setBearerAuth(PLATFORM))
                .exchange(), "cursor");
        expectFieldError(http.get().uri("/v1/agencies?limit=0").headers(h -> h.setBearerAuth(PLATFORM)).exchange(), "limit");
    }

    @Test
    void aPlatformAdminReadsAnyAgencyAndGets404ForUnknownOnes() {
        TestAgency agency = newAgency("readable");

        http.get().uri("/v1/agencies/{id}", agency.tenant().value()).headers(h -> h.setBearerAuth(PLATFORM))
                .exchange().expectStatus().isOk().expectHeader().exists("ETag")
                .expectBody().jsonPath("$.slug").isEqualTo(agency.slug());
        http.get().uri("/v1/agencies/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(PLATFORM))
                .exchange().expectStatus().isNotFound();
        expectFieldError(http.get().uri("/v1/agencies/not-a-uuid").headers(h -> h.setBearerAuth(PLATFORM)).exchange(),
                "agencyId");
    }

    @Test
    void agencyStaffCannotUseThePlatformEndpoints() {
        TestAgency agency = newAgency("not-platform");
        String admin = agency.adminToken();

        http.get().uri("/v1/agencies").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isForbidden();
        http.get().uri("/v1/agencies/{id}", agency.tenant().value()).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(request("sneaky-" + shortId())).exchange().expectStatus().isForbidden();
        http.get().uri("/v1/agencies").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return http.post().uri("/v1/agencies").headers(h -> h.setBearerAuth(PLATFORM)).bodyValue(body).exchange();
    }

    private AgencyPageDto list(String query) {
        return http.get().uri("/v1/agencies" + query).headers(h -> h.setBearerAuth(PLATFORM)).exchange()
                .expectStatus().isOk().expectBody(AgencyPageDto.class).returnResult().getResponseBody();
    }

    private List<String> listSlugs(String text) {
        return list("?q=" + text).getItems().stream().map(AgencyDto::getSlug).toList();
    }

    private static Map<String, Object> request(String slug) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "Agency " + slug);
        request.put("slug", slug);
        request.put("defaultZone", "Europe/Berlin");
        request.put("locale", "de-DE");
        request.put("admin", Map.of("email", "owner@" + slug + ".test", "firstName", "Olga", "lastName", "Owner"));
        return request;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
