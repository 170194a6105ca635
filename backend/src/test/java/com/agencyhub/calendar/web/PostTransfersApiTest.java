package com.agencyhub.calendar.web;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV import and export of planned posts: all or nothing, every error by line, zones, round trips, who may. */
class PostTransfersApiTest extends ApiTest {

    private TestAgency agency;
    private UUID brand;
    private String authorToken;

    @BeforeEach
    void aBrandWithAStrategy() {
        agency = newAgency("csv");
        UUID author = newStaffMember(agency, "Sam", "Social");
        authorToken = agency.tokenFor(author);
        brand = brandWithStrategy(agency, "Alpenmilch", author);
    }

    @Test
    void aSpreadsheetFileWithBomAndSemicolonsIsImportedWithQuotesLineBreaksAndUnicode() {
        String file = "\uFEFFTitle;PLANNED_AT;body;platforms;format;pillar;assignee;labels;campaign;media_urls\r\n"
                + "\"Frühling; endlich 🌱\";2027-03-01 09:30;\"Er sagte \"\"Muh\"\"\r\nund ging.\";Instagram|linkedin;"
                + "reel;Recipes;Sam.Social@" + agency.slug() + ".test;spring|grün;Spring 2027;"
                + "https://cdn.example/a.mp4\r\n"
                + ";;;;;;;;;\r\n"
                + "Ohne alles;2027-03-02T10:00:00+01:00;;;;;;;;\r\n";
        JsonNode imported = importCsv(authorToken, file, "").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(imported.path("imported").asInt()).isEqualTo(2);
        assertThat(imported.path("dryRun").asBoolean()).isFalse();

        JsonNode first = post(imported.path("postIds").get(0).asString());
        assertThat(first.path("title").asString()).isEqualTo("Frühling; endlich 🌱");
        assertThat(first.path("body").asString()).isEqualTo("Er sagte \"Muh\"\r\nund ging.");
        assertThat(first.path("plannedAt").asString()).isEqualTo("2027-03-01T08:30:00Z");
        assertThat(first.path("status").asString()).isEqualTo("draft");
        assertThat(first.path("labels").toString()).isEqualTo("[\"spring\",\"grün\"]");
        assertThat(first.path("pillar").asString()).isEqualTo("Recipes");
        assertThat(first.path("campaign").asString()).isEqualTo("Spring 2027");
        assertThat(first.path("assigneeId").asString()).isNotEmpty();
        assertThat(first.path("variants")).hasSize(2);
        assertThat(first.path("variants").get(1).path("platform").asString()).isEqualTo("linkedin");
        assertThat(first.path("variants").get(1).path("format").asString()).isEqualTo("reel");
        assertThat(first.path("variants").get(1).path("text").asString()).isEqualTo(first.path("body").asString());
        assertThat(first.path("variants").get(0).path("mediaUrls").get(0).asString())
                .isEqualTo("https://cdn.example/a.mp4");
        http.get().uri("/v1/posts/" + first.path("id").asString() + "/events")
                .headers(h -> h.setBearerAuth(authorToken)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].action").isEqualTo("created")
                .jsonPath("$.items[0].comment").isEqualTo("CSV import");
        JsonNode second = post(imported.path("postIds").get(1).asString());
        assertThat(second.path("variants")).isEmpty();
        assertThat(second.path("body").asString()).isEmpty();
        http.get().uri("/v1/brands/" + brand + "/audit-events").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.action == 'posts.imported')].after.imported").isEqualTo(List.of(2));
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryLineAndColumn() {
        importCsv(authorToken, "title,planned_at\nKeeper,2027-03-01T09:00:00+01:00\n", "").expectStatus().isCreated();
        String file = "title,planned_at,platforms,pillar,assignee,labels,format\n"
                + "Good,2027-03-02 09:00,instagram,Recipes,,,\n"                        // line 2
                + "Bad date,next tuesday,instagram,,,,\n"                               // line 3
                + "\"Two\nlines\",2027-03-03 09:00,tiktok,Gossip,nobody@x.test,a|a,\n" // lines 4-5
                + ",2027-03-04 09:00,,,,,video\n"                                       // line 6
                + "Too few,2027-03-05 09:00\n";                                         // line 7
        JsonNode problem = importCsv(authorToken, file, "").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("type").asString()).isEqualTo("https://agencyhub.dev/problems/csv-invalid");
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> errors.add(error.path("line").asInt() + ":"
                + (error.has("column") ? error.path("column").asString() : "-") + ":" + error.path("code").asString()));
        assertThat(errors).contains("3:planned_at:date-time", "4:platforms:unknown-platform", "4:pillar:unknown-pillar",
                "4:assignee:unknown-member", "4:labels:duplicate", "6:title:size", "6:format:enum", "6:format:platforms",
                "7:-:cells");
        assertThat(errors).noneMatch(error -> error.startsWith("2:") || error.startsWith("5:"));
        assertThat(titles("2027-03-01", "2027-04-01")).containsExactly("Keeper");
    }

    @Test
    void aDryRunChecksAndStoresNothing() {
        importCsv(authorToken, "title,planned_at\nA,2027-03-01 09:00\nB,2027-03-02 09:00\n", "?dryRun=true")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.imported").isEqualTo(2)
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.postIds.length()").isEqualTo(0);
        importCsv(authorToken, "title,planned_at\nA,2027-03-01 09:00\nB,someday\n", "?dryRun=true")
                .expectStatus().isEqualTo(422);
        assertThat(titles("2027-03-01", "2027-04-01")).isEmpty();
    }

    @Test
    void localTimesAreReadInTheBrandsZoneAndTimesTheClockChangeSkipsOrRepeatsAreRefused() {
        String clockChanges = "title;planned_at\n"
                + "Before;2027-03-28 01:30\n"
                + "Skipped;2027-03-28 02:30\n"
                + "Twice;31.10.2027 02:30\n";
        JsonNode problem = importCsv(authorToken, clockChanges, "?separator=semicolon").expectStatus().isEqualTo(422)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("errors")).hasSize(2);
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("dst-gap");
        assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("errors").get(1).path("code").asString()).isEqualTo("dst-overlap");
        assertThat(problem.path("errors").get(1).path("message").asString()).contains("+02:00", "+01:00");

        JsonNode imported = importCsv(authorToken, "title;planned_at\n"
                + "Before;2027-03-28 01:30\n"
                + "After;2027-03-28T09:30\n"
                + "Second of two;2027-10-31T02:30:00+01:00\n"
                + "German;31.10.2027 09:30\n", "").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> planned = new ArrayList<>();
        imported.path("postIds").forEach(id -> planned.add(post(id.asString()).path("plannedAt").asString()));
        assertThat(planned).containsExactly("2027-03-28T00:30:00Z", "2027-03-28T07:30:00Z", "2027-10-31T01:30:00Z",
                "2027-10-31T08:30:00Z");
    }

    @Test
    void anExportImportedAgainGivesTheSamePosts() {
        importCsv(authorToken, "title,planned_at,body,platforms,format,labels,media_urls,campaign\n"
                + "\"Grüße, \"\"alle\"\"\",2027-03-01 09:30,\"Zeile 1\nZeile 2 😀\",instagram|linkedin,story,a|b,"
                + "https://cdn.example/1.jpg|https://cdn.example/2.jpg,Spring\n"
                + "Summer time,2027-07-01 18:00,,instagram,,,,\n", "").expectStatus().isCreated();
        String exported = export(authorToken, "/v1/brands/" + brand + "/posts/export?from=2027-03-01&to=2027-05-31"
                + "&separator=semicolon&bom=true");
        assertThat(exported).startsWith("\uFEFFid;status;brand;title;planned_at;");
        assertThat(exported).contains(";2027-03-01T09:30:00+01:00;").doesNotContain("Summer time");
        String summer = export(authorToken, "/v1/brands/" + brand + "/posts/export?from=2027-06-01&to=2027-08-01");
        assertThat(summer).contains(",2027-07-01T18:00:00+02:00,");

        UUID copy = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Copy", "zone", "Europe/Berlin", "locale", "de-DE", "channels",
                        List.of(Map.of("platform", "instagram", "handle", "@copy"),
                                Map.of("platform", "linkedin", "handle", "@copy-eg"))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString().transform(UUID::fromString);
        http.post().uri("/v1/brands/" + copy + "/posts/import").headers(h -> h.setBearerAuth(authorToken))
                .contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .bodyValue(exported.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isCreated();
        JsonNode original = list(brand, "2027-03-01", "2027-05-31").get(0);
        JsonNode again = list(copy, "2027-03-01", "2027-05-31").get(0);
        for (String field : List.of("title", "body", "plannedAt", "variants", "labels", "campaign", "status")) {
            assertThat(again.path(field)).as(field).isEqualTo(original.path(field));
        }
        assertThat(again.path("id")).isNotEqualTo(original.path("id"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreExportedAsTextAndComeBackUnchanged() {
        importCsv(authorToken, "title,planned_at,body\n"
                + "\"=HYPERLINK(\"\"http://evil.example\"\")\",2027-03-01 09:30,-1 and @all\n", "")
                .expectStatus().isCreated();
        String exported = export(authorToken, "/v1/brands/" + brand + "/posts/export?from=2027-03-01&to=2027-04-01");
        assertThat(exported).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",", ",'-1 and @all,");
        http.post().uri("/v1/brands/" + brand + "/posts/import?dryRun=true").headers(h -> h.setBearerAuth(authorToken))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(exported).exchange()
                .expectStatus().isOk();
        importCsv(authorToken, exported, "").expectStatus().isCreated();
        assertThat(titles("2027-03-01", "2027-04-01")).containsOnly("=HYPERLINK(\"http://evil.example\")");
    }

    @Test
    void clientUsersExportOnlyWhatTheySeeAndImportNothing() {
        importCsv(authorToken, "title,planned_at,platforms\nDraft,2027-03-01 09:00,instagram\n"
                + "To approve,2027-03-02 09:00,instagram\n", "").expectStatus().isCreated();
        approve(agency, UUID.fromString(list(brand, "2027-03-01", "2027-04-01").get(1).path("id").asString()));
        String client = clientViewer(agency, brand);
        String brandFile = export(client, "/v1/brands/" + brand + "/posts/export?from=2027-03-01&to=2027-04-01");
        String agencyFile = export(client, "/v1/posts/export?from=2027-03-01&to=2027-04-01");
        for (String file : List.of(brandFile, agencyFile)) {
            assertThat(file).contains("To approve").doesNotContain("Draft");
        }
        assertThat(export(authorToken, "/v1/posts/export?from=2027-03-01&to=2027-04-01"))
                .contains("Draft", "To approve", ",Alpenmilch,");
        importCsv(client, "title,planned_at\nSneaky,2027-03-03 09:00\n", "").expectStatus().isForbidden();

        String otherBrandsClient = clientViewer(agency, newBrand(agency, "Elsewhere"));
        http.get().uri("/v1/brands/" + brand + "/posts/export?from=2027-03-01&to=2027-04-01")
                .headers(h -> h.setBearerAuth(otherBrandsClient)).exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherAgencysBrandIsNotFound() {
        TestAgency other = newAgency("csv-other");
        String stranger = memberToken(other, Role.AGENCY_MANAGER);
        importCsv(stranger, "title,planned_at\nA,2027-03-01 09:00\n", "").expectStatus().isNotFound();
        http.get().uri("/v1/brands/" + brand + "/posts/export?from=2027-03-01&to=2027-04-01")
                .headers(h -> h.setBearerAuth(stranger)).exchange().expectStatus().isNotFound();
        assertThat(titles("2027-03-01", "2027-04-01")).isEmpty();
    }

    @Test
    void filesThatCannotBeReadAreRefusedClearly() {
        StringBuilder many = new StringBuilder("title,planned_at\n");
        for (int i = 0; i < 2_001; i++) {
            many.append("Post ").append(i).append(",2027-03-01 09:00\n");
        }
        importCsv(authorToken, many.toString(), "").expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2000 rows"));
        byte[] latin1 = "title,planned_at\nGrüße,2027-03-01 09:00\n".getBytes(StandardCharsets.ISO_8859_1);
        http.post().uri("/v1/brands/" + brand + "/posts/import").headers(h -> h.setBearerAuth(authorToken))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(latin1).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].line").isEqualTo(2)
                .jsonPath("$.errors[0].code").isEqualTo("encoding");
        http.post().uri("/v1/brands/" + brand + "/posts/import").headers(h -> h.setBearerAuth(authorToken))
                .contentType(MediaType.parseMediaType("text/csv; charset=windows-1252")).bodyValue(latin1).exchange()
                .expectStatus().isEqualTo(415);
        importCsv(authorToken, "title,planned_at,colour\nA,2027-03-01 09:00,red\n", "").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].column").isEqualTo("colour")
                .jsonPath("$.errors[0].line").isEqualTo(1);
        importCsv(authorToken, "title,planned_at\n\"open,2027-03-01 09:00\n", "").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("quote");
        importCsv(authorToken, "", "").expectStatus().isEqualTo(422);
        assertThat(titles("2027-03-01", "2027-04-01")).isEmpty();
    }

    private WebTestClient.ResponseSpec importCsv(String token, String file, String query) {
        return http.post().uri("/v1/brands/" + brand + "/posts/import" + query).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .bodyValue(file.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private String export(String token, String uri) {
        EntityExchangeResult<byte[]> answer = http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().value("Content-Disposition", disposition -> assertThat(disposition)
                        .startsWith("attachment; filename=").endsWith(".csv\""))
                .expectBody().returnResult();
        return new String(answer.getResponseBody(), StandardCharsets.UTF_8);
    }

    private JsonNode post(String id) {
        return http.get().uri("/v1/posts/" + id).headers(h -> h.setBearerAuth(authorToken)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode list(UUID of, String from, String to) {
        return http.get().uri("/v1/brands/" + of + "/posts?from=" + from + "&to=" + to)
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("items");
    }

    private List<String> titles(String from, String to) {
        List<String> titles = new ArrayList<>();
        list(brand, from, to).forEach(post -> titles.add(post.path("title").asString()));
        return titles;
    }
}
