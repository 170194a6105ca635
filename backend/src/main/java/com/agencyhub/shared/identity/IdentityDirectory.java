package com.agencyhub.shared.identity;

import java.net.URI;
import java.util.Optional;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The identity provider as the rest of AgencyHub sees it: organizations (one per agency), users and their
 * membership. It holds identity, credentials and membership only; what a person may do in an agency lives in our
 * member records. All operations except {@link #sendInvitation} are idempotent, so onboarding and member changes
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

    /** Deletes the user; completes normally when it does not exist. Used to undo a user created by a failed invitation. */
    Mono<Void> deleteUser(String userId);

    /** Makes the user a member of the organization; true when this call added them, false when already a member. */
    Mono<Boolean> addMember(String organizationId, String userId);

    /** Ends the membership; a no-op when the user is not a member. The user stays. */
    Mono<Void> removeMember(String organizationId, String userId);

    /**
     * Emails the user a link to set a password (and to verify the address when it is not verified yet); afterwards
     * the user is sent to {@code redirectUri}, which must be a redirect URI of the web client. Each call sends
     * another email; earlier links stay valid until they expire.
     */
    Mono<Void> sendInvitation(String userId, URI redirectUri);

    /** Enables or disables sign-in; disabling also ends all of the user's sessions. */
    Mono<Void> setEnabled(String userId, boolean enabled);

    /**
     * Deletes the realm roles that earlier versions granted for agency roles ({@code agency-admin}, …), which held
     * across agencies; returns the names it deleted. Authority lives in our member records now.
     */
    Mono<List<String>> deleteLegacyAgencyRoles();
}
