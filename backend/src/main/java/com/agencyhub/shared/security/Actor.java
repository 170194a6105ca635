package com.agencyhub.shared.security;

import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ApiProblem;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, taken from a verified token. The tenant is the single Keycloak organization
 * the token names; it never comes from a path or a body.
 */
public record Actor(UserId userId, String username, String displayName, String email, Set<Role> roles,
                    List<OrganizationClaim> organizations) {

    public Actor {
        roles = Set.copyOf(roles);
        organizations = List.copyOf(organizations);
    }

    public boolean has(Role role) {
        return roles.contains(role);
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
