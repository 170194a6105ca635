package com.agencyhub.devstack;

import com.agencyhub.api.model.RateResolutionDto;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev stack's demo rates are set once and resolve as docs/pricing.md tells. */
class DemoPricingTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theDemoRatesResolveAsDocumentedAndAreSetOnce() {
        TestAgency agency = newAgency("demo-pricing");
        UUID alpenmilch = newBrand(agency, "Alpenmilch");
        UUID jonas = newStaffMember(agency, "Jonas", "Weber");
        Actor system = Actor.member(UserId.SYSTEM, "system", "system", null, agency.tenant(),
                Set.of(Role.AGENCY_ADMIN), Set.of());
        for (int run = 0; run < 2; run++) {
            DemoPricing.set(context, system, new BrandId(alpenmilch), new UserId(jonas));
        }

        RateResolutionDto jonasOnCommunity = http.get().uri("/v1/rates/resolution?brandId=" + alpenmilch
                        + "&activityId=" + activity(agency, "community-management") + "&memberId=" + jonas)
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(RateResolutionDto.class).returnResult().getResponseBody();
        assertThat(jonasOnCommunity.getBillRate()).isEqualTo("110.00");
        assertThat(jonasOnCommunity.getCostRate()).isEqualTo("50.00");
        assertThat(jonasOnCommunity.getApplicable()).hasSize(3);
        http.get().uri("/v1/surcharges").headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.weekend").isEqualTo("25.00");
    }
}
