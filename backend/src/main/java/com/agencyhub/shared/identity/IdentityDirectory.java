package com.agencyhub.shared.identity;

import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;

/** Placeholder until the Keycloak adapter lands (replaced by the identity branch). */
public interface IdentityDirectory {
    Mono<OrganizationRef> ensureOrganization(String alias, String name);
    Mono<Optional<OrganizationRef>> findOrganization(String alias);
    Mono<Void> deleteOrganization(String organizationId);
    Mono<UserRef> ensureUser(NewUser user);
    Mono<Void> addMember(String organizationId, String userId);
    Mono<Void> grantRealmRoles(String userId, Set<String> roles);
    Mono<Void> revokeRealmRoles(String userId, Set<String> roles);
}
