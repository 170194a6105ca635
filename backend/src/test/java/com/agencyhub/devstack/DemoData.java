package com.agencyhub.devstack;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.tenancy.AgencyOnboarding;
import com.agencyhub.tenancy.NewAgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;
import java.time.ZoneId;

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
    }
}
