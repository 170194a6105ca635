package com.agencyhub.shared.identity;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link IdentityDirectory} on Keycloak's admin REST API through {@code keycloak-admin-client}, authenticated as
 * the service account of the backend's confidential client (client_credentials). The service account needs the
 * {@code realm-management} roles {@code manage-users} and {@code manage-realm} (organizations and the removal of the
 * legacy realm roles need manage-realm). It never grants realm roles.
 *
 * <p>The admin client blocks, so every call runs on {@link Schedulers#boundedElastic()}.
 *
 * <p>Organizations are looked up by alias through an organization attribute {@value #ALIAS_ATTRIBUTE} (written on
 * create; Keycloak's {@code search} parameter matches names, not aliases), with a paged scan as fallback for
 * organizations created elsewhere.
 */
public class KeycloakIdentityDirectory implements IdentityDirectory {

    static final String ALIAS_ATTRIBUTE = "agencyhub-alias";
    /** Keycloak's required-action names (its enum lives in the server SPI, not in the admin client). */
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    private static final int PAGE = 100;
    private static final int ADMIN_CONNECTIONS = 10;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for Keycloak's slowest admin call we make (sending an e-mail), short enough not to hang. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** Realm roles of earlier versions that made agency roles realm-wide; see {@link #deleteLegacyAgencyRoles}. */
    static final List<String> LEGACY_AGENCY_ROLES = List.of("agency-admin", "agency-manager", "social-media-manager",
            "client-viewer");

    private final Supplier<Keycloak> keycloak;
    private final String realm;
    private final String invitationClientId;
    private final int invitationLifespanSeconds;

    /** {@code keycloak} gives the admin client when the first call needs it (building it took about 180 ms of a start). */
    public KeycloakIdentityDirectory(Supplier<Keycloak> keycloak, KeycloakProperties properties) {
        this.keycloak = Objects.requireNonNull(keycloak, "keycloak");
        this.realm = properties.realm();
        this.invitationClientId = properties.invitationClientId();
        this.invitationLifespanSeconds = (int) properties.invitationLifespan().toSeconds();
    }

    /**
     * An admin client that authenticates with client_credentials in the configured realm, with time limits on
     * connecting and on each answer: a Keycloak that does not answer fails the call ({@link IdentityProviderException},
     * a 503 for the caller) instead of holding a request and a thread forever.
     */
    public static Keycloak adminClient(KeycloakProperties properties) {
        Client http = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
                .connectionPoolSize(ADMIN_CONNECTIONS)
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, Priorities.USER)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(http)
                .build();
    }

    // -------------------------------------------------------------------------------------------------------------
    // organizations

    @Override
    public Mono<OrganizationRef> ensureOrganization(String alias, String name) {
        requireText(alias, "alias");
        requireText(name, "name");
        return call("ensure organization '" + alias + "'", () -> {
            Optional<OrganizationRef> existing = findOrganizationBlocking(alias);
            if (existing.isPresent()) {
                return existing.get();
            }
            OrganizationRepresentation rep = new OrganizationRepresentation();
            rep.setAlias(alias);
            rep.setName(name);
            rep.setEnabled(true);
            rep.setAttributes(Map.of(ALIAS_ATTRIBUTE, List.of(alias)));
            try (Response response = organizations().create(rep)) {
                if (response.getStatus() == 409) {
                    // created concurrently, or an organization with this name exists under another alias
                    return findOrganizationBlocking(alias).orElseThrow(() -> rejected(
                            "ensure organization '" + alias + "'", response,
                            "Keycloak refused the organization (name '" + name + "' or alias already used)"));
                }
                if (response.getStatus() != 201) {
                    throw rejected("create organization '" + alias + "'", response, null);
                }
                return new OrganizationRef(CreatedResponseUtil.getCreatedId(response), alias, name);
            }
        });
    }

    @Override
    public Mono<Optional<OrganizationRef>> findOrganization(String alias) {
        requireText(alias, "alias");
        return call("find organization '" + alias + "'", () -> findOrganizationBlocking(alias));
    }

    @Override
    public Mono<Void> deleteOrganization(String organizationId) {
        requireText(organizationId, "organizationId");
        return call("delete organization " + organizationId, () -> {
            try (Response response = organizations().get(organizationId).delete()) {
                int status = response.getStatus();
                if (status != 204 && status != 404) {
                    throw rejected("delete organization " + organizationId, response, null);
                }
            }
            return null;
        }).then();
    }

    private Optional<OrganizationRef> findOrganizationBlocking(String alias) {
        List<OrganizationRepresentation> byAttribute =
                organizations().searchByAttribute(ALIAS_ATTRIBUTE + ":" + alias, 0, 10);
        Optional<OrganizationRef> found = firstWithAlias(byAttribute, alias);
        if (found.isPresent()) {
            return found;
        }
        for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = organizations().list(first, PAGE);
            found = firstWithAlias(page, alias);
            if (found.isPresent() || page.size() < PAGE) {
                return found;
            }
        }
    }

    private static Optional<OrganizationRef> firstWithAlias(List<OrganizationRepresentation> candidates, String alias) {
        return candidates.stream()
                .filter(o -> alias.equals(o.getAlias()))
                .findFirst()
                .map(o -> new OrganizationRef(o.getId(), o.getAlias(), o.getName()));
    }

    // -------------------------------------------------------------------------------------------------------------
    // users

    @Override
    public Mono<UserRef> ensureUser(NewUser user) {
        Objects.requireNonNull(user, "user");
        String email = user.email();
        return call("ensure user " + email, () -> {
            Optional<String> existing = findUserIdByEmail(email);
            if (existing.isPresent()) {
                return new UserRef(existing.get(), email, false);
            }
            UserRepresentation rep = new UserRepresentation();
            rep.setUsername(email);
            rep.setEmail(email);
            rep.setFirstName(user.firstName());
            rep.setLastName(user.lastName());
            rep.setEnabled(true);
            rep.setEmailVerified(user.emailVerified());
            user.initialPassword().ifPresent(password -> {
                CredentialRepresentation credential = new CredentialRepresentation();
                credential.setType(CredentialRepresentation.PASSWORD);
                credential.setValue(password);
                credential.setTemporary(false);
                rep.setCredentials(List.of(credential));
            });
            try (Response response = realm().users().create(rep)) {
                if (response.getStatus() == 409) {
                    // created concurrently: the email (= username) is taken
                    String id = findUserIdByEmail(email).orElseThrow(() -> rejected("create user " + email,
                            response, "Keycloak reports a conflicting user but none has this email"));
                    return new UserRef(id, email, false);
                }
                if (response.getStatus() == 400) {
                    throw IdentityProviderException.refusedInput("create user " + email + " refused: "
                            + errorBody(response));
                }
                if (response.getStatus() != 201) {
                    throw rejected("create user " + email, response, null);
                }
                return new UserRef(CreatedResponseUtil.getCreatedId(response), email, true);
            }
        });
    }

    private Optional<String> findUserIdByEmail(String email) {
        return realm().users().searchByEmail(email, true).stream()
                .filter(u -> email.equalsIgnoreCase(u.getEmail()))
                .map(UserRepresentation::getId)
                .findFirst();
    }

    @Override
    public Mono<Void> deleteUser(String userId) {
        requireText(userId, "userId");
        return call("delete user " + userId, () -> {
            try (Response response = realm().users().delete(userId)) {
                int status = response.getStatus();
                if (status != 204 && status != 404) {
                    throw rejected("delete user " + userId, response, null);
                }
            }
            return null;
        }).then();
    }

    @Override
    public Mono<Boolean> addMember(String organizationId, String userId) {
        requireText(organizationId, "organizationId");
        requireText(userId, "userId");
        String operation = "add user " + userId + " to organization " + organizationId;
        return call(operation, () -> {
            if (isMember(organizationId, userId)) {
                return false;
            }
            try (Response response = organizations().get(organizationId).members().addMember(userId)) {
                int status = response.getStatus();
                if (status == 409 && isMember(organizationId, userId)) {
                    return false; // added concurrently
                }
                if (status != 201 && status != 204) {
                    throw rejected(operation, response, null);
                }
            }
            return true;
        });
    }

    @Override
    public Mono<Void> removeMember(String organizationId, String userId) {
        requireText(organizationId, "organizationId");
        requireText(userId, "userId");
        String operation = "remove user " + userId + " from organization " + organizationId;
        return call(operation, () -> {
            try (Response response = organizations().get(organizationId).members().member(userId).delete()) {
                int status = response.getStatus();
                if (status != 204 && status != 404) { // 404: not a member (any more)
                    throw rejected(operation, response, null);
                }
            }
            return null;
        }).then();
    }

    private boolean isMember(String organizationId, String userId) {
        return organizations().members().getOrganizations(userId, true).stream()
                .anyMatch(o -> organizationId.equals(o.getId()));
    }

    @Override
    public Mono<Void> sendInvitation(String userId, URI redirectUri) {
        requireText(userId, "userId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        return call("send invitation to user " + userId, () -> {
            UserResource user = realm().users().get(userId);
            List<String> actions = Boolean.TRUE.equals(user.toRepresentation().isEmailVerified())
                    ? List.of(UPDATE_PASSWORD)
                    : List.of(UPDATE_PASSWORD, VERIFY_EMAIL);
            user.executeActionsEmail(invitationClientId, redirectUri.toString(), invitationLifespanSeconds, actions);
            return null;
        }).then();
    }

    @Override
    public Mono<Void> setEnabled(String userId, boolean enabled) {
        requireText(userId, "userId");
        return call((enabled ? "enable" : "disable") + " user " + userId, () -> {
            UserResource user = realm().users().get(userId);
            UserRepresentation rep = user.toRepresentation();
            rep.setEnabled(enabled);
            user.update(rep);
            if (!enabled) {
                user.logout();
            }
            return null;
        }).then();
    }

    @Override
    public Mono<List<String>> deleteLegacyAgencyRoles() {
        return call("delete legacy agency realm roles", () -> {
            List<String> deleted = new ArrayList<>();
            for (String name : LEGACY_AGENCY_ROLES) {
                try {
                    realm().roles().deleteRole(name);
                    deleted.add(name);
                } catch (NotFoundException alreadyGone) {
                    // deleted by an earlier start, or a realm that never had it
                }
            }
            return List.copyOf(deleted);
        });
    }

    // -------------------------------------------------------------------------------------------------------------
    // plumbing

    private RealmResource realm() {
        return keycloak.get().realm(realm);
    }

    private OrganizationsResource organizations() {
        return realm().organizations();
    }

    /** Runs blocking admin-client work on boundedElastic and maps every failure to IdentityProviderException. */
    private <T> Mono<T> call(String operation, Callable<T> work) {
        return Mono.fromCallable(() -> {
                    try {
                        return work.call();
                    } catch (IdentityProviderException e) {
                        throw e;
                    } catch (WebApplicationException e) {
                        throw rejected(operation, e.getResponse(), null, e);
                    } catch (ProcessingException e) {
                        // the admin client fetches its token inside a request filter: a refused token request
                        // (wrong secret, disabled client) arrives here wrapped, with the HTTP answer inside
                        WebApplicationException answered = findCause(e, WebApplicationException.class);
                        if (answered != null) {
                            throw rejected(operation + " (service-account token)", answered.getResponse(), null, e);
                        }
                        throw new IdentityProviderException(operation + " failed: Keycloak not reachable ("
                                + rootCauseSummary(e) + ")", 0, e);
                    } catch (RuntimeException e) {
                        throw new IdentityProviderException(operation + " failed: " + rootCauseSummary(e), 0, e);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static IdentityProviderException rejected(String operation, Response response, String detail) {
        return rejected(operation, response, detail, null);
    }

    private static IdentityProviderException rejected(String operation, Response response, String detail,
                                                      Throwable cause) {
        int status = response == null ? 0 : response.getStatus();
        StringBuilder message = new StringBuilder(operation).append(" failed: Keycloak answered HTTP ").append(status);
        String body = detail != null ? detail : errorBody(response);
        if (body != null && !body.isBlank()) {
            message.append(" - ").append(body);
        }
        if (status == 401) {
            message.append(" (the backend's client credentials were not accepted)");
        } else if (status == 403) {
            message.append(" (the service account lacks a realm-management role)");
        }
        return new IdentityProviderException(message.toString(), status, cause);
    }

    /** Keycloak's error JSON ({"errorMessage": "..."}), shortened; it never contains our credentials. */
    private static String errorBody(Response response) {
        if (response == null || !response.hasEntity()) {
            return null;
        }
        try {
            String body = response.readEntity(String.class);
            return body == null ? null : (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        } catch (RuntimeException alreadyConsumedOrUnreadable) {
            return null;
        }
    }

    private static <X extends Throwable> X findCause(Throwable e, Class<X> type) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootCauseSummary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "KeycloakIdentityDirectory[realm=" + realm.toLowerCase(Locale.ROOT) + "]";
    }
}
