package com.agencyhub.devstack;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.Brands;
import com.agencyhub.members.Member;
import com.agencyhub.members.MemberKind;
import com.agencyhub.members.Members;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.strategy.Strategies;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.strategy.StrategyContent.ChannelPlanRow;
import com.agencyhub.strategy.StrategyContent.ContentPillar;
import com.agencyhub.strategy.StrategyContent.Format;
import com.agencyhub.strategy.StrategyContent.Task;
import com.agencyhub.strategy.StrategyDrafts;
import com.agencyhub.strategy.StrategyVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The demo brand Alpenmilch gets an approved strategy, with the demo admin responsible for monitoring and the
 * given staff member as deputy. Idempotent: an approved strategy is left alone, a leftover draft is reused.
 */
final class DemoStrategy {

    private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String BRAND = "Alpenmilch";

    private DemoStrategy() {
    }

    static void approve(ApplicationContext context, TenantId tenant, UserId deputy) {
        Members members = context.getBean(Members.class);
        Actor admin = adminOf(members, tenant);
        Brand brand = context.getBean(Brands.class).list(admin, null, Inputs.MAX_LIMIT, null).block(TIMEOUT).items()
                .stream().filter(candidate -> candidate.settings().name().equals(BRAND)).findFirst().orElseThrow();
        Strategies strategies = context.getBean(Strategies.class);
        if (strategies.approved(admin, brand.id()).onErrorComplete().blockOptional(TIMEOUT).isPresent()) {
            log.info("Demo strategy of '{}' already approved", BRAND);
            return;
        }
        StrategyDrafts drafts = context.getBean(StrategyDrafts.class);
        StrategyVersion draft = strategies.draft(admin, brand.id()).onErrorComplete()
                .switchIfEmpty(drafts.create(admin, brand.id())).block(TIMEOUT);
        StrategyVersion edited = drafts.replace(admin, brand.id(), draft.version(), content(admin, deputy))
                .block(TIMEOUT);
        drafts.approve(admin, brand.id(), edited.version()).block(TIMEOUT);
        log.info("Demo strategy of '{}' approved", BRAND);
    }

    /** The demo admin as the services know a signed-in caller. */
    private static Actor adminOf(Members members, TenantId tenant) {
        Member admin = members.list(tenant, MemberKind.STAFF, null, Inputs.MAX_LIMIT, null).block(TIMEOUT).items()
                .stream().filter(member -> member.email().equals(DemoData.ADMIN_EMAIL)).findFirst().orElseThrow();
        return Actor.member(admin.id(), admin.email(), admin.displayName(), admin.email(), tenant,
                Set.of(Role.AGENCY_ADMIN), Set.of());
    }

    private static StrategyContent content(Actor admin, UserId deputy) {
        return new StrategyContent(
                List.of(new StrategyContent.Goal("Grow the Instagram community", new StrategyContent.Kpi("followers",
                        25000, "followers", StrategyContent.Direction.INCREASE, LocalDate.of(2026, 12, 31)),
                        "instagram")),
                List.of(new StrategyContent.TargetGroup("Young families",
                        "Parents between 25 and 40 in Bavaria who buy regional food.", List.of("instagram", "facebook"))),
                List.of(new ChannelPlanRow("instagram", Format.REEL, 2, 180, List.of(DayOfWeek.TUESDAY,
                                DayOfWeek.THURSDAY), List.of(LocalTime.of(18, 0))),
                        new ChannelPlanRow("facebook", Format.POST, 3, 45, List.of(), List.of())),
                List.of(new ContentPillar("From the farm", "Where our milk comes from.", 40),
                        new ContentPillar("Recipes", "Seasonal recipes with our products.", 35)),
                List.of(new StrategyContent.TaskResponsibility(Task.MONITORING, List.of(admin.userId()),
                        List.of(deputy))),
                new StrategyContent.MonitoringRequirement(List.of(
                        new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new WeeklyWindow(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new WeeklyWindow(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new WeeklyWindow(DayOfWeek.THURSDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new WeeklyWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(18, 0)),
                        new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(18, 0))),
                        HolidayRule.TREATED_AS_SUNDAY, List.of(), 120, 4));
    }
}
