package com.agencyhub.brands.web;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.PostDto;
import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The export holds what every module keeps about the brand: people, strategy and guidelines versions, audit. */
class BrandExportApiTest extends ApiTest {

    @Test
    void theExportHoldsPeopleStrategyGuidelinesAndTheTrail() {
        TestAgency agency = newAgency("exported");
        UUID brand = http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Alpenmilch", "zone", "Europe/Berlin", "locale", "de-DE",
                        "channels", List.of(Map.of("platform", "instagram", "handle", "@alpenmilch"))))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody().getId();
        UUID deputy = newStaffMember(agency, "Dora", "Deputy");
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", deputy, "responsibility", "deputy"))))
                .exchange().expectStatus().isOk();
        clientViewer(agency, brand);
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), deputy,
                List.of(StrategyApiTest.window("MONDAY", "09:00", "17:00"))), "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", GuidelinesApiTest.content(), "/draft/publication");
        UUID post = http.post().uri("/v1/brands/" + brand + "/posts").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("title", "Spring teaser", "plannedAt", "2027-03-01T09:30:00+01:00",
                        "variants", List.of(Map.of("platform", "instagram", "format", "reel"))))
                .exchange().expectStatus().isCreated().expectBody(PostDto.class).returnResult().getResponseBody()
                .getId();
        approve(agency, post);

        http.get().uri("/v1/brands/" + brand + "/export").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sections.people.length()").isEqualTo(2)
                .jsonPath("$.sections.people[0].part").isEqualTo("deputy")
                .jsonPath("$.sections.people[1].part").isEqualTo("client-user")
                .jsonPath("$.sections.strategyVersions.length()").isEqualTo(1)
                .jsonPath("$.sections.strategyVersions[0].status").isEqualTo("approved")
                .jsonPath("$.sections.strategyVersions[0].content.monitoring.coverageWindows[0].day").isEqualTo("MONDAY")
                .jsonPath("$.sections.guidelineVersions[0].status").isEqualTo("published")
                .jsonPath("$.sections.guidelineVersions[0].assignments[0].memberId").isEqualTo(deputy.toString())
                .jsonPath("$.sections.guidelineVersions[0].assignments[0].acknowledgedAt").isEmpty()
                .jsonPath("$.sections.posts.length()").isEqualTo(1)
                .jsonPath("$.sections.posts[0].id").isEqualTo(post.toString())
                .jsonPath("$.sections.posts[0].plannedAt").isEqualTo("2027-03-01T08:30:00Z")
                .jsonPath("$.sections.posts[0].status").isEqualTo("approved")
                .jsonPath("$.sections.posts[0].events[*].action").isEqualTo(List.of("created", "submit", "approve"))
                .jsonPath("$.sections.auditEvents[?(@.action == 'brand.team-changed')]").exists();
    }
}
