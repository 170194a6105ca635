package com.agencyhub.timesheets;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.timesheets.internal.MonthCloseRepository;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Closed months: an admin closes a month once it has ended, and its time entries (by work date) are locked from then
 * on. Entry writes check their months here, sharing each month's lock so that no close slips in between.
 */
@Service
public class MonthCloses {

    /** Where a month ends last: a month has ended everywhere once it has ended here. */
    private static final ZoneOffset LAST_TO_END = ZoneOffset.ofHours(-12);

    private final MonthCloseRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final List<MonthClosing> listeners;

    MonthCloses(MonthCloseRepository repository, Transactions transactions, AuditLog audit,
                List<MonthClosing> listeners) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.listeners = listeners;
    }

    public Mono<Optional<MonthClose>> of(TenantId tenant, YearMonth month) {
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, month))
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    public Mono<List<MonthClose>> list(TenantId tenant) {
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant));
    }

    /**
     * Closes a month that has ended everywhere; 409 when it is closed already. Agency admins only. The
     * {@link MonthClosing} beans are told in the same transaction.
     */
    public Mono<MonthClose> close(Actor actor, YearMonth month) {
        TenantId tenant = actor.requireTenant();
        if (!month.isBefore(YearMonth.now(LAST_TO_END))) {
            throw ApiProblem.invalidField("month", "must have ended: the current and future months cannot be closed",
                    "open-month");
        }
        return transactions.inTenant(tenant, sql -> repository.lockExclusive(sql, tenant, month)
                .then(repository.insert(sql, tenant, month, actor.userId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict(month + " is closed already.")))
                .flatMap(closed -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry("time-month.closed",
                                "time-month", monthId(tenant, month), null, Map.of("month", month.toString())))
                        .then(Flux.fromIterable(listeners).concatMap(listener -> listener.closing(tenant, month))
                                .then())
                        .thenReturn(closed)));
    }

    /**
     * Inside a writing transaction: waits for a close of any of the months under way, keeps the months from being
     * closed until the transaction ends, and refuses (409) when one of them is closed.
     */
    Mono<Void> requireOpen(DSLContext sql, TenantId tenant, Collection<YearMonth> months) {
        return repository.lockShared(sql, tenant, months)
                .then(repository.closedAmong(sql, tenant, months))
                .flatMap(closed -> closed.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(closedMonth(closed.get(0))));
    }

    /** The months among {@code months} that are closed, for writes that skip them rather than fail. */
    Mono<List<YearMonth>> closedAmong(DSLContext sql, TenantId tenant, Collection<YearMonth> months) {
        return repository.lockShared(sql, tenant, months).then(repository.closedAmong(sql, tenant, months));
    }

    static ApiProblem closedMonth(YearMonth month) {
        return ApiProblem.conflict(month + " is closed: its time entries are locked. Admins and managers correct "
                + "them with an adjustment in the open month.");
    }

    /** The audit trail's id of an agency's month: the same for every event about that month. */
    private static UUID monthId(TenantId tenant, YearMonth month) {
        return UUID.nameUUIDFromBytes(("time-month " + tenant.value() + " " + month).getBytes());
    }
}
