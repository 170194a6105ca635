package com.agencyhub.inbox;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.Members;
import com.agencyhub.members.Responsibility;
import com.agencyhub.roster.OnDuty;
import com.agencyhub.roster.RosterQuestions;
import com.agencyhub.roster.Segment;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whom an escalation step reaches, decided when it fires (docs/notifications.md, "Who is notified"). The step names
 * where to start; whoever cannot be found there passes it on down the line: the member on duty for the brand now
 * (the roster already puts a deputy there when the scheduled member is away), then the next in the deputy chain,
 * then the brand's responsible members, then the agency's managers. Nobody at all: the step fails, and says why.
 */
@Component
class EscalationRecipients {

    /** Who was reached and why; {@code people} is empty when nobody could be. */
    record Reached(List<MemberContact> people, String reason) {
    }

    private final RosterQuestions roster;
    private final BrandTeams teams;
    private final Members members;

    EscalationRecipients(RosterQuestions roster, BrandTeams teams, Members members) {
        this.roster = roster;
        this.teams = teams;
        this.members = members;
    }

    Mono<Reached> of(TenantId tenant, BrandRef brand, EscalationStep.Recipient recipient, Instant now) {
        return roster.onDuty(tenant, brand, now).flatMap(onDuty -> switch (recipient) {
            case ON_DUTY_MEMBER -> onDutyMember(onDuty).map(Mono::just)
                    .orElseGet(() -> deputy(onDuty, describe(onDuty.segment()))
                            .map(Mono::just).orElseGet(() -> responsible(tenant, brand, describe(onDuty.segment()))));
            case DEPUTY -> deputy(onDuty, "").map(Mono::just)
                    .orElseGet(() -> responsible(tenant, brand, "no deputy available; "));
            case BRAND_RESPONSIBLE -> responsible(tenant, brand, "");
            case AGENCY_MANAGERS -> managers(tenant, "");
        });
    }

    private static Optional<Reached> onDutyMember(OnDuty onDuty) {
        Segment segment = onDuty.segment();
        if (segment.status() != Segment.Status.ON_DUTY || !onDuty.people().containsKey(segment.onDuty())) {
            return Optional.empty();
        }
        String why = segment.reason() == Segment.Reason.DEPUTY && segment.scheduled() != null
                ? "on duty now, standing in for " + name(onDuty, segment.scheduled())
                + (segment.absence() == null ? "" : " (" + Slugs.of(segment.absence()) + ")")
                : "on duty now (" + Slugs.of(segment.reason()) + ")";
        return Optional.of(new Reached(List.of(onDuty.people().get(segment.onDuty())), why));
    }

    private static Optional<Reached> deputy(OnDuty onDuty, String before) {
        return onDuty.segment().deputyChain().stream()
                .filter(onDuty.people()::containsKey)
                .findFirst()
                .map(deputy -> new Reached(List.of(onDuty.people().get(deputy)),
                        before + "next in the roster's deputy chain"));
    }

    private Mono<Reached> responsible(TenantId tenant, BrandRef brand, String before) {
        return teams.teams(tenant, List.of(brand.id()))
                .map(byBrand -> byBrand.getOrDefault(brand.id(), List.of()).stream()
                        .filter(member -> member.responsibility() == Responsibility.RESPONSIBLE)
                        .map(BrandAssignment::member).toList())
                .flatMap(responsible -> members.currentStaffMembers(tenant, responsible))
                .flatMap(current -> current.isEmpty()
                        ? managers(tenant, before + "no responsible member for the brand; ")
                        : Mono.just(new Reached(current.stream()
                                .map(member -> new MemberContact(member.id(), member.displayName(), member.email()))
                                .toList(), before + "responsible for the brand")));
    }

    private Mono<Reached> managers(TenantId tenant, String before) {
        return members.currentStaffWithRole(tenant, Role.AGENCY_MANAGER)
                .map(managers -> new Reached(managers, managers.isEmpty()
                        ? before + "the agency has no managers: nobody could be reached"
                        : before + "manager of the agency"));
    }

    private static String describe(Segment segment) {
        return switch (segment.status()) {
            case ON_DUTY -> "the member on duty cannot be reached; ";
            case EMPTY -> "everyone on the shift is away; ";
            case GAP -> "nobody is on duty inside a required window (a gap in the roster); ";
            case OFF -> "nobody is on duty now; ";
        };
    }

    private static String name(OnDuty onDuty, UserId member) {
        MemberContact contact = onDuty.people().get(member);
        return contact == null ? "an absent member" : contact.displayName();
    }

    /** The people as the escalation event records them. */
    static List<Map<String, Object>> named(List<MemberContact> people) {
        return people.stream().map(person -> Map.<String, Object>of("memberId", person.id().value().toString(),
                "name", person.displayName())).toList();
    }
}
