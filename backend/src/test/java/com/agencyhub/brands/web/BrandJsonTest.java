package com.agencyhub.brands.web;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BrandPageDto;
import com.agencyhub.brands.Brands;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/brands/{id}} and {@code GET /v1/brands} answer with JSON that PostgreSQL assembles (BrandJson); it
 * must be the document the Java side makes of the same brand ({@code BrandDtos} written by the application's
 * Jackson), for staff and client users, so that the two renderings cannot drift apart.
 */
class BrandJsonTest extends ApiTest {

    private static final String NOTES = "Line one\nLine two\t\"quoted\" \\ ✓ </script> \u0001 𝄞";

    @Autowired
    private Brands brands;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theJsonPostgresqlMakesIsTheJsonJavaMakesForVariedBrandsAndViewers() {
        TestAgency agency = newAgency("brand-json");
        UUID full = created(agency, Map.of("name", "Ünïcødé 日本 🎉 \"Zitat\" \\ Marke", "legalName", "Ünïcødé GmbH & Co. KG",
                "zone", "Asia/Tokyo", "locale", "ja-JP", "industry", "Süßwaren", "holidayRegion", "DE-BY",
                "notes", NOTES, "channels", List.of(
                        Map.of("platform", "instagram", "handle", "@ünï"),
                        Map.of("platform", "linkedin", "url", "https://www.linkedin.com/company/ünï?a=1&b=%222%22"),
                        Map.of("platform", "mastodon", "handle", "@u", "url", "https://social.example/@u"))));
        UUID minimal = created(agency, Map.of("name", "Minimal", "zone", "America/New_York", "locale", "en-US"));
        // fractions of a second as Jackson trims them: none at a whole second, no trailing zeros, six digits
        timestamps(agency, full, "2026-01-02 03:04:05+00", "2026-01-02 03:04:05.1+00");
        timestamps(agency, minimal, "2026-06-30 23:59:59.12345+02", "2026-12-31 23:59:59.000001+00");

        Actor admin = Actor.member(agency.admin(), "admin", "Ada Admin", "admin@" + agency.slug() + ".test",
                agency.tenant(), Set.of(Role.AGENCY_ADMIN), Set.of());
        String clientToken = clientViewer(agency, full, minimal);
        Actor client = Actor.member(agency.admin(), "client", "Cleo Client", "client@client.test", agency.tenant(),
                Set.of(Role.CLIENT_VIEWER), Set.of(new BrandId(full), new BrandId(minimal)));

        for (UUID brand : List.of(full, minimal)) {
            assertThat(get(agency.adminToken(), "/v1/brands/" + brand)).isEqualTo(javaMade(admin, brand));
            assertThat(get(clientToken, "/v1/brands/" + brand)).isEqualTo(javaMade(client, brand));
        }
        assertThat(get(agency.adminToken(), "/v1/brands/" + full).get("notes").asString()).isEqualTo(NOTES);
        assertThat(get(clientToken, "/v1/brands/" + full).has("notes")).isFalse();
        assertThat(get(agency.adminToken(), "/v1/brands/" + minimal).has("notes")).isFalse();

        JsonNode firstPage = get(agency.adminToken(), "/v1/brands?limit=1");
        assertThat(firstPage.get("nextCursor").isString()).isTrue();
        assertThat(firstPage).isEqualTo(javaMadePage(admin, 1, null));
        String cursor = firstPage.get("nextCursor").asString();
        assertThat(get(agency.adminToken(), "/v1/brands?limit=1&cursor=" + cursor))
                .isEqualTo(javaMadePage(admin, 1, cursor));
        assertThat(get(agency.adminToken(), "/v1/brands")).isEqualTo(javaMadePage(admin, 50, null));
        assertThat(get(clientToken, "/v1/brands")).isEqualTo(javaMadePage(client, 50, null));
    }

