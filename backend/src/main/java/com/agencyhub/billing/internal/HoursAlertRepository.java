package com.agencyhub.billing.internal;

import com.agencyhub.jooq.tables.records.HoursAlertRecord;
import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.HOURS_ALERT;

/** The thresholds of a contract's month that have been reached and told. */
@Repository
public class HoursAlertRepository {

    /**
     * Waits until no other transaction is working out the alerts of the contract's month, and keeps others waiting
     * until this one ends: with READ COMMITTED, the second of two racing writes then sees the first one's time.
     */
    public Mono<Void> lockMonth(DSLContext sql, UUID contract, YearMonth month) {
        return Mono.from(sql.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class,
                DSL.val("hours-alert " + contract + " " + month)))).then();
    }

    /**
     * Records the thresholds as reached; returns those that were not yet. The primary key makes this safe against
     * concurrent writers: a second transaction waits for the first and then inserts nothing.
     */
    public Mono<List<Integer>> recordReached(DSLContext sql, TenantId tenant, UUID contract, YearMonth month,
                                             List<Integer> thresholds) {
        return Flux.fromIterable(thresholds)
                .concatMap(threshold -> Mono.from(sql.insertInto(HOURS_ALERT)
                        .set(HOURS_ALERT.TENANT_ID, tenant.value())
                        .set(HOURS_ALERT.CONTRACT_ID, contract)
                        .set(HOURS_ALERT.MONTH, month.atDay(1))
                        .set(HOURS_ALERT.THRESHOLD, threshold)
                        .onConflictDoNothing()
                        .returning()))
                .map(HoursAlertRecord::getThreshold)
                .collectList();
    }
}
