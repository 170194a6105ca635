package com.agencyhub.devstack;

import com.agencyhub.inbox.InboxApiTest;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev stack's demo inbox fills a brand once: the weekend complaint breached, the question answered in time and
 * waiting for the customer.
 */
class DemoInboxTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theDemoInboxShowsAWeekendBreachAndIsFilledOnce() {
        TestAgency agency = newAgency("demo-inbox");
        UUID brand = InboxApiTest.brandWithChannels(http, agency);
        UUID jonas = newStaffMember(agency, "Jonas", "Weber");
        UUID lea = newStaffMember(agency, "Lea", "Brandt");
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(jonas, lea, List.of(
                StrategyApiTest.window("SATURDAY", "10:00", "18:00"), StrategyApiTest.window("MONDAY", "08:00", "20:00"))),
                "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", InboxApiTest.guidelines(120, 960, "spoiled"),
                "/draft/publication");
        Actor system = Actor.member(UserId.SYSTEM, "system", "system", null, agency.tenant(),
                Set.of(Role.AGENCY_ADMIN), Set.of());
        for (int run = 0; run < 2; run++) {
            DemoInbox.fill(context, system, new BrandId(brand), new UserId(jonas), new UserId(lea));
        }
        JsonNode page = http.get().uri("/v1/brands/" + brand + "/interactions")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> states = new ArrayList<>();
        page.path("items").forEach(item -> states.add(item.path("externalId").asString() + ":"
                + item.path("firstResponse").path("state").asString() + ":" + item.path("status").asString()));
        assertThat(states).hasSize(4).contains("demo-complaint-1:breached:responded",
                "demo-question-1:fulfilled:waiting");
        http.get().uri("/v1/brands/" + brand + "/inbox-webhook").headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk();
    }
}
