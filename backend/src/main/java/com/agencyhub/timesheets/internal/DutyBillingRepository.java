package com.agencyhub.timesheets.internal;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.timesheets.DutyBillingSetting;
import com.agencyhub.jooq.tables.records.DutyBillingRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import static com.agencyhub.jooq.Tables.DUTY_BILLING;

@Repository
public class DutyBillingRepository {

    public Mono<DutyBillingSetting> find(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.selectFrom(DUTY_BILLING)
                        .where(DUTY_BILLING.TENANT_ID.eq(tenant.value()).and(DUTY_BILLING.BRAND_ID.eq(brand.value()))))
                .map(DutyBillingRepository::setting);
    }

    /** Turns duty billing on, or changes its activity (who changed it last counts as who enabled it). */
    public Mono<DutyBillingSetting> upsert(DSLContext sql, TenantId tenant, BrandId brand, ActivityId activity,
                                           UserId by) {
        return Mono.from(sql.insertInto(DUTY_BILLING)
                        .set(DUTY_BILLING.TENANT_ID, tenant.value())
                        .set(DUTY_BILLING.BRAND_ID, brand.value())
                        .set(DUTY_BILLING.ACTIVITY_ID, activity.value())
                        .set(DUTY_BILLING.ENABLED_BY, by.value())
                        .onConflict(DUTY_BILLING.TENANT_ID, DUTY_BILLING.BRAND_ID)
                        .doUpdate()
                        .set(DUTY_BILLING.ACTIVITY_ID, activity.value())
                        .set(DUTY_BILLING.ENABLED_BY, by.value())
                        .set(DUTY_BILLING.ENABLED_AT, DSL.currentInstant())
                        .returning())
                .map(DutyBillingRepository::setting);
    }

    /** Turns duty billing off; emits what it was when it was on. */
    public Mono<DutyBillingSetting> delete(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.deleteFrom(DUTY_BILLING)
                        .where(DUTY_BILLING.TENANT_ID.eq(tenant.value()).and(DUTY_BILLING.BRAND_ID.eq(brand.value())))
                        .returning())
                .map(DutyBillingRepository::setting);
    }

    private static DutyBillingSetting setting(DutyBillingRecord row) {
        return new DutyBillingSetting(new BrandId(row.getBrandId()), new ActivityId(row.getActivityId()),
                new UserId(row.getEnabledBy()), row.getEnabledAt());
    }
}
