package com.agencyhub.timesheets.internal;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.timesheets.RunningTimer;
import com.agencyhub.jooq.tables.records.TimeTimerRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import static com.agencyhub.jooq.Tables.TIME_TIMER;

@Repository
public class TimerRepository {

    /** Starts the timer; empty when the member has one running already. */
    public Mono<RunningTimer> insert(DSLContext sql, TenantId tenant, RunningTimer timer) {
        return Mono.from(sql.insertInto(TIME_TIMER)
                        .set(TIME_TIMER.TENANT_ID, tenant.value())
                        .set(TIME_TIMER.MEMBER_ID, timer.member().value())
                        .set(TIME_TIMER.BRAND_ID, timer.brand().value())
                        .set(TIME_TIMER.ACTIVITY_ID, timer.activity().value())
                        .set(TIME_TIMER.STARTED_AT, timer.startedAt())
                        .set(TIME_TIMER.BILLABLE, timer.billable())
                        .set(TIME_TIMER.NOTE, timer.note())
                        .onConflictDoNothing()
                        .returning())
                .map(TimerRepository::timer);
    }

    /** The member's running timer, locked until the transaction ends (stopping it twice books once). */
    public Mono<RunningTimer> findForUpdate(DSLContext sql, TenantId tenant, UserId member) {
        return Mono.from(sql.selectFrom(TIME_TIMER)
                        .where(TIME_TIMER.TENANT_ID.eq(tenant.value()).and(TIME_TIMER.MEMBER_ID.eq(member.value())))
                        .forUpdate())
                .map(TimerRepository::timer);
    }

    /** Deletes the member's timer; emits it when there was one. */
    public Mono<RunningTimer> delete(DSLContext sql, TenantId tenant, UserId member) {
        return Mono.from(sql.deleteFrom(TIME_TIMER)
                        .where(TIME_TIMER.TENANT_ID.eq(tenant.value()).and(TIME_TIMER.MEMBER_ID.eq(member.value())))
                        .returning())
                .map(TimerRepository::timer);
    }

    private static RunningTimer timer(TimeTimerRecord row) {
        return new RunningTimer(new UserId(row.getMemberId()), new BrandId(row.getBrandId()),
                new ActivityId(row.getActivityId()), row.getStartedAt(), row.getBillable(), row.getNote());
    }
}