    /**
     * The documents are kept by version (RenderedBrandCache): after every kind of change, reads that came before
     * must not show the old document, for staff or client users, alone or in a page; and reads that change nothing
     * are served from the cache.
     */
    @Test
    void keptDocumentsFollowEveryChangeOfTheBrand() {
        TestAgency agency = newAgency("brand-json-kept");
        UUID brand = created(agency, Map.of("name", "Kept", "zone", "Europe/Berlin", "locale", "de-DE",
                "notes", "first", "channels", List.of(Map.of("platform", "instagram", "handle", "@kept"))));
        Actor admin = Actor.member(agency.admin(), "admin", "Ada Admin", "admin@" + agency.slug() + ".test",
                agency.tenant(), Set.of(Role.AGENCY_ADMIN), Set.of());
        String clientToken = clientViewer(agency, brand);
        Actor client = Actor.member(agency.admin(), "client", "Cleo Client", "client@client.test", agency.tenant(),
                Set.of(Role.CLIENT_VIEWER), Set.of(new BrandId(brand)));
        Runnable readsMatch = () -> {
            assertThat(get(agency.adminToken(), "/v1/brands/" + brand)).isEqualTo(javaMade(admin, brand));
            assertThat(get(clientToken, "/v1/brands/" + brand)).isEqualTo(javaMade(client, brand));
            assertThat(get(agency.adminToken(), "/v1/brands")).isEqualTo(javaMadePage(admin, 50, null));
            assertThat(get(clientToken, "/v1/brands")).isEqualTo(javaMadePage(client, 50, null));
        };
        readsMatch.run();
        double hitsBefore = cacheHits();
        readsMatch.run();
        assertThat(cacheHits() - hitsBefore).as("unchanged brands' documents come from the cache").isEqualTo(4);

        patch(agency, brand, "\"0\"", Map.of("notes", "second", "channels", List.of(
                Map.of("platform", "tiktok", "handle", "@kept"), Map.of("platform", "linkedin",
                        "url", "https://www.linkedin.com/company/kept"))));
        readsMatch.run();
        assertThat(get(agency.adminToken(), "/v1/brands/" + brand).get("notes").asString()).isEqualTo("second");
        patch(agency, brand, "\"1\"", Map.of("name", "Kept Renamed", "clientSeesAudit", true));
        readsMatch.run();
        http.post().uri("/v1/brands/" + brand + "/status").headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.setIfMatch("\"2\"");
                }).bodyValue(Map.of("status", "active", "force", true, "reason", "Launch"))
                .exchange().expectStatus().isOk();
        readsMatch.run();
        assertThat(get(clientToken, "/v1/brands").get("items").get(0).get("status").asString()).isEqualTo("active");
    }

    /** Documents are kept per version: one set back by hand is read from the database, kept, and then hit. */
    @Test
    void aKeptDocumentFollowsTheVersionTheDatabaseHasNow() {
        TestAgency agency = newAgency("brand-json-reset");
        UUID brand = created(agency, Map.of("name", "Reset", "zone", "Europe/Berlin", "locale", "de-DE"));
        String path = "/v1/brands/" + brand;
        version(agency, brand, 7);
        assertThat(get(agency.adminToken(), path).get("version").asInt()).isEqualTo(7);
        version(agency, brand, 2);
        assertThat(get(agency.adminToken(), path).get("version").asInt()).isEqualTo(2);
        double hitsBefore = cacheHits();
        assertThat(get(agency.adminToken(), path).get("version").asInt()).isEqualTo(2);
        assertThat(cacheHits() - hitsBefore).isEqualTo(1);
    }

    private static void version(TestAgency agency, UUID brand, int version) {
        TestDatabase.get().inAgency(agency.tenant(), db -> {
            try (PreparedStatement update = db.prepareStatement("update brand set version = ? where id = ?")) {
                update.setInt(1, version);
                update.setObject(2, brand);
                return update.executeUpdate();
            }
        });
    }

    private void patch(TestAgency agency, UUID brand, String ifMatch, Map<String, Object> changes) {
        http.patch().uri("/v1/brands/" + brand).headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch(ifMatch);
        }).bodyValue(changes).exchange().expectStatus().isOk();
    }

    private double cacheHits() {
        return meters.get("cache.gets").tag("cache", "rendered-brands").tag("result", "hit").functionCounter().count();
    }

    private UUID created(TestAgency agency, Map<String, Object> body) {
        return http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken())).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(BrandDto.class).returnResult().getResponseBody().getId();
    }

    private static void timestamps(TestAgency agency, UUID brand, String createdAt, String updatedAt) {
        TestDatabase.get().inAgency(agency.tenant(), db -> {
            try (PreparedStatement update = db.prepareStatement(
                    "update brand set created_at = ?::timestamptz, updated_at = ?::timestamptz where id = ?")) {
                update.setString(1, createdAt);
                update.setString(2, updatedAt);
                update.setObject(3, brand);
                return update.executeUpdate();
            }
        });
    }

    private JsonNode get(String token, String path) {
        byte[] body = http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    private JsonNode javaMade(Actor viewer, UUID brand) {
        return json.readTree(json.writeValueAsString(BrandDtos.of(brands.get(viewer, new BrandId(brand)).block(),
                viewer)));
    }

    private JsonNode javaMadePage(Actor viewer, int limit, String cursor) {
        var page = brands.list(viewer, null, limit, cursor).block();
        return json.readTree(json.writeValueAsString(new BrandPageDto(
                page.map(brand -> BrandDtos.of(brand, viewer)).items(), page.nextCursor())));
    }
}
