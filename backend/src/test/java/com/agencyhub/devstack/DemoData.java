package com.agencyhub.devstack;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.Brands;
import com.agencyhub.brands.Channel;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.tenancy.AgencyOnboarding;
import com.agencyhub.tenancy.NewAgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Demo data for the dev stack, created through the same services the API uses, so it is audited and lands in
 * Keycloak too. Idempotent: a restart finds everything in place and changes nothing.
 */
class DemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String AGENCY_SLUG = "northwind-social";
    static final String ADMIN_EMAIL = "admin@northwind.test";
    static final String ADMIN_PASSWORD = "demo-admin";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        AgencyOnboarding onboarding = event.getApplicationContext().getBean(AgencyOnboarding.class);
        NewAgency northwind = new NewAgency("Northwind Social", AGENCY_SLUG, ZoneId.of("Europe/Berlin"), "de-DE",
                ADMIN_EMAIL, "Mara", "Keller", ADMIN_PASSWORD);
        AgencyOnboarding.Outcome outcome = onboarding.onboard(northwind, AuditActor.SYSTEM).block(TIMEOUT);
        log.info("Demo agency '{}' {}", outcome.agency().name(), outcome.created() ? "created" : "already there");
        Brands brands = event.getApplicationContext().getBean(Brands.class);
        demoBrands().forEach(brand -> createBrand(brands, outcome.agency().id(), brand));
        DemoStrategy.approve(event.getApplicationContext(), outcome.agency().id());
    }

    private static List<BrandSettings> demoBrands() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return List.of(
                new BrandSettings("Alpenmilch", "Alpenmilch eG", berlin, "de-DE", "Food & beverages", "DE-BY",
                        List.of(new Channel("instagram", "@alpenmilch", null),
                                new Channel("facebook", null, "https://www.facebook.com/alpenmilch")),
                        "Informal tone; approvals by Julia.", false, true),
                new BrandSettings("Hafenrad", "Hafenrad GmbH", berlin, "de-DE", "Bicycles", "DE-HH",
                        List.of(new Channel("instagram", "@hafenrad", null), new Channel("tiktok", "@hafenrad", null),
                                new Channel("google-business-profile", null, "https://g.page/hafenrad")),
                        null, true, false),
                new BrandSettings("Nordlicht Versicherung", "Nordlicht Versicherung AG", berlin, "de-DE",
                        "Insurance", "DE-SH", List.of(new Channel("linkedin", null,
                        "https://www.linkedin.com/company/nordlicht"), new Channel("x", "@nordlicht", null)),
                        "Complaints escalate to the client's legal team within 2 hours.", false, false));
    }

    /** Brand names are unique per agency, so an existing demo brand refuses to be created twice. */
    private static void createBrand(Brands brands, TenantId tenant, BrandSettings brand) {
        boolean created = brands.create(tenant, AuditActor.SYSTEM, brand).thenReturn(true)
                .onErrorResume(error -> error instanceof ApiProblem problem && problem.status() == HttpStatus.CONFLICT,
                        exists -> Mono.just(false))
                .block(TIMEOUT);
        log.info("Demo brand '{}' {}", brand.name(), created ? "created" : "already there");
    }
}
