package com.agencyhub.devstack;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.Brands;
import com.agencyhub.brands.Channel;
import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.guidelines.EscalationTrigger;
import com.agencyhub.guidelines.GuidelineContent;
import com.agencyhub.guidelines.GuidelineSection;
import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.guidelines.SlaConditions;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.OrganizationClaim;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.tenancy.Agency;
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
import java.util.Set;

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
        publishGuidelines(event.getApplicationContext().getBean(Guidelines.class), brands, outcome.agency());
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

    /**
     * Alpenmilch gets published guidelines unless it has some. The demo agency has no staff in the brand's team,
     * so the version is assigned to nobody and the readiness requirement stays missing until a team is set and
     * a new version is published. A draft left by an interrupted start is published as it is.
     */
    private static void publishGuidelines(Guidelines guidelines, Brands brands, Agency agency) {
        Actor system = new Actor(UserId.SYSTEM, "system", "system", null, Set.of(Role.AGENCY_ADMIN),
                List.of(new OrganizationClaim(agency.slug(), agency.id().toString())), Set.of());
        BrandId alpenmilch = brands.list(system, null, Inputs.MAX_LIMIT, null).block(TIMEOUT).items().stream()
                .filter(brand -> brand.settings().name().equals("Alpenmilch")).findFirst().orElseThrow().id();
        boolean published = guidelines.current(system, alpenmilch).thenReturn(false)
                .onErrorResume(DemoData::isNotFound, none -> guidelines.draft(system, alpenmilch)
                        .onErrorResume(DemoData::isNotFound, noDraft -> guidelines.createDraft(system, alpenmilch)
                                .flatMap(draft -> guidelines.replaceDraft(system, alpenmilch, draft.version(),
                                        alpenmilchGuidelines())))
                        .flatMap(draft -> guidelines.publish(system, alpenmilch, draft.version()))
                        .thenReturn(true))
                .block(TIMEOUT);
        log.info("Demo guidelines of 'Alpenmilch' {}", published ? "published" : "already there");
    }

    private static GuidelineContent alpenmilchGuidelines() {
        return new GuidelineContent(List.of("de-DE", "en"),
                List.of(new GuidelineSection(GuidelineSection.Kind.TONE_OF_VOICE, "How we sound",
                                "We say *du*, we are warm and short. At most one emoji per reply."),
                        new GuidelineSection(GuidelineSection.Kind.ESCALATION_RULES, "Health claims",
                                "Never discuss health claims in public; move to direct messages and call the "
                                        + "brand responsible.")),
                List.of(new SlaPolicy(SlaPolicy.Priority.CRITICAL, 30, 240, SlaPolicy.Clock.CALENDAR,
                                new SlaConditions(List.of(), List.of(SlaConditions.InteractionKind.REVIEW),
                                        List.of("recall", "lawyer"))),
                        new SlaPolicy(SlaPolicy.Priority.NORMAL, 120, 960, SlaPolicy.Clock.BUSINESS, SlaConditions.NONE)),
                List.of(new EscalationStep(new EscalationTrigger(EscalationTrigger.At.PERCENT_OF_TARGET, 80),
                                EscalationStep.Recipient.ON_DUTY_MEMBER, EscalationStep.Channel.IN_APP),
                        new EscalationStep(new EscalationTrigger(EscalationTrigger.At.AFTER_BREACH, 30),
                                EscalationStep.Recipient.BRAND_RESPONSIBLE, EscalationStep.Channel.EMAIL)));
    }

    private static boolean isNotFound(Throwable error) {
        return error instanceof ApiProblem problem && problem.status() == HttpStatus.NOT_FOUND;
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
