package com.agencyhub.shared.web;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.AgencySnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values of the wrong JSON type are refused, not converted; text without NUL or lone surrogates; arrays without
 * null items; finite numbers; query numbers in ASCII digits. Each answer names the field and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private AgencySnapshot snapshot;

    @BeforeAll
    void anAgencyWithABrand() {
        agency = newAgency("strict");
        brand = newBrand(agency, "Strict");
        snapshot = AgencySnapshot.open();
    }

    @AfterAll
    void close() throws Exception {
        snapshot.close();
    }

    @Test
    void textFieldsTakeCleanJsonStringsOnly() {
        refused("POST", "/v1/brands", null, """
                {"name": "Nul\\u0000brand", "zone": "Europe/Berlin", "locale": "de-DE"}""", "name");
        refused("POST", "/v1/brands", null, """
                {"name": "Lone \\ud800 surrogate", "zone": "Europe/Berlin", "locale": "de-DE"}""", "name");
        refused("POST", "/v1/brands", null, """
                {"name": 12345, "zone": "Europe/Berlin", "locale": "de-DE"}""", "name");
        refused("POST", "/v1/brands", null, """
                {"name": true, "zone": "Europe/Berlin", "locale": "de-DE"}""", "name");
        refused("PATCH", "/v1/agency", "\"0\"", """
                {"name": "a\\u0000b"}""", "name");
    }

    @Test
    void arraysHoldNoNullsAndIdsAreNeverEmpty() {
        refused("POST", "/v1/brands", null, """
                {"name": "Nulls", "zone": "Europe/Berlin", "locale": "de-DE", "channels": [null]}""", "channels[0]");
        refused("POST", "/v1/members", null, """
                {"email": "x@strict.test", "firstName": "X", "lastName": "Y", "roles": [null],
                 "homeZone": "Europe/Berlin"}""", "roles[0]");
        refused("POST", "/v1/client-users", null, """
                {"email": "c@strict.test", "firstName": "C", "lastName": "D", "brandIds": [""]}""", "brandIds[0]");
    }

    @Test
    void numbersAndBooleansAreNotConverted() {
        refused("POST", "/v1/brands/" + brand + "/status", "\"0\"", """
                {"status": "active", "force": 1, "reason": "because"}""", "force");
        refused("POST", "/v1/brands/" + brand + "/status", "\"0\"", """
                {"status": "active", "force": "true", "reason": "because"}""", "force");
        refused("POST", "/v1/members", null, """
                {"email": "n@strict.test", "firstName": "N", "lastName": "M", "roles": ["social-media-manager"],
                 "homeZone": "Europe/Berlin", "workingTimeRules": {"maxConsecutiveDays": "5"}}""",
                "workingTimeRules.maxConsecutiveDays");
        refused("POST", "/v1/members", null, """
                {"email": "n@strict.test", "firstName": "N", "lastName": "M", "roles": ["social-media-manager"],
                 "homeZone": "Europe/Berlin", "workingTimeRules": {"maxConsecutiveDays": 1.5}}""",
                "workingTimeRules.maxConsecutiveDays");
    }

    @Test
    void limitsAreAsciiWholeNumbers() {
        for (String limit : new String[]{"", "0x10", "\u0663", "1e1", " 5", "99999999999"}) {
            String before = snapshot.of(agency.tenant());
            http.get().uri(builder -> builder.path("/v1/brands").queryParam("limit", limit).build())
                    .headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                    .expectStatus().value(status -> assertThat(status).as("limit=%s", limit).isEqualTo(400))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
            assertThat(snapshot.of(agency.tenant())).isEqualTo(before);
        }
    }

    @Test
    void aCursorOfOneListIsRefusedByAnother() {
        newStaffMember(agency, "Cora", "Cursor");
        String membersCursor = http.get().uri("/v1/members?limit=1").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody(com.agencyhub.api.model.MemberPageDto.class)
                .returnResult().getResponseBody().getNextCursor();
        assertThat(membersCursor).isNotNull();
        expectFieldError(http.get().uri("/v1/brands?cursor=" + membersCursor)
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange(), "cursor");
        http.get().uri("/v1/members?limit=1&cursor=" + membersCursor).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void nulInAQueryIsAFieldError() {
        expectFieldError(http.get().uri(java.net.URI.create("/v1/agencies?q=a%00b")).headers(h -> h.setBearerAuth(
                TestAgency.platformAdminToken())).exchange(), "q");
    }

    @Test
    void refusedMethodsAndPathsAreProblems() {
        http.method(org.springframework.http.HttpMethod.valueOf("TRACE")).uri("/v1/me").exchange()
                .expectStatus().isEqualTo(405).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (String path : new String[]{"/v1/brands/%2F", "/v1/brands/a%00b", "//v1//brands"}) {
            http.get().uri(java.net.URI.create(path)).headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isEqualTo(400))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void anEmptyIfMatchIsAMissingOne() {
        http.patch().uri("/v1/agency").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.set("If-Match", "");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"Renamed\"}").exchange()
                .expectStatus().isEqualTo(428);
    }

    @Test
    void versionNumbersInPathsAreWholeNumbers() {
        for (String version : new String[]{"%20", "0x1", "1.0", "١"}) {
            http.get().uri(java.net.URI.create("/v1/brands/" + brand + "/strategy/versions/" + version))
                    .headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                    .expectStatus().value(status -> assertThat(status).as("version %s", version).isEqualTo(400));
        }
    }

    private void refused(String method, String path, String ifMatch, String json, String field) {
        String before = snapshot.of(agency.tenant());
        WebTestClient.ResponseSpec response = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
        expectFieldError(response, field);
        assertThat(snapshot.of(agency.tenant())).as("%s %s with %s changed the agency", method, path, json)
                .isEqualTo(before);
    }
}
