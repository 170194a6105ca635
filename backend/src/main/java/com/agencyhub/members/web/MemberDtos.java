package com.agencyhub.members.web;

import com.agencyhub.api.model.MemberDto;
import com.agencyhub.api.model.MemberKindDto;
import com.agencyhub.api.model.MemberStatusDto;
import com.agencyhub.api.model.RoleDto;
import com.agencyhub.api.model.StaffRoleDto;
import com.agencyhub.api.model.WorkingTimeRulesDto;
import com.agencyhub.members.Member;
import com.agencyhub.members.StaffProfile;

import com.agencyhub.members.WorkingTimeRules;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.WeeklyWindowInputs;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Members as the contract shows them, and the contract's profile parts turned into ours. */
final class MemberDtos {

    private MemberDtos() {
    }

    static MemberDto of(Member member) {
        StaffProfile profile = member.profile();
        return new MemberDto(member.id().value(), MemberKindDto.fromValue(member.kind().value()), member.email(),
                member.displayName(),
                member.roles().stream().map(role -> RoleDto.fromValue(role.claimValue()))
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                MemberStatusDto.fromValue(member.status().value()),
                profile == null ? null : profile.homeZone().getId(),
                profile == null ? Set.of() : new TreeSet<>(profile.platforms()),
                profile == null ? Set.of() : new TreeSet<>(profile.languages()),
                profile == null ? null : profile.weeklyCapacityHours(),
                profile == null ? null : rules(profile.rules()),
                profile == null ? List.of() : profile.workingHours().stream().map(WeeklyWindowInputs::dto).toList(),
                ids(member.clientScope().brands()), ids(member.clientScope().approvals()),
                utc(member.invitedAt()), utc(member.deactivatedAt()), utc(member.createdAt()),
                utc(member.updatedAt()), (long) member.version());
    }

    static Set<UUID> ids(Set<BrandId> brands) {
        return brands.stream().map(BrandId::value).collect(Collectors.toCollection(TreeSet::new));
    }

    static ResponseEntity<MemberDto> ok(Member member) {
        return ResponseEntity.ok().eTag(ETags.of(member.version())).body(of(member));
    }

    static Set<Role> roles(Collection<StaffRoleDto> roles) {
        return roles.stream().map(role -> Role.fromClaim(role.getValue()).orElseThrow())
                .collect(Collectors.toSet());
    }

    static WorkingTimeRules rules(WorkingTimeRulesDto rules) {
        if (rules == null) {
            return null;
        }
        return new WorkingTimeRules(rules.getMaxHoursPerWeek(), rules.getMaxConsecutiveDays(),
                rules.getMinRestMinutes() == null ? WorkingTimeRules.DEFAULT_MIN_REST_MINUTES
                        : rules.getMinRestMinutes());
    }

    private static WorkingTimeRulesDto rules(WorkingTimeRules rules) {
        return new WorkingTimeRulesDto().maxHoursPerWeek(rules.maxHoursPerWeek())
                .maxConsecutiveDays(rules.maxConsecutiveDays()).minRestMinutes(rules.minRestMinutes());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
