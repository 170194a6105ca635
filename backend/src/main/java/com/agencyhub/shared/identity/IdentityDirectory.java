package com.agencyhub.shared.identity;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The identity provider as the rest of AgencyHub sees it: organizations (one per agency), users and their
 * realm roles. All operations are idempotent where the name says "ensure"/"add"/"grant"/"revoke", so onboarding
 * can be retried safely. Failures of the identity provider surface as {@link IdentityProviderException}.
 */
public interface IdentityDirectory {

    /** Finds the organization by alias, or creates it with that alias and name. Returns the existing one unchanged. */
    Mono<OrganizationRef> ensureOrganization(String alias, String name);

    Mono<Optional<OrganizationRef>> findOrganization(String alias);

    /** Deletes the organization; completes normally when it does not exist. Members stay as users. */
    Mono<Void> deleteOrganization(String organizationId);

    /** Finds the user by email, or creates one with username = email. */
    Mono<UserRef> ensureUser(NewUser user);

    /** Makes the user a member of the organization; a no-op when already a member. */
    Mono<Void> addMember(String organizationId, String userId);

    Mono<Void> removeMember(String organizationId, String userId);

    Mono<Void> sendInvitation(String userId, URI redirectUri);

    Mono<Void> grantRealmRoles(String userId, Set<String> roles);

    Mono<Void> revokeRealmRoles(String userId, Set<String> roles);
}
