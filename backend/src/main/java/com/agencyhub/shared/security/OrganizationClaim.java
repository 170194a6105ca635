package com.agencyhub.shared.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The token's {@code organization} claim: the Keycloak organizations (agencies) the person belongs to, as
 * far as the token says. {@code present} is false when the token carries no such claim at all (a person in
 * several organizations whose client did not ask for scope {@code organization:*}); {@code ids} are the
 * organization ids the claim names, in its "with ids" form {@code {"<alias>": {"id": "<uuid>"}}}.
 */
record OrganizationClaim(boolean present, List<UUID> ids) {

    static final OrganizationClaim ABSENT = new OrganizationClaim(false, List.of());

    OrganizationClaim {
        ids = List.copyOf(ids);
    }

    boolean names(UUID organization) {
        return ids.contains(organization);
    }

    /** The one organization the claim names, if it names exactly one. */
    Optional<UUID> single() {
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
