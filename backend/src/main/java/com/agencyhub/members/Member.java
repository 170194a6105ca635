package com.agencyhub.members;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Role;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person of an agency. Staff have a {@link StaffProfile}; client users have none but a {@link ClientBrandScope}.
 * The id is the Keycloak user id.
 */
public record Member(UserId id, MemberKind kind, String email, String displayName, Set<Role> roles,
                     MemberStatus status, StaffProfile profile, ClientBrandScope clientScope, Instant invitedAt,
                     Instant deactivatedAt, Instant createdAt, Instant updatedAt, int version) {

    public Member {
        roles = Set.copyOf(roles);
    }

    /** Staff who still have access: may be given brands and tasks. */
    public boolean isCurrentStaff() {
        return kind == MemberKind.STAFF && status != MemberStatus.DEACTIVATED;
    }

    public boolean isActiveAdmin() {
        return status != MemberStatus.DEACTIVATED && roles.contains(Role.AGENCY_ADMIN);
    }

    /** The state a reviewer of the audit trail needs. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", kind.value());
        snapshot.put("email", email);
        snapshot.put("displayName", displayName);
        snapshot.put("roles", new TreeSet<>(roles.stream().map(Role::claimValue).toList()));
        snapshot.put("status", status.value());
        if (profile != null) {
            snapshot.put("homeZone", profile.homeZone().getId());
            snapshot.put("platforms", new TreeSet<>(profile.platforms()));
            snapshot.put("languages", new TreeSet<>(profile.languages()));
            snapshot.put("weeklyCapacityHours", profile.weeklyCapacityHours());
            snapshot.put("workingTimeRules", profile.rules());
            snapshot.put("workingHours", profile.workingHours().stream()
                    .map(hours -> hours.day() + " " + hours.start() + "-" + hours.end()).toList());
        }
        if (kind == MemberKind.CLIENT) {
            snapshot.put("brandScope", sorted(clientScope.brands()));
            snapshot.put("approverBrandIds", sorted(clientScope.approvals()));
        }
        return snapshot;
    }

    private static TreeSet<String> sorted(Set<BrandId> brands) {
        return new TreeSet<>(brands.stream().map(BrandId::toString).toList());
    }
}
