package com.agencyhub.tenancy;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.identity.IdentityDirectory;
import com.agencyhub.shared.identity.IdentityProviderException;
import com.agencyhub.shared.identity.NewUser;
import com.agencyhub.shared.identity.OrganizationRef;
import com.agencyhub.shared.identity.UserRef;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.tenancy.internal.AgencyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Onboards an agency: its Keycloak organization, its first agency admin, then the tenant row and the
 * audit event in one transaction. Idempotent on the slug: the same request again answers the existing
 * agency. Identity work comes first because the organization's id becomes the tenant id; if anything
 * fails, an organization created by this call is removed again and no tenant row exists.
 */
@Service
public class AgencyOnboarding {

    private static final Logger log = LoggerFactory.getLogger(AgencyOnboarding.class);

    private final AgencyRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final IdentityDirectory identity;
    private final ObjectProvider<FirstAdminListener> firstAdminListeners;

    public AgencyOnboarding(AgencyRepository repository, Transactions transactions, AuditLog audit,
                            IdentityDirectory identity, ObjectProvider<FirstAdminListener> firstAdminListeners) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.identity = identity;
        this.firstAdminListeners = firstAdminListeners;
    }

    private record Provisioned(OrganizationRef organization, UserRef admin) {
    }

    public record Outcome(Agency agency, boolean created) {
    }

    public Mono<Outcome> onboard(NewAgency request, AuditActor actor) {
        return existing(request)
                .switchIfEmpty(Mono.defer(() -> create(request, actor)))
                // a concurrent identical request stored the agency first
                .onErrorResume(SqlErrors::isUniqueViolation, raced -> existing(request)
                        .switchIfEmpty(Mono.error(raced)));
    }

    private Mono<Outcome> existing(NewAgency request) {
        return transactions.asPlatform(sql -> repository.findBySlug(sql, request.slug()))
                .flatMap(agency -> request.sameAgencyAs(agency)
                        ? Mono.just(new Outcome(agency, false))
                        : Mono.error(ApiProblem.conflict("The slug '" + request.slug()
                        + "' belongs to an agency with other details.")));
    }

    private Mono<Outcome> create(NewAgency request, AuditActor actor) {
        return identity.findOrganization(request.slug())
                .flatMap(found -> {
                    boolean organizationIsNew = found.isEmpty();
                    return provisionIdentity(request)
                            .flatMap(provisioned -> store(request, actor, provisioned))
                            .onErrorResume(failure -> organizationIsNew && !SqlErrors.isUniqueViolation(failure)
                                    ? removeOrganization(request.slug()).then(Mono.error(failure))
                                    : Mono.error(failure));
                })
                .onErrorMap(IdentityProviderException.class, failure -> {
                    log.warn("Onboarding of agency '{}' failed in the identity provider: {}", request.slug(),
                            failure.getMessage());
                    return ApiProblem.of(failure);
                });
    }

    private Mono<Provisioned> provisionIdentity(NewAgency request) {
        NewUser admin = new NewUser(request.adminEmail(), request.adminFirstName(), request.adminLastName(),
                Optional.ofNullable(request.adminPassword()), request.adminPassword() != null);
        return identity.ensureOrganization(request.slug(), request.name())
                .flatMap(organization -> identity.ensureUser(admin)
                        .flatMap(user -> identity.addMember(organization.id(), user.id())
                                .then(identity.grantRealmRoles(user.id(), Set.of(Role.AGENCY_ADMIN.claimValue())))
                                .thenReturn(new Provisioned(organization, user))));
    }

    private Mono<Outcome> store(NewAgency request, AuditActor actor, Provisioned provisioned) {
        TenantId tenant = new TenantId(UUID.fromString(provisioned.organization().id()));
        FirstAdminListener.FirstAdmin admin = new FirstAdminListener.FirstAdmin(
                new UserId(UUID.fromString(provisioned.admin().id())), provisioned.admin().email(),
                request.adminFirstName(), request.adminLastName(), request.defaultZone(),
                provisioned.admin().created() && request.adminPassword() == null);
        return transactions.asPlatformFor(tenant, sql -> repository.insert(sql, tenant, request)
                .flatMap(agency -> audit.record(sql, tenant, actor, new AuditEntry("agency.created", "agency",
                                tenant.value(), null, agency.snapshot()))
                        .thenMany(Flux.fromStream(firstAdminListeners::orderedStream)
                                .concatMap(listener -> listener.firstAdminCreated(sql, tenant, actor, admin)))
                        .then(Mono.just(new Outcome(agency, true)))));
    }

    private Mono<Void> removeOrganization(String alias) {
        return identity.findOrganization(alias)
                .flatMap(found -> found.map(organization -> identity.deleteOrganization(organization.id()))
                        .orElse(Mono.empty()))
                .onErrorResume(cleanupFailure -> {
                    log.error("Could not remove organization '{}' after a failed onboarding", alias, cleanupFailure);
                    return Mono.empty();
                });
    }
}
