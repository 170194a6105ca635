package com.agencyhub.devstack;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.Brands;
import com.agencyhub.brands.Channel;
import com.agencyhub.calendar.Posts;
import com.agencyhub.guidelines.ApprovalMode;
import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.guidelines.EscalationTrigger;
import com.agencyhub.guidelines.GuidelineContent;
import com.agencyhub.guidelines.GuidelineSection;
import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.guidelines.SlaConditions;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.members.ClientBrandScope;
import com.agencyhub.members.Invitation;
import com.agencyhub.members.Members;
import com.agencyhub.members.Responsibility;
import com.agencyhub.members.StaffProfile;
import com.agencyhub.members.WorkingTimeRules;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.tenancy.AgencyOnboarding;
import com.agencyhub.tenancy.NewAgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpStatus;


import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Demo data for the dev stack, created through the same services the API uses, so it is audited and lands in
 * Keycloak too. Idempotent: a restart finds everything in place and changes nothing.
 */
class DemoData implements ApplicationListener<ApplicationReadyEvent> {

    static final String AGENCY_SLUG = "northwind-social";
    static final String ADMIN_EMAIL = "admin@northwind.test";
    static final String ADMIN_PASSWORD = "demo-admin";
    static final String STAFF_PASSWORD = "demo-staff";
    static final String CLIENT_EMAIL = "julia@alpenmilch.test";
    static final String CLIENT_PASSWORD = "demo-client";
    static final String SECOND_AGENCY_SLUG = "southside-media";
    static final String SECOND_ADMIN_EMAIL = "admin@southside.test";
    /** Works for both agencies: social-media manager at Northwind, agency manager at Southside. */
    static final String TWO_AGENCIES_EMAIL = "kim@northwind.test";

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
        Actor system = systemActorOf(outcome.agency().id());
        demoBrands().forEach(brand -> createBrand(brands, system, brand));
        Members members = event.getApplicationContext().getBean(Members.class);
        BrandId alpenmilch = brandNamed(brands, system, "Alpenmilch");
        UserId jonas = invite(members, system, Invitation.staff("jonas@northwind.test", "Jonas", "Weber",
                Set.of(Role.SOCIAL_MEDIA_MANAGER), new StaffProfile(ZoneId.of("Europe/Berlin"),
                        Set.of("instagram", "tiktok"), Set.of("de", "en"), new BigDecimal("30"),
                        new WorkingTimeRules(new BigDecimal("40"), 6, WorkingTimeRules.DEFAULT_MIN_REST_MINUTES),
                        weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)))).withInitialPassword(STAFF_PASSWORD));
        UserId lea = invite(members, system, Invitation.staff("lea@northwind.test", "Lea", "Brandt",
                Set.of(Role.AGENCY_MANAGER), new StaffProfile(ZoneId.of("Europe/Berlin"), Set.of("linkedin", "x"),
                        Set.of("de"), new BigDecimal("38.5"), WorkingTimeRules.DEFAULT,
                        weekdays(LocalTime.of(8, 0), LocalTime.of(16, 30)))).withInitialPassword(STAFF_PASSWORD));
        invite(members, system, Invitation.client(CLIENT_EMAIL, "Julia", "Ortega",
                        new ClientBrandScope(Set.of(alpenmilch), Set.of(alpenmilch)))
                .withInitialPassword(CLIENT_PASSWORD));
        invite(members, system, kim(Role.SOCIAL_MEDIA_MANAGER, new BigDecimal("30")));
        event.getApplicationContext().getBean(BrandTeams.class).replace(system, alpenmilch, List.of(
                new BrandAssignment(jonas, null, Responsibility.RESPONSIBLE),
                new BrandAssignment(lea, null, Responsibility.DEPUTY))).block(TIMEOUT);
        DemoStrategy.approve(event.getApplicationContext(), outcome.agency().id(), jonas);
        publishGuidelines(event.getApplicationContext().getBean(Guidelines.class), system, alpenmilch);
        DemoPosts.plan(event.getApplicationContext().getBean(Posts.class), system, alpenmilch, jonas);
        DemoRoster.plan(event.getApplicationContext(), system, alpenmilch, jonas, lea);
        DemoPricing.set(event.getApplicationContext(), system, alpenmilch, jonas);
        DemoInbox.fill(event.getApplicationContext(), system, alpenmilch, jonas, lea);
        DemoResponseTimes.fill(event.getApplicationContext(), outcome.agency().id(), alpenmilch, jonas, lea);
        DemoContracts.agree(event.getApplicationContext(), system, alpenmilch);
        DemoTimesheets.book(event.getApplicationContext(), outcome.agency().id(), alpenmilch, jonas, lea);
        secondAgency(onboarding, brands, members);
    }

    /** A second agency, for which Kim of Northwind works too: one login, two agencies, other roles in each. */
    private static void secondAgency(AgencyOnboarding onboarding, Brands brands, Members members) {
        NewAgency southside = new NewAgency("Southside Media", SECOND_AGENCY_SLUG, ZoneId.of("Europe/Berlin"), "de-DE",
                SECOND_ADMIN_EMAIL, "Sven", "Hansen", ADMIN_PASSWORD);
        AgencyOnboarding.Outcome outcome = onboarding.onboard(southside, AuditActor.SYSTEM).block(TIMEOUT);
        log.info("Demo agency '{}' {}", outcome.agency().name(), outcome.created() ? "created" : "already there");
        Actor system = systemActorOf(outcome.agency().id());
        createBrand(brands, system, new BrandSettings("Hafenbräu", "Hafenbräu Brauerei GmbH", ZoneId.of("Europe/Berlin"),
                "de-DE", "Food & beverages", "DE-HH", List.of(new Channel("instagram", "@hafenbraeu", null)),
                null, false, false, false));
        invite(members, system, kim(Role.AGENCY_MANAGER, new BigDecimal("8")));
    }

    private static Invitation kim(Role role, BigDecimal weeklyHours) {
        return Invitation.staff(TWO_AGENCIES_EMAIL, "Kim", "Lorenz", Set.of(role),
                new StaffProfile(ZoneId.of("Europe/Berlin"), Set.of("instagram"), Set.of("de", "en"), weeklyHours,
                        WorkingTimeRules.DEFAULT, List.of())).withInitialPassword(STAFF_PASSWORD);
    }

    /** The demo data acts as an agency admin of the demo agency; the audit trail names it "system". */
    private static Actor systemActorOf(TenantId tenant) {
        return Actor.member(UserId.SYSTEM, "system", "system", null, tenant, Set.of(Role.AGENCY_ADMIN), Set.of());
    }

    private static UserId invite(Members members, Actor system, Invitation invitation) {
        Members.Outcome outcome = members.invite(system, invitation).block(TIMEOUT);
        log.info("Demo member '{}' {}", invitation.email(), outcome.created() ? "invited" : "already there");
        return outcome.member().id();
    }

    private static BrandId brandNamed(Brands brands, Actor system, String name) {
        return brands.list(system, null, 200, null).block(TIMEOUT).items().stream()
                .filter(brand -> brand.settings().name().equals(name)).findFirst().orElseThrow().id();
    }

    private static List<WeeklyWindow> weekdays(LocalTime start, LocalTime end) {
        return Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY).map(day -> new WeeklyWindow(day, start, end)).toList();
    }

    private static List<BrandSettings> demoBrands() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return List.of(
                new BrandSettings("Alpenmilch", "Alpenmilch eG", berlin, "de-DE", "Food & beverages", "DE-BY",
                        List.of(new Channel("instagram", "@alpenmilch", null),
                                new Channel("facebook", null, "https://www.facebook.com/alpenmilch")),
                        "Informal tone; approvals by Julia.", false, true, true),
                new BrandSettings("Hafenrad", "Hafenrad GmbH", berlin, "de-DE", "Bicycles", "DE-HH",
                        List.of(new Channel("instagram", "@hafenrad", null), new Channel("tiktok", "@hafenrad", null),
                                new Channel("google-business-profile", null, "https://g.page/hafenrad")),
                        null, true, false, false),
                new BrandSettings("Nordlicht Versicherung", "Nordlicht Versicherung AG", berlin, "de-DE",
                        "Insurance", "DE-SH", List.of(new Channel("linkedin", null,
                        "https://www.linkedin.com/company/nordlicht"), new Channel("x", "@nordlicht", null)),
                        "Complaints escalate to the client's legal team within 2 hours.", false, false, false));
    }

    /**
     * Alpenmilch gets published guidelines unless it has some, assigned to its team (Jonas and Lea), whose
     * acknowledgments stay pending, so the readiness shows what is still missing. A draft left by an
     * interrupted start is published as it is.
     */
    private static void publishGuidelines(Guidelines guidelines, Actor system, BrandId alpenmilch) {
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
                                EscalationStep.Recipient.BRAND_RESPONSIBLE, EscalationStep.Channel.EMAIL)),
                ApprovalMode.INTERNAL_THEN_CLIENT);
    }

    private static boolean isNotFound(Throwable error) {
        return error instanceof ApiProblem problem && problem.status() == HttpStatus.NOT_FOUND;
    }

    private static void createBrand(Brands brands, Actor system, BrandSettings brand) {
        boolean exists = brands.list(system, null, 200, null).block(TIMEOUT).items().stream()
                .anyMatch(existing -> existing.settings().name().equals(brand.name()));
        if (!exists) {
            brands.create(system.requireTenant(), AuditActor.SYSTEM, brand).block(TIMEOUT);
        }
        log.info("Demo brand '{}' {}", brand.name(), exists ? "already there" : "created");
    }
}
