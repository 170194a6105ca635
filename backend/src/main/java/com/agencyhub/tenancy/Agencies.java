package com.agencyhub.tenancy;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.tenancy.internal.AgencyRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;

/** Reading and editing agencies: an agency's own view, and the platform's view of all of them. */
@Service
public class Agencies {

    private final AgencyRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;

    public Agencies(AgencyRepository repository, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The caller's own agency. */
    public Mono<Agency> own(TenantId tenant) {
        return transactions.inTenant(tenant, sql -> repository.findById(sql, tenant))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The agency")));
    }

    /** Changes the caller's own agency if it still has {@code expectedVersion} (else 412). */
    public Mono<Agency> update(TenantId tenant, AuditActor actor, int expectedVersion, AgencyChanges changes) {
        return transactions.inTenant(tenant, sql -> repository.findById(sql, tenant)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The agency")))
                .flatMap(current -> {
                    if (current.version() != expectedVersion) {
                        return Mono.error(ApiProblem.preconditionFailed());
                    }
                    return repository.update(sql, changes.applyTo(current), expectedVersion)
                            .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                            .flatMap(updated -> audit.record(sql, tenant, actor, new AuditEntry("agency.updated",
                                            "agency", tenant.value(), current.snapshot(), updated.snapshot()))
                                    .thenReturn(updated));
                }));
    }

    /** The agencies with these ids, across agencies (a person's own agencies, for {@code /v1/me}). */
    public Mono<List<Agency>> named(Collection<TenantId> ids) {
        return ids.isEmpty() ? Mono.just(List.of())
                : transactions.asPlatform(sql -> repository.findByIds(sql, ids).collectList());
    }

    /** Any agency, for platform admins. */
    public Mono<Agency> get(TenantId id) {
        return transactions.asPlatform(sql -> repository.findById(sql, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The agency")));
    }

    /** All agencies, for platform admins, ordered by slug. */
    public Mono<Page<Agency>> list(AgencyQuery query, int limit, String cursor) {
        return transactions.asPlatform(sql -> repository.list(sql, query, limit, cursor));
    }
}
