package com.agencyhub.brands.web;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BrandPageDto;
import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.internal.BrandRepository;
import com.agencyhub.brands.internal.BrandsByVersion;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Brand CRUD: validation, pagination, concurrency, roles, client scope and isolation between agencies. */
class BrandsApiTest extends ApiTest {

    @Autowired
    BrandRepository repository;

    @Autowired
    Transactions transactions;

    @Autowired
    AuditLog audit;

    @Autowired
    BrandsByVersion byVersion;

    @Autowired
    MeterRegistry meters;

    private TestAgency agency;

    @BeforeEach
    void anAgency() {
        agency = newAgency("brands");
    }

    @Test
    void aManagerCreatesABrandWithChannelsAndTheChangeIsAuditedForTheBrand() {
        String manager = memberToken(agency, Role.AGENCY_MANAGER);
        BrandDto created = create(manager, alpenmilch("Alpenmilch")).expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/v1/brands/"))
                .expectBody(BrandDto.class).returnResult().getResponseBody();

        assertThat(created.getStatus().getValue()).isEqualTo("onboarding");
        assertThat(created.getHolidayRegion()).isEqualTo("DE-BY");
        assertThat(created.getChannels()).extracting(c -> c.getPlatform()).containsExactly("instagram", "mastodon");
        assertThat(created.getNotes()).isEqualTo("Informal tone.");
        http.get().uri("/v1/brands/" + created.getId() + "/audit-events").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].action").isEqualTo("brand.created")
                .jsonPath("$.items[0].brandId").isEqualTo(created.getId().toString())
                .jsonPath("$.items[0].after.notesLength").isEqualTo(14);
    }

    @Test
    void invalidBrandsAreRefusedWithFieldErrorsAndNothingIsWritten() {
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "holidayRegion", "DE-XX")), "holidayRegion");
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "zone", "Mars/Olympus")), "zone");
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "locale", "??")), "locale");
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "name", "  ")), "name");
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "channels",
                List.of(Map.of("platform", "instagram")))), "channels[0]");
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "channels",
                List.of(Map.of("platform", "instagram", "url", "ftp://example.com")))), "channels[0].url");
        expectFieldError(create(agency.adminToken(), with(alpenmilch("A"), "channels",
                List.of(Map.of("platform", "Face Book", "handle", "@a")))), "channels[0].platform");
        create(agency.adminToken(), Map.of("name", "No zone")).expectStatus().isBadRequest();

        assertThat(list(agency.adminToken(), "").getItems()).isEmpty();
    }

    @Test
    void namesAreUniqueWithinTheAgency() {
        create(agency.adminToken(), alpenmilch("Alpenmilch")).expectStatus().isCreated();
        create(agency.adminToken(), alpenmilch("Alpenmilch")).expectStatus().isEqualTo(409);
    }

    @Test
    void theListIsOrderedByNameAndStableWhileBrandsAreAdded() {
        for (String name : List.of("Delta", "Bravo", "Foxtrot", "Charlie")) {
            create(agency.adminToken(), alpenmilch(name)).expectStatus().isCreated();
        }
        BrandPageDto first = list(agency.adminToken(), "?limit=2");
        create(agency.adminToken(), alpenmilch("Alpha")).expectStatus().isCreated();
        create(agency.adminToken(), alpenmilch("Echo")).expectStatus().isCreated();
        List<String> rest = new ArrayList<>();
        String cursor = first.getNextCursor();
        while (cursor != null) {
            BrandPageDto page = list(agency.adminToken(), "?limit=2&cursor=" + cursor);
            page.getItems().forEach(brand -> rest.add(brand.getName()));
            cursor = page.getNextCursor();
        }

        assertThat(first.getItems()).extracting(BrandDto::getName).containsExactly("Bravo", "Charlie");
        assertThat(rest).containsExactly("Delta", "Echo", "Foxtrot");
        expectFieldError(get(agency.adminToken(), "/v1/brands?cursor=bm9wZQ"), "cursor");
        expectFieldError(get(agency.adminToken(), "/v1/brands?status=gone"), "status");
    }

    @Test
    void eachPageShowsEveryBrandExactlyAsItsOwnReadDoes() {
        // list and single read are separate queries: channels (none, one, several, in order) must agree
        created(with(alpenmilch("C without channels"), "channels", List.of()));
        created(with(alpenmilch("A one channel"), "channels", List.of(Map.of("platform", "tiktok", "handle", "@one"))));
        created(with(alpenmilch("B three channels"), "channels", List.of(
                Map.of("platform", "youtube", "url", "https://youtube.example/@b"),
                Map.of("platform", "instagram", "handle", "@b"),
                Map.of("platform", "linkedin", "handle", "@b-company"))));
        created(alpenmilch("D ümlaut's \"quoted\" name"));

        List<BrandDto> listed = new ArrayList<>();
        String cursor = null;
        do {
            BrandPageDto page = list(agency.adminToken(), "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            listed.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(listed).extracting(BrandDto::getName).containsExactly("A one channel", "B three channels",
                "C without channels", "D ümlaut's \"quoted\" name");
        for (BrandDto item : listed) {
            BrandDto single = get(agency.adminToken(), "/v1/brands/" + item.getId()).expectStatus().isOk()
                    .expectBody(BrandDto.class).returnResult().getResponseBody();
            assertThat(item).isEqualTo(single);
        }
        assertThat(listed).filteredOn(item -> item.getName().startsWith("B")).singleElement()
                .satisfies(item -> assertThat(item.getChannels()).extracting(c -> c.getPlatform())
                        .containsExactly("youtube", "instagram", "linkedin"));
    }

    @Test
    void staffReadBrandsAndOnlyAdminsAndManagersChangeThem() {
        BrandDto brand = created(alpenmilch("Alpenmilch"));
        String socialMediaManager = memberToken(agency, Role.SOCIAL_MEDIA_MANAGER);

        get(socialMediaManager, "/v1/brands/" + brand.getId()).expectStatus().isOk()
                .expectBody().jsonPath("$.notes").isEqualTo("Informal tone.");
        create(socialMediaManager, alpenmilch("Other")).expectStatus().isForbidden();
        patch(socialMediaManager, brand.getId(), "\"0\"", Map.of("name", "X")).expectStatus().isForbidden();
    }

    @Test
    void clientUsersSeeOnlyTheirBrandsWithoutNotes() {
        BrandDto theirs = created(alpenmilch("Theirs"));
        BrandDto other = created(alpenmilch("Other"));
        String client = clientViewer(agency, theirs.getId());

        assertThat(list(client, "").getItems()).extracting(BrandDto::getName).containsExactly("Theirs");
        get(client, "/v1/brands/" + theirs.getId()).expectStatus().isOk()
                .expectBody().jsonPath("$.notes").doesNotExist().jsonPath("$.name").isEqualTo("Theirs");
        get(client, "/v1/brands/" + other.getId()).expectStatus().isNotFound();
        patch(client, theirs.getId(), "\"0\"", Map.of("name", "Mine")).expectStatus().isForbidden();
        assertThat(list(clientViewer(agency, other.getId()), "").getItems()).extracting(BrandDto::getName)
                .containsExactly("Other");
    }

    @Test
    void updatesNeedTheCurrentETagReplaceChannelsAndAreAudited() {
        BrandDto brand = created(alpenmilch("Alpenmilch"));
        patch(agency.adminToken(), brand.getId(), null, Map.of("name", "X")).expectStatus().isEqualTo(428);
        patch(agency.adminToken(), brand.getId(), "\"3\"", Map.of("name", "X")).expectStatus().isEqualTo(412);
        expectFieldError(patch(agency.adminToken(), brand.getId(), "\"0\"", Map.of("holidayRegion", "ZZ")), "holidayRegion");
        patch(agency.adminToken(), brand.getId(), "\"0\"", Map.of()).expectStatus().isBadRequest();

        BrandDto updated = patch(agency.adminToken(), brand.getId(), "\"0\"", Map.of("name", "Alpenmilch eG",
                "legalName", "", "channels", List.of(Map.of("platform", "tiktok", "handle", "@alpen"))))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(BrandDto.class).returnResult().getResponseBody();

        assertThat(updated.getName()).isEqualTo("Alpenmilch eG");
        assertThat(updated.getLegalName()).isNull();
        assertThat(updated.getHolidayRegion()).isEqualTo("DE-BY");
        assertThat(updated.getChannels()).extracting(c -> c.getPlatform()).containsExactly("tiktok");
        get(agency.adminToken(), "/v1/brands/" + brand.getId() + "/audit-events").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].action").isEqualTo("brand.updated")
                .jsonPath("$.items[0].before.name").isEqualTo("Alpenmilch")
                .jsonPath("$.items[0].after.name").isEqualTo("Alpenmilch eG")
                .jsonPath("$.items[0].after.legalName").doesNotExist()
                .jsonPath("$.items[0].after.channels[0].platform").isEqualTo("tiktok")
                .jsonPath("$.items[0].after.status").isEqualTo("onboarding")
                .jsonPath("$.items[1].action").isEqualTo("brand.created");
    }

    /** The update and its audit event are one statement: when another edit came first, neither happens. */
    @Test
    void anUpdateThatFindsTheBrandChangedMeanwhileRecordsNoEvent() {
        BrandDto created = created(alpenmilch("Alpenmilch"));
        BrandId id = new BrandId(created.getId());
        Brand current = repository.findById(agency.tenant(), id).block();
        AuditEntry entry = new AuditEntry("brand.updated", "brand", id.value(), Map.of(), Map.of(), id);

        Brand updated = transactions.inTenant(agency.tenant(), sql -> repository.update(sql, agency.tenant(), current,
                current.settings(), current.version() + 1, audit.event(agency.tenant(), AuditActor.SYSTEM, entry)))
                .block();

        assertThat(updated).isNull();
        get(agency.adminToken(), "/v1/brands/" + id.value() + "/audit-events").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].action").isEqualTo("brand.created");
        get(agency.adminToken(), "/v1/brands/" + id.value()).expectStatus().isOk().expectHeader()
                .valueEquals("ETag", "\"" + current.version() + "\"");
    }

    /**
     * An edit naming the version the last edit answered with runs on the brand kept from that edit, without reading it
     * again; a kept version that is no longer the brand's is still refused, and another agency cannot use it.
     */
    @Test
    void editsNamingTheVersionTheyWereGivenSkipTheReadAndStaleOnesAreStillRefused() {
        BrandId id = new BrandId(created(alpenmilch("Alpenmilch")).getId());
        patch(agency.adminToken(), id.value(), "\"0\"", Map.of("industry", "Dairy")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        double hits = keptBrandHits();

        patch(agency.adminToken(), id.value(), "\"1\"", Map.of("notes", "Formal tone.")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"").expectBody()
                .jsonPath("$.industry").isEqualTo("Dairy").jsonPath("$.notes").isEqualTo("Formal tone.");
        assertThat(keptBrandHits()).isEqualTo(hits + 1);

        patch(agency.adminToken(), id.value(), "\"1\"", Map.of("industry", "Cheese")).expectStatus().isEqualTo(412);
        assertThat(keptBrandHits()).isEqualTo(hits + 2);
        assertThat(byVersion.get(agency.tenant(), id, 2)).isEqualTo(repository.findById(agency.tenant(), id).block());
        TestAgency other = newAgency("nosy");
        patch(other.adminToken(), id.value(), "\"2\"", Map.of("name", "Stolen")).expectStatus().isNotFound();

        get(agency.adminToken(), "/v1/brands/" + id.value()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"").expectBody()
                .jsonPath("$.industry").isEqualTo("Dairy").jsonPath("$.name").isEqualTo("Alpenmilch");
        get(agency.adminToken(), "/v1/brands/" + id.value() + "/audit-events").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3);
    }

    /** A kept version of a brand offboarded since answers as the brand is now: offboarded, not changed. */
    @Test
    void aKeptVersionOfABrandOffboardedSinceIsRefusedAsOffboarded() {
        UUID id = created(alpenmilch("Alpenmilch")).getId();
        patch(agency.adminToken(), id, "\"0\"", Map.of("industry", "Dairy")).expectStatus().isOk();
        http.post().uri("/v1/brands/" + id + "/status").headers(h -> {
            h.setBearerAuth(agency.adminToken());
            h.setIfMatch("\"1\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "offboarded")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        patch(agency.adminToken(), id, "\"1\"", Map.of("industry", "Cheese")).expectStatus().isEqualTo(409);
        patch(agency.adminToken(), id, "\"2\"", Map.of("industry", "Cheese")).expectStatus().isEqualTo(409);
        get(agency.adminToken(), "/v1/brands/" + id).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"").expectBody().jsonPath("$.industry").isEqualTo("Dairy");
    }

    private double keptBrandHits() {
        return meters.get("cache.gets").tag("cache", "edited-brands").tag("result", "hit").functionCounter().count();
    }

    @Test
    void anotherAgencySeesAndChangesNoneOfTheseBrands() {
        BrandDto brand = created(alpenmilch("Alpenmilch"));
        TestAgency other = newAgency("nosy");

        assertThat(list(other.adminToken(), "").getItems()).isEmpty();
        get(other.adminToken(), "/v1/brands/" + brand.getId()).expectStatus().isNotFound();
        patch(other.adminToken(), brand.getId(), "\"0\"", Map.of("name", "Stolen")).expectStatus().isNotFound();
        create(other.adminToken(), alpenmilch("Alpenmilch")).expectStatus().isCreated();
        assertThat(list(agency.adminToken(), "").getItems()).extracting(BrandDto::getName).containsExactly("Alpenmilch");
    }

    static Map<String, Object> alpenmilch(String name) {
        return Map.of("name", name, "legalName", "Alpenmilch eG", "zone", "Europe/Berlin", "locale", "de-DE",
                "industry", "Food", "holidayRegion", "DE-BY", "notes", "Informal tone.",
                "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"),
                        Map.of("platform", "mastodon", "url", "https://social.example/@alpenmilch")));
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private BrandDto created(Map<String, Object> body) {
        return create(agency.adminToken(), body).expectStatus().isCreated().expectBody(BrandDto.class)
                .returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String token, UUID brand, String ifMatch, Map<String, Object> body) {
        return http.patch().uri("/v1/brands/" + brand).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private BrandPageDto list(String token, String query) {
        return get(token, "/v1/brands" + query).expectStatus().isOk().expectBody(BrandPageDto.class)
                .returnResult().getResponseBody();
    }
}
