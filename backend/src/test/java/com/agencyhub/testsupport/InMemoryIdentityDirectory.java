package com.agencyhub.testsupport;

import com.agencyhub.shared.identity.IdentityDirectory;
import com.agencyhub.shared.identity.IdentityProviderException;
import com.agencyhub.shared.identity.NewUser;
import com.agencyhub.shared.identity.OrganizationRef;
import com.agencyhub.shared.identity.UserRef;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak in the fast API tests (the Keycloak tests use the real server). It can be told to
 * fail the next membership call, to show that onboarding leaves nothing behind when the identity provider fails.
 */
public class InMemoryIdentityDirectory implements IdentityDirectory {

    private final Map<String, OrganizationRef> organizations = new ConcurrentHashMap<>();
    private final Map<String, UserRef> users = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    private final Map<String, Integer> invitations = new ConcurrentHashMap<>();
    private static final int NO_FAILURE = -1;

    private volatile int nextMembershipFailure = NO_FAILURE;

    /** The next membership fails as Keycloak answering {@code keycloakStatus}; 0 means Keycloak unreachable. */
    public void failNextMembership(int keycloakStatus) {
        nextMembershipFailure = keycloakStatus;
    }

    public Optional<OrganizationRef> organization(String alias) {
        return Optional.ofNullable(organizations.get(alias));
    }

    public boolean isMember(String organizationId, String userId) {
        return members.getOrDefault(organizationId, Set.of()).contains(userId);
    }

    /** The id of the account with this e-mail address, which must exist. */
    public UUID userId(String email) {
        return UUID.fromString(users.get(email).id());
    }

    public Set<String> realmRolesOf(String userId) {
        return Set.copyOf(roles.getOrDefault(userId, Set.of()));
    }

    public int invitationsSentTo(String userId) {
        return invitations.getOrDefault(userId, 0);
    }

    @Override
    public Mono<Void> removeMember(String organizationId, String userId) {
        return Mono.fromRunnable(() -> members.getOrDefault(organizationId, ConcurrentHashMap.newKeySet()).remove(userId));
    }

    @Override
    public Mono<Void> sendInvitation(String userId, java.net.URI redirectUri) {
        return Mono.fromRunnable(() -> invitations.merge(userId, 1, Integer::sum));
    }

    @Override
    public Mono<OrganizationRef> ensureOrganization(String alias, String name) {
        return Mono.fromSupplier(() -> organizations.computeIfAbsent(alias,
                key -> new OrganizationRef(UUID.randomUUID().toString(), alias, name)));
    }

    @Override
    public Mono<Optional<OrganizationRef>> findOrganization(String alias) {
        return Mono.fromSupplier(() -> organization(alias));
    }

    @Override
    public Mono<Void> deleteOrganization(String organizationId) {
        return Mono.fromRunnable(() -> organizations.values().removeIf(org -> org.id().equals(organizationId)));
    }

    @Override
    public Mono<UserRef> ensureUser(NewUser user) {
        return Mono.fromSupplier(() -> users.computeIfAbsent(user.email(),
                email -> new UserRef(UUID.randomUUID().toString(), email, true)));
    }

    @Override
    public Mono<Void> addMember(String organizationId, String userId) {
        return Mono.defer(() -> {
            int failure = nextMembershipFailure;
            if (failure != NO_FAILURE) {
                nextMembershipFailure = NO_FAILURE;
                return Mono.error(new IdentityProviderException("membership failed (test)", failure, null));
            }
            members.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).add(userId);
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> grantRealmRoles(String userId, Set<String> granted) {
        return Mono.fromRunnable(() -> roles.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).addAll(granted));
    }

    @Override
    public Mono<Void> revokeRealmRoles(String userId, Set<String> revoked) {
        return Mono.fromRunnable(() -> roles.getOrDefault(userId, ConcurrentHashMap.newKeySet()).removeAll(revoked));
    }
}
