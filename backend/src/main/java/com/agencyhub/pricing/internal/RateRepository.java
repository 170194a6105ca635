package com.agencyhub.pricing.internal;

import com.agencyhub.jooq.tables.records.RateRecord;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.Rate;
import com.agencyhub.pricing.RateId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static com.agencyhub.jooq.Tables.RATE;

@Repository
public class RateRepository {

    public Mono<Rate> insert(DSLContext sql, TenantId tenant, RateId id, BrandId brand, ActivityId activity,
                             UserId member, BigDecimal billRate, BigDecimal costRate) {
        return Mono.from(sql.insertInto(RATE)
                        .set(RATE.TENANT_ID, tenant.value())
                        .set(RATE.ID, id.value())
                        .set(RATE.BRAND_ID, value(brand, BrandId::value))
                        .set(RATE.ACTIVITY_ID, value(activity, ActivityId::value))
                        .set(RATE.MEMBER_ID, value(member, UserId::value))
                        .set(RATE.BILL_RATE, billRate)
                        .set(RATE.COST_RATE, costRate)
                        .returning())
                .map(RateRepository::rate);
    }

    public Mono<Rate> find(DSLContext sql, TenantId tenant, RateId id) {
        return Mono.from(sql.selectFrom(RATE).where(RATE.TENANT_ID.eq(tenant.value()).and(RATE.ID.eq(id.value()))))
                .map(RateRepository::rate);
    }

    /** Rows with exactly these dimensions set (null: only rows where it is unset) or, when null, any. */
    public Mono<List<Rate>> list(DSLContext sql, TenantId tenant, BrandId brand, ActivityId activity,
                                 UserId member) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(RATE.TENANT_ID.eq(tenant.value()));
        if (brand != null) {
            conditions.add(RATE.BRAND_ID.eq(brand.value()));
        }
        if (activity != null) {
            conditions.add(RATE.ACTIVITY_ID.eq(activity.value()));
        }
        if (member != null) {
            conditions.add(RATE.MEMBER_ID.eq(member.value()));
        }
        return Flux.from(sql.selectFrom(RATE).where(conditions)
                        .orderBy(RATE.BRAND_ID.nullsFirst(), RATE.ACTIVITY_ID.nullsFirst(), RATE.MEMBER_ID.nullsFirst(),
                                RATE.ID))
                .map(RateRepository::rate)
                .collectList();
    }

    /**
     * In one query, the rows that may apply to work for {@code brand}, any of {@code activities} and {@code member}:
     * each dimension unset or equal (a null argument matches unset rows only).
     */
    public Mono<List<Rate>> candidates(DSLContext sql, TenantId tenant, BrandId brand,
                                       Collection<ActivityId> activities, UserId member) {
        return Flux.from(sql.selectFrom(RATE).where(RATE.TENANT_ID.eq(tenant.value())
                        .and(unsetOrAny(RATE.BRAND_ID, brand == null ? List.of() : List.of(brand.value())))
                        .and(unsetOrAny(RATE.ACTIVITY_ID, activities.stream().map(ActivityId::value).toList()))
                        .and(unsetOrAny(RATE.MEMBER_ID, member == null ? List.of() : List.of(member.value())))))
                .map(RateRepository::rate)
                .collectList();
    }

    /** Writes both rates at the expected version; empty when the version is stale. */
    public Mono<Rate> update(DSLContext sql, TenantId tenant, RateId id, int expectedVersion, BigDecimal billRate,
                             BigDecimal costRate) {
        return Mono.from(sql.update(RATE)
                        .set(RATE.BILL_RATE, billRate)
                        .set(RATE.COST_RATE, costRate)
                        .set(RATE.VERSION, RATE.VERSION.plus(1))
                        .set(RATE.UPDATED_AT, DSL.currentInstant())
                        .where(RATE.TENANT_ID.eq(tenant.value()).and(RATE.ID.eq(id.value()))
                                .and(RATE.VERSION.eq(expectedVersion)))
                        .returning())
                .map(RateRepository::rate);
    }

    public Mono<Rate> delete(DSLContext sql, TenantId tenant, RateId id) {
        return Mono.from(sql.deleteFrom(RATE).where(RATE.TENANT_ID.eq(tenant.value()).and(RATE.ID.eq(id.value())))
                        .returning())
                .map(RateRepository::rate);
    }

    private static Condition unsetOrAny(Field<UUID> column, List<UUID> values) {
        return values.isEmpty() ? column.isNull()
                : column.isNull().or(column.eq(DSL.any(values.toArray(UUID[]::new))));
    }

    private static <T> UUID value(T id, Function<T, UUID> value) {
        return id == null ? null : value.apply(id);
    }

    private static Rate rate(RateRecord row) {
        return new Rate(new RateId(row.getId()), row.getBrandId() == null ? null : new BrandId(row.getBrandId()),
                row.getActivityId() == null ? null : new ActivityId(row.getActivityId()),
                row.getMemberId() == null ? null : new UserId(row.getMemberId()), row.getBillRate(),
                row.getCostRate(), row.getVersion(), row.getCreatedAt(), row.getUpdatedAt());
    }
}
