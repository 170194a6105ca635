package com.agencyhub.billing.internal;

import com.agencyhub.billing.ClosedBalance;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.HOURS_BALANCE;

/** The carry-over balances of closed months, one per brand and month. */
@Repository
public class HoursBalanceRepository {

    private final Transactions transactions;

    HoursBalanceRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Keeping balances (at a close) takes the agency's balance lock alone, taking later ones back (at a booking)
     * shares it: a booking into an earlier month that commits while a close works out its balances is either seen by
     * the close, or takes back what the close stored once it has committed.
     */
    public Mono<Void> lockToKeep(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.query("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
                DSL.val(lockKey(tenant)))).then();
    }

    public Mono<Void> lockToTakeBack(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.query("select pg_advisory_xact_lock_shared(hashtextextended({0}, 0))",
                DSL.val(lockKey(tenant)))).then();
    }

    public Mono<Void> store(DSLContext sql, TenantId tenant, Collection<ClosedBalance> balances) {
        if (balances.isEmpty()) {
            return Mono.empty();
        }
        InsertValuesStep6<?, UUID, UUID, LocalDate, UUID, Long, BigDecimal> insert = sql.insertInto(HOURS_BALANCE,
                HOURS_BALANCE.TENANT_ID, HOURS_BALANCE.BRAND_ID, HOURS_BALANCE.MONTH, HOURS_BALANCE.CONTRACT_ID,
                HOURS_BALANCE.BILLABLE_MINUTES, HOURS_BALANCE.CARRIED_OUT_MINUTES);
        for (ClosedBalance balance : balances) {
            insert = insert.values(tenant.value(), balance.brand().value(), balance.month().atDay(1),
                    balance.contractId(), balance.billableMinutes(), balance.carriedOutMinutes());
        }
        return Mono.from(insert).then();
    }

    /** Per brand, its latest balance before {@code month} under one of the contracts; brands without one left out. */
    public Mono<List<ClosedBalance>> latestBefore(TenantId tenant, Collection<UUID> contracts, YearMonth month) {
        return transactions.fetch(tenant, DSL.select(HOURS_BALANCE.BRAND_ID, HOURS_BALANCE.MONTH,
                                HOURS_BALANCE.CONTRACT_ID, HOURS_BALANCE.BILLABLE_MINUTES,
                                HOURS_BALANCE.CARRIED_OUT_MINUTES)
                        .distinctOn(HOURS_BALANCE.BRAND_ID)
                        .from(HOURS_BALANCE)
                        .where(HOURS_BALANCE.TENANT_ID.eq(tenant.value())
                                .and(HOURS_BALANCE.CONTRACT_ID.in(contracts))
                                .and(HOURS_BALANCE.MONTH.lt(month.atDay(1))))
                        .orderBy(HOURS_BALANCE.BRAND_ID, HOURS_BALANCE.MONTH.desc()),
                row -> new ClosedBalance(new BrandId(row.get(HOURS_BALANCE.BRAND_ID.getName(), UUID.class)),
                        YearMonth.from(row.get(HOURS_BALANCE.MONTH.getName(), LocalDate.class)),
                        row.get(HOURS_BALANCE.CONTRACT_ID.getName(), UUID.class),
                        row.get(HOURS_BALANCE.BILLABLE_MINUTES.getName(), Long.class),
                        row.get(HOURS_BALANCE.CARRIED_OUT_MINUTES.getName(), BigDecimal.class)));
    }

    /** Takes back the brand's balances of the months after {@code month}: they depended on it. */
    public Mono<Void> dropAfter(DSLContext sql, TenantId tenant, BrandId brand, YearMonth month) {
        return Mono.from(sql.deleteFrom(HOURS_BALANCE)
                .where(HOURS_BALANCE.TENANT_ID.eq(tenant.value())
                        .and(HOURS_BALANCE.BRAND_ID.eq(brand.value()))
                        .and(HOURS_BALANCE.MONTH.gt(month.atDay(1))))).then();
    }

    private static String lockKey(TenantId tenant) {
        return "hours-balance " + tenant.value();
    }
}
