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
import com.agencyhub.shared.identity.PersonDetails;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.tenancy.internal.AgencyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Onboards an agency: its Keycloak organization, its first agency admin, then the tenant row and the
 * audit event in one transaction. Idempotent on the slug: the same request again answers the existing
 * agency. Identity work comes first because the organization's id becomes the tenant id; if anything
 * fails, the organization and the admin account created by this call are removed again and no tenant row exists.
 * The first admin's role lives in our member record, as every agency role does.
 */
@Service
public class AgencyOnboarding {

    private static final Logger log = LoggerFactory.getLogger(AgencyOnboarding.class);

    private final AgencyRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final IdentityDirectory identity;
    private final ObjectProvider<AgencyCreatedListener> agencyListeners;
    private final ObjectProvider<FirstAdminListener> firstAdminListeners;

    public AgencyOnboarding(AgencyRepository repository, Transactions transactions, AuditLog audit,
                            IdentityDirectory identity, ObjectProvider<AgencyCreatedListener> agencyListeners,
                            ObjectProvider<FirstAdminListener> firstAdminListeners) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.identity = identity;
        this.agencyListeners = agencyListeners;
        this.firstAdminListeners = firstAdminListeners;
    }

    private record Provisioned(OrganizationRef organization, UserRef admin) {
    }

    /** What this call created in the identity provider, to be removed again when onboarding fails. */
    private static final class Created {
        private volatile boolean organization;
        private volatile String user;
    }

    public record Outcome(Agency agency, boolean created) {
    }

    public Mono<Outcome> onboard(NewAgency request, AuditActor actor) {
        List<FieldViolation> invalid = PersonDetails.violations("admin.", request.adminEmail(),
                request.adminFirstName(), request.adminLastName());
        if (!invalid.isEmpty()) {
            return Mono.error(ApiProblem.validation(invalid));
        }
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
        Created created = new Created();
        return provisionIdentity(request, created)
                .flatMap(provisioned -> store(request, actor, provisioned))
                .onErrorResume(failure -> SqlErrors.isUniqueViolation(failure) ? Mono.error(failure)
                        : undo(request.slug(), created).then(Mono.error(failure)))
                .onErrorMap(IdentityProviderException.class, failure -> {
                    log.warn("Onboarding of agency '{}' failed in the identity provider: {}", request.slug(),
                            failure.getMessage());
                    // Keycloak keeps organization names unique across the platform
                    return failure.status().orElse(0) == HttpStatus.CONFLICT.value()
                            ? ApiProblem.conflict("An agency named '" + request.name() + "' exists already; "
                            + "choose another name.")
                            : ApiProblem.of(failure);
                });
    }

    private Mono<Provisioned> provisionIdentity(NewAgency request, Created created) {
        NewUser admin = new NewUser(request.adminEmail(), request.adminFirstName(), request.adminLastName(),
                Optional.ofNullable(request.adminPassword()), request.adminPassword() != null);
        return identity.findOrganization(request.slug())
                .doOnNext(found -> created.organization = found.isEmpty())
                .then(identity.ensureOrganization(request.slug(), request.name()))
                .flatMap(organization -> identity.ensureUser(admin)
                        .doOnNext(user -> created.user = user.created() ? user.id() : null)
                        .flatMap(user -> identity.addMember(organization.id(), user.id())
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
                        .thenMany(Flux.fromStream(agencyListeners::orderedStream)
                                .concatMap(listener -> listener.agencyCreated(sql, tenant)))
                        .thenMany(Flux.fromStream(firstAdminListeners::orderedStream)
                                .concatMap(listener -> listener.firstAdminCreated(sql, tenant, actor, admin)))
                        .then(Mono.just(new Outcome(agency, true)))));
    }

    /** Removes the organization and the admin account this call created; a user who existed before stays. */
    private Mono<Void> undo(String alias, Created created) {
        Mono<Void> user = created.user == null ? Mono.empty() : identity.deleteUser(created.user);
        Mono<Void> organization = !created.organization ? Mono.empty() : identity.findOrganization(alias)
                .flatMap(found -> found.map(existing -> identity.deleteOrganization(existing.id()))
                        .orElse(Mono.empty()));
        return user.then(organization).onErrorResume(cleanupFailure -> {
            log.error("Could not undo the identity-provider side of the failed onboarding of '{}'", alias,
                    cleanupFailure);
            return Mono.empty();
        });
    }
}
