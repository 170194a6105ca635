package com.agencyhub.audit;

import com.agencyhub.audit.internal.AuditRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail. Every mutation records an entry through the same jOOQ context (so the same
 * transaction) as the change itself: the change and its record commit or roll back together.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Transactions transactions;

    public AuditLog(AuditRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    public Mono<Void> record(DSLContext transaction, TenantId tenant, AuditActor actor, AuditEntry entry) {
        return repository.insert(transaction, tenant, actor, entry);
    }

    /** The agency's events, newest first. */
    public Mono<Page<AuditEvent>> list(TenantId tenant, AuditFilter filter, int limit, String cursor) {
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, filter, limit, cursor));
    }

    /** Every event of one brand, oldest first, streamed in one transaction. */
    public Flux<AuditEvent> streamForBrand(TenantId tenant, BrandId brand) {
        return transactions.inTenantMany(tenant, sql -> repository.streamForBrand(sql, tenant, brand));
    }
}
