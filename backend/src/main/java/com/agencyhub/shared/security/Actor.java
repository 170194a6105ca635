package com.agencyhub.shared.security;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ApiProblem;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, taken from a verified token. The tenant is the single Keycloak organization
 * the token names; it never comes from a path or a body.
 */
public record Actor(UserId userId, String username, String displayName, String email, Set<Role> roles,
                    List<OrganizationClaim> organizations, Set<BrandId> brandScope) {

    private static final Set<Role> STAFF_ROLES = EnumSet.of(Role.AGENCY_ADMIN, Role.AGENCY_MANAGER,
            Role.SOCIAL_MEDIA_MANAGER);

    public Actor {
        roles = Set.copyOf(roles);
        organizations = List.copyOf(organizations);
        brandScope = Set.copyOf(brandScope);
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

    public Actor withBrandScope(Set<BrandId> scope) {
        return new Actor(userId, username, displayName, email, roles, organizations, scope);
    }

    /** The agency this token acts for, if it names exactly one organization with a valid id. */
    public Optional<TenantId> tenant() {
        if (organizations.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantId(UUID.fromString(organizations.get(0).id())));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The agency this token acts for; a 403 problem when the token names none or several. */
    public TenantId requireTenant() {
        return tenant().orElseThrow(() -> organizations.size() > 1
                ? ApiProblem.forbidden("The token names several agencies. Request a token for one of them "
                        + "with the scope organization:<alias>.")
                : ApiProblem.forbidden("The token names no agency. Sign in as a member of an agency."));
    }
}
