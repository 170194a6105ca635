package com.agencyhub.pricing.internal;

import com.agencyhub.pricing.SurchargePercents;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.calendar.TimeClass;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import static com.agencyhub.jooq.Tables.SURCHARGE;

@Repository
public class SurchargeRepository {

    public Mono<SurchargePercents> percents(DSLContext sql, TenantId tenant) {
        return Flux.from(sql.select(SURCHARGE.TIME_CLASS, SURCHARGE.PERCENT).from(SURCHARGE)
                        .where(SURCHARGE.TENANT_ID.eq(tenant.value())))
                .collectMap(row -> Slugs.parse(TimeClass.class, row.value1()), row -> row.value2(),
                        () -> new EnumMap<>(TimeClass.class))
                .map(SurchargePercents::new);
    }

    /** Replaces the agency's surcharges with {@code percents} (classes left out have none). */
    public Mono<Void> replace(DSLContext sql, TenantId tenant, Map<TimeClass, BigDecimal> percents) {
        return Mono.from(sql.deleteFrom(SURCHARGE).where(SURCHARGE.TENANT_ID.eq(tenant.value())))
                .thenMany(Flux.fromIterable(percents.entrySet()).concatMap(entry -> Mono.from(
                        sql.insertInto(SURCHARGE)
                                .set(SURCHARGE.TENANT_ID, tenant.value())
                                .set(SURCHARGE.TIME_CLASS, Slugs.of(entry.getKey()))
                                .set(SURCHARGE.PERCENT, entry.getValue()))))
                .then();
    }
}
