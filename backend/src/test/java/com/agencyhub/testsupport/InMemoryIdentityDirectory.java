package com.agencyhub.testsupport;

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
 * operations on unknown users (404) and invitations to disabled users (400). It records what was done for
 * assertions, and can be told to fail the next membership call or invitation e-mail, to show that onboarding and
 * invitations leave nothing behind when the identity provider fails.
 */
public class InMemoryIdentityDirectory implements IdentityDirectory {

    private static final int NO_FAILURE = -1;

    private final Map<String, OrganizationRef> organizations = new ConcurrentHashMap<>();
    private final Map<String, UserRef> usersByEmail = new ConcurrentHashMap<>();
    private final Set<String> disabledUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, List<URI>> invitations = new ConcurrentHashMap<>();

    private volatile int nextMembershipFailure = NO_FAILURE;
    private volatile int nextInvitationFailure = NO_FAILURE;

    /** The next membership fails as Keycloak answering {@code keycloakStatus}; 0 means Keycloak unreachable. */
    public void failNextMembership(int keycloakStatus) {
        nextMembershipFailure = keycloakStatus;
    }

    /** The next invitation e-mail fails as Keycloak answering {@code keycloakStatus}; 0 means unreachable. */
    public void failNextInvitation(int keycloakStatus) {
        nextInvitationFailure = keycloakStatus;
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

    /** The redirect URIs of the invitations sent to the user, oldest first. */
    public List<URI> invitations(String userId) {
        return List.copyOf(invitations.getOrDefault(userId, List.of()));
    }

    @Override
    public Mono<OrganizationRef> ensureOrganization(String alias, String name) {
        return Mono.defer(() -> {
            boolean nameTaken = organizations.values().stream()
                    .anyMatch(org -> org.name().equals(name) && !org.alias().equals(alias));
            return nameTaken // like Keycloak: organization names are unique in the realm
                    ? Mono.error(new IdentityProviderException("organization name taken (test)", 409, null))
                    : Mono.just(organizations.computeIfAbsent(alias,
                            key -> new OrganizationRef(UUID.randomUUID().toString(), alias, name)));
        });
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
    public Mono<Void> deleteUser(String userId) {
        return Mono.fromRunnable(() -> {
            usersByEmail.values().removeIf(user -> user.id().equals(userId));
            members.values().forEach(organization -> organization.remove(userId));
            disabledUsers.remove(userId);
        });
    }

    @Override
    public Mono<Boolean> addMember(String organizationId, String userId) {
        return knownUser(userId).then(Mono.defer(() -> {
            int failure = nextMembershipFailure;
            if (failure != NO_FAILURE) {
                nextMembershipFailure = NO_FAILURE;
                return Mono.error(new IdentityProviderException("membership failed (test)", failure, null));
            }
            return Mono.just(members.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).add(userId));
        }));
    }

    @Override
    public Mono<Void> removeMember(String organizationId, String userId) {
        return Mono.fromRunnable(() -> members.getOrDefault(organizationId, Set.of()).remove(userId));
    }

    @Override
    public Mono<Void> sendInvitation(String userId, URI redirectUri) {
        return knownUser(userId).then(Mono.defer(() -> {
            int failure = nextInvitationFailure;
            if (failure != NO_FAILURE) {
                nextInvitationFailure = NO_FAILURE;
                return Mono.error(new IdentityProviderException("send invitation failed (test)", failure, null));
            }
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
    public Mono<List<String>> deleteLegacyAgencyRoles() {
        return Mono.just(List.of());
    }

    private Mono<Void> knownUser(String userId) {
        return Mono.defer(() -> usersByEmail.values().stream().anyMatch(user -> user.id().equals(userId))
                ? Mono.empty()
                : Mono.error(new IdentityProviderException("user " + userId + " (test): not found", 404, null)));
    }
}
