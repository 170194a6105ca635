package com.agencyhub.audit;

import com.agencyhub.audit.internal.AuditRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.PreparedRead;
import com.agencyhub.shared.db.Transactions;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

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

    /**
     * A change and the recording of its event as one statement, for hot paths where a round trip counts: the event is
     * recorded only if the change (a statement that changes one row and returns it) returns its row. Bound after the
     * change's own values are the event's ({@link #event}); its rows are the change's.
     */
    public static PreparedRead recorded(ResultQuery<? extends Record> change) {
        return AuditRepository.recorded(change);
    }

    /** The values that {@link #recorded} statements bind for the entry, after the change's own. */
    public List<Object> event(TenantId tenant, AuditActor actor, AuditEntry entry) {
        return repository.eventValues(tenant, actor, entry);
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
