package com.agencyhub.testsupport;

import com.agencyhub.shared.identity.AgencyRoles;
import com.agencyhub.shared.identity.IdentityDirectory;
import com.agencyhub.shared.identity.IdentityProviderException;
import com.agencyhub.shared.identity.NewUser;
import com.agencyhub.shared.identity.OrganizationRef;
import com.agencyhub.shared.identity.UserRef;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Keycloak in the fast API tests (the Keycloak tests use the real server). Like Keycloak it refuses
 * operations on unknown users (404), invitations to disabled users (400) and roles outside {@link AgencyRoles}.
 * It records what was done for assertions, and can be told to fail the next membership call, to show that
 * onboarding leaves nothing behind when the identity provider fails.
 */
public class InMemoryIdentityDirectory implements IdentityDirectory {

    private static final int NO_FAILURE = -1;

    private final Map<String, OrganizationRef> organizations = new ConcurrentHashMap<>();
    private final Map<String, UserRef> usersByEmail = new ConcurrentHashMap<>();
    private final Set<String> disabledUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    private final Map<String, List<URI>> invitations = new ConcurrentHashMap<>();

    private volatile int nextMembershipFailure = NO_FAILURE;

    /** The next membership fails as Keycloak answering {@code keycloakStatus}; 0 means Keycloak unreachable. */
    public void failNextMembership(int keycloakStatus) {
        nextMembershipFailure = keycloakStatus;
    }

    public Optional<OrganizationRef> organization(String alias) {
        return Optional.ofNullable(organizations.get(alias));
    }

    public Optional<UserRef> user(String email) {
        return Optional.ofNullable(usersByEmail.get(email));
    }

    public boolean isMember(String organizationId, String userId) {
        return members.getOrDefault(organizationId, Set.of()).contains(userId);
    }

    public boolean isEnabled(String userId) {
        return !disabledUsers.contains(userId);
    }

    public Set<String> roles(String userId) {
        return Set.copyOf(roles.getOrDefault(userId, Set.of()));
    }

    /** The redirect URIs of the invitations sent to the user, oldest first. */
    public List<URI> invitations(String userId) {
        return List.copyOf(invitations.getOrDefault(userId, List.of()));
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
        return Mono.fromRunnable(() -> {
            organizations.values().removeIf(org -> org.id().equals(organizationId));
            members.remove(organizationId);
        });
    }

    @Override
    public Mono<UserRef> ensureUser(NewUser user) {
        return Mono.fromSupplier(() -> {
            UserRef created = new UserRef(UUID.randomUUID().toString(), user.email(), true);
            UserRef existing = usersByEmail.putIfAbsent(user.email(), created);
            return existing == null ? created : new UserRef(existing.id(), existing.email(), false);
        });
    }

    @Override
    public Mono<Void> addMember(String organizationId, String userId) {
        return knownUser(userId).then(Mono.defer(() -> {
            int failure = nextMembershipFailure;
            if (failure != NO_FAILURE) {
                nextMembershipFailure = NO_FAILURE;
                return Mono.error(new IdentityProviderException("membership failed (test)", failure, null));
            }
            members.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).add(userId);
            return Mono.empty();
        }));
    }

    @Override
    public Mono<Void> removeMember(String organizationId, String userId) {
        return Mono.fromRunnable(() -> members.getOrDefault(organizationId, Set.of()).remove(userId));
    }

    @Override
    public Mono<Void> sendInvitation(String userId, URI redirectUri) {
        return knownUser(userId).then(Mono.defer(() -> {
            if (!isEnabled(userId)) {
                return Mono.error(new IdentityProviderException("send invitation (test): User is disabled", 400, null));
            }
            invitations.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(redirectUri);
            return Mono.empty();
        }));
    }

    @Override
    public Mono<Void> setEnabled(String userId, boolean enabled) {
        return knownUser(userId).then(Mono.fromRunnable(() -> {
            if (enabled) {
                disabledUsers.remove(userId);
            } else {
                disabledUsers.add(userId);
            }
        }));
    }

    @Override
    public Mono<Void> grantRealmRoles(String userId, Set<String> granted) {
        AgencyRoles.require(granted);
        return knownUser(userId).then(Mono.fromRunnable(() ->
                roles.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).addAll(granted)));
    }

    @Override
    public Mono<Void> revokeRealmRoles(String userId, Set<String> revoked) {
        AgencyRoles.require(revoked);
        return knownUser(userId).then(Mono.fromRunnable(() ->
                roles.getOrDefault(userId, Set.of()).removeAll(revoked)));
    }

    @Override
    public Mono<Set<String>> realmRoles(String userId) {
        return knownUser(userId).then(Mono.fromSupplier(() -> roles(userId)));
    }

    private Mono<Void> knownUser(String userId) {
        return Mono.defer(() -> usersByEmail.values().stream().anyMatch(user -> user.id().equals(userId))
                ? Mono.empty()
                : Mono.error(new IdentityProviderException("user " + userId + " (test): not found", 404, null)));
    }
}
