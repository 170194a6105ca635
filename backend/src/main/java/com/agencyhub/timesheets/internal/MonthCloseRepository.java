package com.agencyhub.timesheets.internal;

import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.timesheets.MonthClose;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import static com.agencyhub.jooq.Tables.TIME_MONTH_CLOSE;

@Repository
public class MonthCloseRepository {

    /**
     * Writers of a month's entries share the month's lock, closing it takes it alone: a month is never closed while an
     * entry is being written into it, and an entry never lands in a month closed meanwhile.
     */
    public Mono<Void> lockShared(DSLContext sql, TenantId tenant, Collection<YearMonth> months) {
        return Flux.fromIterable(months.stream().distinct().sorted().toList())
                .concatMap(month -> Mono.from(sql.query(
                        "select pg_advisory_xact_lock_shared(hashtextextended({0}, 0))", DSL.val(key(tenant, month)))))
                .then();
    }

    public Mono<Void> lockExclusive(DSLContext sql, TenantId tenant, YearMonth month) {
        return Mono.from(sql.query("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
                DSL.val(key(tenant, month)))).then();
    }

    /** Inserts the close; empty when the month was closed already. */
    public Mono<MonthClose> insert(DSLContext sql, TenantId tenant, YearMonth month, UserId closedBy) {
        return Mono.from(sql.insertInto(TIME_MONTH_CLOSE)
                        .set(TIME_MONTH_CLOSE.TENANT_ID, tenant.value())
                        .set(TIME_MONTH_CLOSE.MONTH, month.atDay(1))
                        .set(TIME_MONTH_CLOSE.CLOSED_BY, closedBy.value())
                        .onConflictDoNothing()
                        .returning())
                .map(MonthCloseRepository::close);
    }

    public Mono<MonthClose> find(DSLContext sql, TenantId tenant, YearMonth month) {
        return Mono.from(sql.selectFrom(TIME_MONTH_CLOSE)
                        .where(TIME_MONTH_CLOSE.TENANT_ID.eq(tenant.value())
                                .and(TIME_MONTH_CLOSE.MONTH.eq(month.atDay(1)))))
                .map(MonthCloseRepository::close);
    }

    /** Which of the months are closed. */
    public Mono<List<YearMonth>> closedAmong(DSLContext sql, TenantId tenant, Collection<YearMonth> months) {
        return Flux.from(sql.select(TIME_MONTH_CLOSE.MONTH).from(TIME_MONTH_CLOSE)
                        .where(TIME_MONTH_CLOSE.TENANT_ID.eq(tenant.value())
                                .and(TIME_MONTH_CLOSE.MONTH.in(months.stream().map(m -> m.atDay(1)).toList()))))
                .map(row -> YearMonth.from(row.value1()))
                .collectList();
    }

    public Mono<List<MonthClose>> list(DSLContext sql, TenantId tenant) {
        return Flux.from(sql.selectFrom(TIME_MONTH_CLOSE).where(TIME_MONTH_CLOSE.TENANT_ID.eq(tenant.value()))
                        .orderBy(TIME_MONTH_CLOSE.MONTH.desc()))
                .map(MonthCloseRepository::close)
                .collectList();
    }

    private static String key(TenantId tenant, YearMonth month) {
        return "time-month " + tenant.value() + " " + month;
    }

    private static MonthClose close(Record row) {
        LocalDate month = row.get(TIME_MONTH_CLOSE.MONTH);
        return new MonthClose(YearMonth.from(month), new UserId(row.get(TIME_MONTH_CLOSE.CLOSED_BY)),
                row.get(TIME_MONTH_CLOSE.CLOSED_AT));
    }
}
