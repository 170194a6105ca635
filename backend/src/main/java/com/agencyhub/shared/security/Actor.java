package com.agencyhub.shared.security;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ApiProblem;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of a request: who they are (from the verified token) and what they may do in the agency the
 * request is for (from our member records, see {@link AgencyAccessFilter}). {@code agency} is null when the
 * request is for no agency (platform administration, or a person without any membership).
 */
public record Actor(UserId userId, String username, String displayName, String email, TenantId agency,
                    Set<Role> roles, Set<BrandId> brandScope, Set<BrandId> approvalScope) {

    private static final Set<Role> STAFF_ROLES = EnumSet.of(Role.AGENCY_ADMIN, Role.AGENCY_MANAGER,
            Role.SOCIAL_MEDIA_MANAGER);

    public Actor {
        roles = Set.copyOf(roles);
        brandScope = Set.copyOf(brandScope);
        approvalScope = Set.copyOf(approvalScope);
    }

    /** A member acting in their agency with the roles and brand scope of their member record there. */
    public static Actor member(UserId userId, String username, String displayName, String email, TenantId agency,
                               Set<Role> roles, Set<BrandId> brandScope) {
        return new Actor(userId, username, displayName, email, agency, roles, brandScope, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff of the agency: sees every brand of it, as far as the role allows. */
    public boolean isStaff() {
        return roles.stream().anyMatch(STAFF_ROLES::contains);
    }

    /** A client user: sees only the brands in {@link #brandScope()}, and only what the agency shares. */
    public boolean isClientUser() {
        return has(Role.CLIENT_VIEWER) && !isStaff();
    }

    /** Whether the brand is visible to the caller at all; answer 404 when not. */
    public boolean maySee(BrandId brand) {
        return isStaff() || (isClientUser() && brandScope.contains(brand));
    }

    /** Whether a client user may approve the brand's posts (granted per brand by the agency). */
    public boolean mayApprove(BrandId brand) {
        return isClientUser() && approvalScope.contains(brand) && brandScope.contains(brand);
    }

    /** The agency this request acts for, if any. */
    public Optional<TenantId> tenant() {
        return Optional.ofNullable(agency);
    }

    /** The agency this request acts for; a 403 problem when it is for none. */
    public TenantId requireTenant() {
        return tenant().orElseThrow(() -> ApiProblem.forbidden(AgencyAccessFilter.NO_ACCESS));
    }

    /** The same person acting for {@code agency} with the given grant. */
    Actor actingFor(TenantId agency, MemberAccess.Grant grant) {
        Set<Role> all = EnumSet.noneOf(Role.class);
        all.addAll(grant.roles());
        all.removeIf(role -> role == Role.PLATFORM_ADMIN); // a member record never makes a platform admin
        if (has(Role.PLATFORM_ADMIN)) {
            all.add(Role.PLATFORM_ADMIN);
        }
        return new Actor(userId, username, displayName, email, agency, all, grant.brandScope(),
                grant.approvalScope());
    }
}
